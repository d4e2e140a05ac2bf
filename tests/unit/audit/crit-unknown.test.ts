import { describe, expect, it } from 'vitest';
import { critUnknown } from '../../../src/core/audit/rules/crit-unknown';
import { decoded, jws, now } from './tokens';

const check = (header: object) =>
  critUnknown.check(decoded(jws({ alg: 'ES256', ...header }, { sub: 'a' })), { now });

describe('crit-unknown', () => {
  it('flags an extension verifiers do not understand', () => {
    expect(
      check({ crit: ['http://example.invalid/UNDEFINED'], 'http://example.invalid/UNDEFINED': true })[0]
        ?.message,
    ).toContain('which common verifiers (jose among them) do not understand');
  });
  it('flags standard names, absent names and a non-array', () => {
    expect(check({ crit: ['alg'] })[0]?.message).toContain('standard parameters');
    expect(check({ crit: ['b64'] })[0]?.message).toContain('which the header does not contain');
    expect(check({ crit: 'b64', b64: false })[0]?.message).toContain('non-empty array');
    expect(check({ crit: [] })[0]?.message).toContain('non-empty array');
  });
  it('leaves RFC 7797 "b64" (listed and present) and a header without crit alone', () => {
    expect(check({ crit: ['b64'], b64: true })).toEqual([]);
    expect(check({})).toEqual([]);
  });
});
