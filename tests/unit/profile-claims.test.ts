/**
 * The profile's claim checks: applied to an encrypted claims set, and worded for near misses.
 * An encrypted JWT (a claims set encrypted directly, RFC 7519 §5.2) is checked against the
 * profile after decryption, as jose's own jwtDecrypt does. Tokens are made with jose.
 */
import { describe, expect, it } from 'vitest';
import { EncryptJWT, exportJWK, generateKeyPair } from 'jose';
import { decrypt } from '../../src/core';

const { publicKey, privateKey } = await generateKeyPair('RSA-OAEP-256', { extractable: true });
const key = JSON.stringify(await exportJWK(privateKey));
const now = Math.floor(Date.now() / 1000);

const encrypted = (claims: Record<string, unknown>) =>
  new EncryptJWT(claims).setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM' }).encrypt(publicKey);

describe('decrypt() checks an encrypted claims set against the profile', () => {
  it('says "decrypted" when the claims hold, and lists the checks', async () => {
    const result = await decrypt(await encrypted({ iss: 'https://partner.example', exp: now + 3600 }), key, {
      issuer: 'https://partner.example',
    });
    expect(result.status).toBe('decrypted');
    expect(result.claims?.map((check) => [check.claim, check.outcome])).toEqual([
      ['exp', 'ok'],
      ['iss', 'ok'],
    ]);
  });

  it('an expired one is "expired", and its plaintext is still given', async () => {
    const result = await decrypt(await encrypted({ sub: 'ada', exp: now - 7200 }), key);
    expect(result.status).toBe('expired');
    expect(result.reason).toMatch(/^Decrypted, but expired 2 h ago\.$/);
    expect(JSON.parse(result.plaintext!)).toEqual({ sub: 'ada', exp: now - 7200 });
  });

  it('the wrong issuer, audience or a missing claim is "claim-mismatch"', async () => {
    const token = await encrypted({ iss: 'https://partner.example', aud: 'https://api.example.com' });
    for (const profile of [
      { issuer: 'https://someone-else' },
      { audience: 'nope' },
      { requiredClaims: ['jti'] },
    ])
      expect((await decrypt(token, key, profile)).status, JSON.stringify(profile)).toBe('claim-mismatch');
  });

  it('"pretend now is" applies too', async () => {
    const token = await encrypted({ exp: Math.floor(Date.UTC(2027, 0, 1) / 1000) });
    expect((await decrypt(token, key, { now: Date.UTC(2027, 5, 1) })).status).toBe('expired');
  });

  // As verify() says of the same payload in a JWS (verifier-qa-fixes-3): text cannot hold an
  // expected issuer. With nothing expected of it, it is only decrypted.
  it('a plaintext that is not a claims set fails an expected issuer, and is only decrypted without one', async () => {
    const { CompactEncrypt } = await import('jose');
    const token = await new CompactEncrypt(new TextEncoder().encode('just text'))
      .setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM' })
      .encrypt(publicKey);
    const result = await decrypt(token, key, { issuer: 'https://partner.example' });
    expect(result.status).toBe('claim-mismatch');
    expect(result.claims?.map((check) => check.claim)).toEqual(['payload']);
    expect(result.plaintext).toBe('just text');
    const plain = await decrypt(token, key);
    expect(plain.status).toBe('decrypted');
    expect(plain.claims).toBeUndefined();
  });
});

describe('an issuer or audience that differs only by a trailing "/" or by case', () => {
  it('is still a mismatch (the comparison is exact), and the reason says what differs', async () => {
    const { checkClaims } = await import('../../src/core/jws/claims');
    const [iss] = checkClaims(
      { iss: 'https://dev-abc123.us.auth0.com/' },
      { issuer: 'https://dev-abc123.us.auth0.com' },
    );
    expect(iss).toEqual({
      claim: 'iss',
      outcome: 'mismatch',
      message:
        'the issuer is "https://dev-abc123.us.auth0.com/", expected "https://dev-abc123.us.auth0.com" (they differ only by a trailing "/", and the comparison is exact: the token has one, the expected value does not)',
    });
    const [aud] = checkClaims({ aud: ['API'] }, { audience: 'api' });
    expect(aud?.message).toBe(
      'the audience is ["API"], expected "api" (they differ only in upper and lower case: the comparison is exact)',
    );
    const [other] = checkClaims({ iss: 'https://a.example' }, { issuer: 'https://b.example' });
    expect(other?.message).toBe('the issuer is "https://a.example", expected "https://b.example"');
  });
});
