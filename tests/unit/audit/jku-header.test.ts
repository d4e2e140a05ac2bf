import { describe, expect, it } from 'vitest';
import { jkuHeader } from '../../../src/core/audit/rules/jku-header';
import { decoded, jws, now } from './tokens';

describe('jku-header', () => {
  it('is danger when the jku host differs from the issuer host', () => {
    const token = jws(
      { alg: 'RS256', jku: 'https://attacker.example/jwks.json' },
      { iss: 'https://login.example.com/' },
    );
    const [finding] = jkuHeader.check(decoded(token), { now });
    expect(finding?.severity).toBe('danger');
    expect(finding?.message).toContain(
      '"attacker.example" differs from the issuer\'s host "login.example.com"',
    );
  });
  it("is a warning when the host is the issuer's, and says so", () => {
    const token = jws(
      { alg: 'RS256', jku: 'https://login.example.com/.well-known/jwks.json' },
      { iss: 'https://login.example.com' },
    );
    const [finding] = jkuHeader.check(decoded(token), { now });
    expect(finding?.severity).toBe('warn');
    expect(finding?.message).toContain('matches the issuer');
  });
  it('notes plain http and a relative, non-URL value', () => {
    expect(
      jkuHeader.check(decoded(jws({ alg: 'RS256', jku: 'http://a.test/k' }, {})), { now })[0]?.message,
    ).toContain('over http, not https');
    expect(jkuHeader.check(decoded(jws({ alg: 'RS256', jku: '/keys' }, {})), { now })[0]?.message).toContain(
      'not an absolute URL',
    );
  });
  it('leaves a token without jku alone', () => {
    expect(jkuHeader.check(decoded(jws({ alg: 'RS256' }, { iss: 'https://a.test' })), { now })).toEqual([]);
  });
});
