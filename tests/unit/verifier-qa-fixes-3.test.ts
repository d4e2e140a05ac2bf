/**
 * QA defects in the Verifier's nonce check, profile and verdict (third round). Tokens are signed
 * and encrypted with jose; the rules under test come from the specs (OpenID Connect Core §2 and
 * §3.1.3.7 for the nonce, RFC 7519 §5.2 and §7.3 / RFC 7515 §5.3 for nested tokens and string
 * comparison, RFC 8259 §7 for how JSON writes a string), and the instants of "Pretend now is"
 * are computed by Node itself running in each time zone, not by the code under test.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CompactEncrypt, CompactSign, EncryptJWT, SignJWT, exportJWK, generateKeyPair } from 'jose';
import { verify } from '../../src/core/jws/verify';
import { decrypt } from '../../src/core/jwe/decrypt';
import { clockProblem } from '../../src/core/jws/claims';
import { readWorkspace } from '../../src/core/bundle/read-workspace';
import type { Workspace } from '../../src/core/bundle/types';
import { readSharedProfile } from '../../src/features/share/shared-profile';
import { verdictLabel } from '../../src/features/verifier/verdict-labels';
import { optionsOf } from '../../src/features/verifier/verifier.svelte';

const secretText = 'a-32-byte-or-longer-secret-for-HS256!';
const secret = new TextEncoder().encode(secretText);
const inAnHour = Math.floor(Date.now() / 1000) + 3600;
const sent = 'n-0S6_WzA2Mj';

const signed = (claims: Record<string, unknown>) =>
  new SignJWT({ exp: inAnHour, ...claims }).setProtectedHeader({ alg: 'HS256' }).sign(secret);

const workspaceWith = (profile: Record<string, unknown>): Workspace => ({
  token: '',
  key: '',
  keyOrigin: 'pasted',
  profile,
  generator: { header: '{}', payload: '{}' },
  keys: [],
});

/** What `new Date(local)` gives in a time zone: Node in that zone, not our code, says it. */
function instantIn(zone: string, local: string): number {
  const output = execFileSync(
    process.execPath,
    ['-e', `process.stdout.write(String(new Date('${local}').getTime()))`],
    {
      env: { ...process.env, TZ: zone },
    },
  );
  return Number(output.toString());
}

describe('1. "Pretend now is": what the field gives in any time zone, a link and a zip take back', () => {
  // The zones furthest ahead and behind, today and in year 1 (where most keep local mean time).
  const zones = [
    'UTC',
    'Pacific/Kiritimati',
    'Etc/GMT-14',
    'Etc/GMT+12',
    'Asia/Manila',
    'America/Juneau',
    'Pacific/Pago_Pago',
  ];

  it.each(zones)('in %s, years 1 and 9999 of the field read back from a share link and a zip', (zone) => {
    for (const local of ['0001-01-01T00:00:00', '9999-12-31T23:59:59']) {
      const now = instantIn(zone, local);
      expect(Number.isFinite(now), `${zone} ${local}`).toBe(true);
      expect(readSharedProfile(JSON.stringify({ now }))).toEqual({ ok: true, profile: { now } });
      expect(readWorkspace(workspaceWith({ now }))).toMatchObject({ ok: true });
      expect(clockProblem({ now })).toBeUndefined();
    }
  });

  it("the tester's case: 9999-12-31T12:00:00 picked in UTC is taken", () => {
    const now = Date.parse('9999-12-31T12:00:00Z');
    expect(now).toBe(253402257600000);
    expect(readSharedProfile(JSON.stringify({ now }))).toEqual({ ok: true, profile: { now } });
  });

  it('a refusal states the range it applies, and its ends are where the refusal starts', () => {
    const refused = readSharedProfile(JSON.stringify({ now: -8.64e15 }));
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    const [, from, to] = /from (-?\d+) to (\d+)/.exec(refused.reason) ?? [];
    const [earliest, latest] = [Number(from), Number(to)];
    // The whole day either side of years 1 to 9999 in UTC: no time zone is a day from UTC.
    expect(new Date(earliest).toISOString()).toBe('0000-12-31T00:00:00.000Z');
    expect(new Date(latest).toISOString()).toBe('+010000-01-01T23:59:59.999Z');
    for (const now of [earliest, latest]) expect(readSharedProfile(JSON.stringify({ now })).ok).toBe(true);
    for (const now of [earliest - 1, latest + 1]) {
      const reading = readSharedProfile(JSON.stringify({ now }));
      expect(reading).toEqual({
        ok: false,
        reason: `The Verifier profile in this link has "now" set to ${now}; it must be a time in milliseconds since 1970 from ${earliest} to ${latest} (0000-12-31T00:00:00.000Z to +010000-01-01T23:59:59.999Z): years 1 to 9999 of "Pretend now is", in any time zone.`,
      });
      expect(readWorkspace(workspaceWith({ now })).ok).toBe(false);
    }
  });
});

describe('2. values in claim messages show what they hold', () => {
  const reasonFor = async (nonce: string, expected: string) =>
    (await verify(await signed({ nonce }), secretText, { nonce: expected })).reason;

  it('a right-to-left override in the nonce is escaped and named, so the message reads in order', async () => {
    const reason = await reasonFor('\u202E321cba', 'abc123');
    expect(reason).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(reason).toBe(
      'Signature good, but the nonce is "\\u202e321cba", expected "abc123" (the token\'s has an invisible U+202E (right-to-left override)).',
    );
  });

  it('several are listed, up to three and a count', async () => {
    expect(await reasonFor('\u202E321cba\u200B', 'abc123')).toContain(
      "(the token's has an invisible U+202E (right-to-left override) and U+200B (zero-width space))",
    );
    expect(await reasonFor('a\u200Bb\u200Cc\u200Dd\u2060e\uFEFF', 'abcde')).toContain(
      "they differ only in invisible characters, and the comparison is exact: the token's has an invisible U+200B (zero-width space), U+200C (zero-width non-joiner), U+200D (zero-width joiner) and 2 more",
    );
  });

  it('a zero-width space: they differ only in it, and it is named', async () => {
    const reason = await reasonFor(`${sent}\u200B`, sent);
    expect(reason).toBe(
      `Signature good, but the nonce is "${sent}\\u200b", expected "${sent}" (they differ only in invisible characters, and the comparison is exact: the token's has an invisible U+200B (zero-width space)).`,
    );
  });

  it('NFC and NFD "café": the same letters to the eye, two strings to the check', async () => {
    const nfc = 'caf\u00e9';
    const nfd = 'cafe\u0301';
    expect(nfc.normalize('NFD')).toBe(nfd);
    const result = await verify(await signed({ nonce: nfd }), secretText, { nonce: nfc });
    expect(result.status).toBe('claim-mismatch');
    expect(result.reason).toContain(
      "(they differ only in Unicode normalisation (the token's is NFD, the expected one NFC); the comparison is exact (RFC 7519 §7.3 and RFC 7515 §5.3 forbid normalising))",
    );
  });

  it('differences that add up are each named: NFD "café" against NFC "café " typed with a space', async () => {
    const reason = await reasonFor('cafe\u0301', 'caf\u00e9 ');
    expect(reason).toContain(
      "(they differ only in Unicode normalisation (the token's is NFD, the expected one NFC) and white space, and the comparison is exact)",
    );
  });

  it('quotes and backslashes in values are escaped as JSON escapes them (RFC 8259 §7)', async () => {
    const result = await verify(await signed({ iss: 'c' }), secretText, { issuer: ['a"b', 'x\\y'] });
    expect(result.reason).toBe('Signature good, but the issuer is "c", expected "a\\"b" or "x\\\\y".');
  });

  it('the issuer and the audience get the same hints as the nonce', async () => {
    const issuer = await verify(await signed({ iss: 'https://server.example.com\u200B' }), secretText, {
      issuer: 'https://server.example.com',
    });
    expect(issuer.reason).toContain('"https://server.example.com\\u200b"');
    expect(issuer.reason).toContain("the token's has an invisible U+200B (zero-width space)");
    const audience = await verify(await signed({ aud: ['api', '\u2066web'] }), secretText, {
      audience: 'web',
    });
    expect(audience.reason).toBe(
      'Signature good, but the audience is ["api","\\u2066web"], expected "web" (they differ only in invisible characters, and the comparison is exact: the token\'s has an invisible U+2066 (left-to-right isolate)).',
    );
  });

  it('a space that is not U+0020 is escaped, and called white space', async () => {
    const reason = await reasonFor('abc\u00a0def', 'abc def');
    expect(reason).toContain('"abc\\u00a0def", expected "abc def" (they differ only in white space');
  });
});

describe('4. nested and encrypted tokens: the verdict covers what is inside', () => {
  const pair = generateKeyPair('RSA-OAEP-256', { extractable: true });
  const decryptionKey = async () => JSON.stringify(await exportJWK((await pair).privateKey));
  const encrypt = async (plaintext: string, cty?: string) =>
    new CompactEncrypt(new TextEncoder().encode(plaintext))
      .setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM', ...(cty ? { cty } : {}) })
      .encrypt((await pair).publicKey);

  it('(a) without the inner key: decrypted, but not green, and the reason says what is unchecked', async () => {
    const nested = await encrypt(await signed({ nonce: 'not-the-one' }), 'JWT');
    const result = await decrypt(nested, await decryptionKey(), { nonce: sent });
    // The status keeps its contract (DESIGN.md: "decrypted", with the inner token's inspection)…
    expect(result.status).toBe('decrypted');
    expect(result.nested?.verification).toBeUndefined();
    // …and the cause says nothing has vouched for the inner token.
    expect(result.cause).toBe('inner-token-unverified');
    expect(result.reason).toMatch(
      /The plaintext is a signed token itself \(nested JWT\), and it is not verified: its signature and its claims \(exp and nbf, the expected nonce\) are unchecked until you give its signer's key\.$/,
    );
    expect(verdictLabel(result)).toEqual({ title: 'Decrypted, not verified', mark: '?', tone: 'info' });
  });

  it('(b) with the inner key: a nonce that fails inside fails the whole verdict', async () => {
    const nested = await encrypt(await signed({ nonce: 'not-the-one' }), 'JWT');
    const result = await decrypt(nested, await decryptionKey(), { nonce: sent, innerKey: secretText });
    expect(result.nested?.verification?.status).toBe('claim-mismatch');
    expect(result.status).toBe('claim-mismatch');
    expect(result.cause).toBe('inner-token-failed');
    expect(result.reason).toBe(
      `Decrypted, but the inner token (nested JWT) does not pass. Signature good, but the nonce is "not-the-one", expected "${sent}".`,
    );
    expect(verdictLabel(result)).toMatchObject({ title: 'Inner token: claims do not match', tone: 'warn' });
    // A wrong inner key is the inner token's failure, not the decryption key's.
    const wrongKey = await decrypt(nested, await decryptionKey(), {
      innerKey: 'another-secret-of-32-bytes-or-more!!',
    });
    expect(wrongKey.status).toBe('invalid-signature');
    expect(verdictLabel(wrongKey)?.title).toBe('Inner token: invalid signature');
  });

  it('(b) the inner token verified: green, and the reason says so', async () => {
    const nested = await encrypt(await signed({ nonce: sent }), 'JWT');
    const result = await decrypt(nested, await decryptionKey(), { nonce: sent, innerKey: secretText });
    expect(result.status).toBe('decrypted');
    expect(result.cause).toBeUndefined();
    expect(result.reason).toMatch(/its signer's key verifies it\. Signature verified, and the claims hold/);
    expect(verdictLabel(result)?.tone).toBe('ok');
  });

  it('(c) a plaintext that is not a claims set fails a profile that expects claims, as verify() does', async () => {
    for (const plaintext of ['just text', '[1, 2]', '"a string"', '42']) {
      const jws = await new CompactSign(new TextEncoder().encode(plaintext))
        .setProtectedHeader({ alg: 'HS256' })
        .sign(secret);
      for (const profile of [
        { nonce: sent },
        { issuer: 'https://server.example.com' },
        { requiredClaims: ['sub'] },
      ]) {
        const verified = await verify(jws, secretText, profile);
        const decrypted = await decrypt(await encrypt(plaintext), await decryptionKey(), profile);
        expect(verified.status, plaintext).toBe('claim-mismatch');
        expect(decrypted.status, plaintext).toBe('claim-mismatch');
        expect(decrypted.claims).toEqual(verified.claims);
        expect(decrypted.plaintext).toBe(plaintext);
      }
      // With nothing expected of it, text is simply decrypted.
      expect((await decrypt(await encrypt(plaintext), await decryptionKey())).status).toBe('decrypted');
    }
    // An encrypted claims set is checked as before.
    const claimsSet = await new EncryptJWT({ exp: inAnHour, nonce: sent })
      .setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM' })
      .encrypt((await pair).publicKey);
    expect((await decrypt(claimsSet, await decryptionKey(), { nonce: sent })).status).toBe('decrypted');
    expect((await decrypt(claimsSet, await decryptionKey(), { nonce: 'other' })).status).toBe(
      'claim-mismatch',
    );
  });
});

describe('5. the nonce field is taken as typed', () => {
  it('a token nonce with a space can be matched, and a field of spaces is checked as such', async () => {
    const spaced = await signed({ nonce: ' abc' });
    expect((await verify(spaced, secretText, optionsOf({ nonce: ' abc' }))).status).toBe('valid');
    expect((await verify(spaced, secretText, optionsOf({ nonce: 'abc' }))).status).toBe('claim-mismatch');
    const blank = await verify(await signed({ nonce: 'abc' }), secretText, optionsOf({ nonce: '   ' }));
    expect(blank.status).toBe('claim-mismatch');
    expect(blank.reason).toBe('Signature good, but the nonce is "abc", expected "   ".');
  });
});

describe('6. options of the wrong type are refused, not crashed on nor matched', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    [
      'a number nonce',
      { nonce: 5 },
      'The expected nonce is 5 (number); it must be text: the nonce the login request sent (OpenID Connect Core §3.1.3.7). Nothing was checked.',
    ],
    ['a list nonce', { nonce: ['a'] }, 'The expected nonce is ["a"] (list); it must be text'],
    [
      'a number issuer',
      { issuer: 5 },
      'The expected issuer is 5 (number); it must be text, or a list of texts any one of which may match.',
    ],
    [
      'an audience list with a number',
      { audience: ['api', 7] },
      'The expected audience is ["api",7] (list); it must be text, or a list',
    ],
    [
      'required claims as text',
      { requiredClaims: 'sub' },
      'The list of required claims is "sub" (string); it must be a list of claim names',
    ],
    [
      'algorithms as text',
      { algorithms: 'HS256' },
      'The allowed algorithms are "HS256"; they must be a list of algorithm names',
    ],
  ];

  it.each(cases)('verify() with %s: "unsupported", with the reason', async (_, options, reason) => {
    const result = await verify(await signed({ nonce: 5, iss: 5, aud: 7, sub: 'ada' }), secretText, options);
    expect(result.status).toBe('unsupported');
    expect(result.reason.startsWith(reason)).toBe(true);
  });

  it.each(cases)('decrypt() with %s: "unsupported" too, not "key-mismatch"', async (_, options, reason) => {
    const kek = new Uint8Array(32).fill(9);
    const token = await new EncryptJWT({ nonce: 5 })
      .setProtectedHeader({ alg: 'A256KW', enc: 'A256GCM' })
      .encrypt(kek);
    const key = JSON.stringify({ kty: 'oct', k: Buffer.from(kek).toString('base64url') });
    const result = await decrypt(token, key, options);
    expect(result.status).toBe('unsupported');
    expect(result.reason.startsWith(reason)).toBe(true);
    expect(result.plaintext).toBeUndefined();
  });

  it('a token whose nonce is the number 5 is not "valid" for { nonce: 5 }', async () => {
    const result = await verify(await signed({ nonce: 5 }), secretText, { nonce: 5 as unknown as string });
    expect(result.status).not.toBe('valid');
  });
});

describe('9. the reason reads as one sentence', () => {
  it('"Signature good, but the payload is not…" (lower case after "but")', async () => {
    const jws = await new CompactSign(new TextEncoder().encode('just text'))
      .setProtectedHeader({ alg: 'HS256' })
      .sign(secret);
    const result = await verify(jws, secretText, { nonce: sent });
    expect(result.reason).toBe(
      'Signature good, but the payload is not a JSON claims set, so the issuer, audience, nonce and required claims cannot hold.',
    );
  });
});
