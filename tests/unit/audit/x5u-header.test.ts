import { describe, expect, it } from 'vitest';
import { x5uHeader } from '../../../src/core/audit/rules/x5u-header';
import { decoded, jws, now } from './tokens';

describe('x5u-header', () => {
  it('is danger when there is no issuer to compare the host with', () => {
    const [finding] = x5uHeader.check(
      decoded(jws({ alg: 'RS256', x5u: 'https://certs.example.net/c.pem' }, { sub: 'a' })),
      { now },
    );
    expect(finding).toMatchObject({ rule: 'x5u-header', severity: 'danger' });
    expect(finding?.message).toContain('an X.509 certificate');
    expect(finding?.message).toContain('no URL-shaped "iss"');
  });
  it('accepts a subdomain of the issuer as the same party (a warning)', () => {
    const token = jws(
      { alg: 'RS256', x5u: 'https://keys.example.com/c.pem' },
      { iss: 'https://example.com' },
    );
    expect(x5uHeader.check(decoded(token), { now })[0]?.severity).toBe('warn');
  });
  it('leaves a token without x5u alone', () => {
    expect(x5uHeader.check(decoded(jws({ alg: 'RS256', jku: 'https://a.test/' }, {})), { now })).toEqual([]);
  });
});
