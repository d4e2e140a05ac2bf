/**
 * verify() and decrypt() called directly hold the profile's clock to the same bounds as the
 * Verifier's field, the workspace zip and the share link: a clock tolerance from 0 to a day, a
 * "now" a date can hold. Outside them the verdict is a clear refusal, never a throw, and never
 * a verdict computed under a clock that cannot be trusted (NaN fails every comparison, so an
 * expired token would pass; 1e300 s of leeway accepts any expired token). The boundaries are
 * checked against jose's own jwtVerify.
 */
import { describe, expect, it } from 'vitest';
import { EncryptJWT, SignJWT, exportJWK, generateKeyPair, jwtVerify } from 'jose';
import { verify } from '../../src/core/jws/verify';
import { decrypt } from '../../src/core/jwe/decrypt';
import { maxClockToleranceSeconds } from '../../src/core/jws/claims';

const secretText = 'a-32-byte-or-longer-secret-for-HS256!';
const secret = new TextEncoder().encode(secretText);
const now = Math.floor(Date.now() / 1000);
// Expired a week ago: only an unbounded tolerance, or a clock that is not a number, lets it pass.
const expired = await new SignJWT({ sub: 'ada', exp: now - 7 * 86_400 })
  .setProtectedHeader({ alg: 'HS256' })
  .sign(secret);

const pair = await generateKeyPair('RSA-OAEP-256', { extractable: true });
const decryptionKey = JSON.stringify(await exportJWK(pair.privateKey));
const expiredEncrypted = await new EncryptJWT({ sub: 'ada', exp: now - 7 * 86_400 })
  .setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM' })
  .encrypt(pair.publicKey);

const outOfRange: [string, number][] = [
  ['1e300', 1e300],
  ['Infinity', Infinity],
  ['NaN', NaN],
  ['-1', -1],
  ['a day and a second', maxClockToleranceSeconds + 1],
];

describe('a clock tolerance out of range is refused', () => {
  it.each(outOfRange)(
    'verify() with %s: "unsupported", with the range in the reason',
    async (_, tolerance) => {
      const result = await verify(expired, secretText, { clockTolerance: tolerance });
      expect(result.status).toBe('unsupported');
      expect(result.reason).toBe(
        `The clock tolerance is ${String(tolerance)}; it must be a number of seconds from 0 to 86,400 (a day): leeway is for clocks a little apart (RFC 7519 §4.1.4). To check a token at another time, set "now".`,
      );
      expect(result.signature).toBeUndefined();
    },
  );

  it.each(outOfRange)('decrypt() with %s: "unsupported" too', async (_, tolerance) => {
    const result = await decrypt(expiredEncrypted, decryptionKey, { clockTolerance: tolerance });
    expect(result.status).toBe('unsupported');
    expect(result.reason).toMatch(
      /^The clock tolerance is .*; it must be a number of seconds from 0 to 86,400/,
    );
    expect(result.plaintext).toBeUndefined();
  });

  it('a tolerance that is not a number at all (a JavaScript caller) is named with its type', async () => {
    const result = await verify(expired, secretText, { clockTolerance: '30' as unknown as number });
    expect(result.status).toBe('unsupported');
    expect(result.reason).toMatch(/^The clock tolerance is "30" \(string\); it must be/);
  });
});

describe('a "now" that no date can hold is refused', () => {
  it.each([
    ['NaN', NaN],
    ['Infinity', Infinity],
    ['past the Date range', 8.64e15 + 1],
  ])('%s', async (_, time) => {
    const verified = await verify(expired, secretText, { now: time });
    expect(verified.status).toBe('unsupported');
    expect(verified.reason).toMatch(/^"now" is .*; it must be a time in milliseconds since 1970/);
    expect((await decrypt(expiredEncrypted, decryptionKey, { now: time })).status).toBe('unsupported');
  });
});

describe('within range, verdicts agree with jose', () => {
  it('0 and a full day are taken; the boundary falls where jwtVerify puts it', async () => {
    // Expired a day ago exactly and a day less a second: jose accepts the second with a day of
    // leeway and not the first (exp <= now - tolerance is expired).
    for (const age of [86_400, 86_399]) {
      const token = await new SignJWT({ exp: now - age }).setProtectedHeader({ alg: 'HS256' }).sign(secret);
      const joseAccepts = await jwtVerify(token, secret, {
        clockTolerance: maxClockToleranceSeconds,
        currentDate: new Date(now * 1000),
      }).then(
        () => true,
        () => false,
      );
      const ours = await verify(token, secretText, {
        clockTolerance: maxClockToleranceSeconds,
        now: now * 1000,
      });
      expect(ours.status === 'valid', `expired ${age} s ago`).toBe(joseAccepts);
      expect(ours.status).toBe(joseAccepts ? 'valid' : 'expired');
    }
    expect((await verify(expired, secretText, { clockTolerance: 0 })).status).toBe('expired');
  });
});
