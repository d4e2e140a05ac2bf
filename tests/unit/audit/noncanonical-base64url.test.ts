import { describe, expect, it } from 'vitest';
import { noncanonicalBase64url } from '../../../src/core/audit/rules/noncanonical-base64url';
import { b64url, decoded, now } from './tokens';

// '{"alg":"HS256"}' is 15 bytes: base64 of it is 20 characters with no padding, so use 16 bytes.
const header16 = Buffer.from('{"alg":"HS256"} ').toString('base64'); // ends in "=="
const payload = b64url('{"sub":"1"}');

describe('noncanonical-base64url', () => {
  it('flags padding', () => {
    expect(header16.endsWith('==')).toBe(true);
    const findings = noncanonicalBase64url.check(decoded(`${header16}.${payload}.AAAA`), { now });
    expect(findings[0]?.message).toContain('padding');
  });
  it('flags non-zero trailing bits: "AB" and "AA" decode to the same byte', () => {
    // "AB": 6+6 bits, one byte out, the last 4 bits (0001) should be zero.
    const findings = noncanonicalBase64url.check(decoded(`${b64url('{"alg":"HS256"}')}.${payload}.AB`), {
      now,
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain('signature');
  });
  it('leaves canonical base64url alone', () => {
    expect(
      noncanonicalBase64url.check(decoded(`${b64url('{"alg":"HS256"}')}.${payload}.AA`), { now }),
    ).toEqual([]);
  });
});
