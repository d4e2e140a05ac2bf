/**
 * The expected nonce in the Verifier's profile (OpenID Connect Core §3.1.3.7 step 11, §15.5.2):
 * a relying party that sent a nonce accepts an ID token only when its `nonce` claim is exactly
 * that string. Tokens are signed and encrypted with jose; the rule under test is the spec's
 * (string equality), so each expected outcome follows from the nonces themselves.
 */
import { describe, expect, it } from 'vitest';
import { EncryptJWT, SignJWT, exportJWK, generateKeyPair } from 'jose';
import { verify } from '../../src/core/jws/verify';
import { decrypt } from '../../src/core/jwe/decrypt';
import { exportWorkspace } from '../../src/core/bundle/export';
import { importWorkspace } from '../../src/core/bundle/import';
import { readWorkspace } from '../../src/core/bundle/read-workspace';
import type { Workspace } from '../../src/core/bundle/types';
import { buildShareLink } from '../../src/features/share/share-link';
import { readSharedProfile } from '../../src/features/share/shared-profile';
import { parseFragment } from '../../src/state/fragment';
import { optionsOf } from '../../src/features/verifier/verifier.svelte';

const secretText = 'a-32-byte-or-longer-secret-for-HS256!';
const secret = new TextEncoder().encode(secretText);
const inAnHour = Math.floor(Date.now() / 1000) + 3600;
// The example nonce of OpenID Connect Core §3.1.2.1 and appendix A.
const sent = 'n-0S6_WzA2Mj';

const idToken = (claims: Record<string, unknown>) =>
  new SignJWT({ iss: 'https://server.example.com', aud: 's6BhdRkqt3', exp: inAnHour, ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .sign(secret);

const nonceCheck = (claims: { claim: string }[] | undefined) =>
  claims?.find((check) => check.claim === 'nonce');

describe('verify() with an expected nonce', () => {
  it('is valid when the token carries exactly the nonce sent, and the verdict lists the check', async () => {
    const result = await verify(await idToken({ nonce: sent }), secretText, { nonce: sent });
    expect(result.status).toBe('valid');
    expect(nonceCheck(result.claims)).toEqual({
      claim: 'nonce',
      outcome: 'ok',
      message: `nonce is "${sent}"`,
    });
  });

  it('is a claim mismatch for another nonce: the signature is good, the reason names both', async () => {
    const result = await verify(await idToken({ nonce: 'a-different-nonce' }), secretText, { nonce: sent });
    expect(result.status).toBe('claim-mismatch');
    expect(result.signature).toBe('good');
    expect(result.reason).toBe(`Signature good, but the nonce is "a-different-nonce", expected "${sent}".`);
  });

  it('fails a token without a nonce, and says why that matters', async () => {
    const result = await verify(await idToken({}), secretText, { nonce: sent });
    expect(result.status).toBe('claim-mismatch');
    expect(nonceCheck(result.claims)).toMatchObject({ outcome: 'mismatch' });
    expect(result.reason).toBe(
      `Signature good, but the token has no nonce, expected "${sent}": a token without the nonce your request sent may be replayed from another login (OpenID Connect Core §3.1.3.7).`,
    );
  });

  it("compares the token's nonce as it is: white space or case make another nonce, and the reason says so", async () => {
    const spaced = await verify(await idToken({ nonce: `${sent} ` }), secretText, { nonce: sent });
    expect(spaced.status).toBe('claim-mismatch');
    expect(spaced.reason).toBe(
      `Signature good, but the nonce is "${sent} ", expected "${sent}" (they differ only in white space, and the comparison is exact: spaces, tabs and line breaks count).`,
    );
    const newline = await verify(await idToken({ nonce: `\n${sent}` }), secretText, { nonce: sent });
    expect(newline.status).toBe('claim-mismatch');
    expect(newline.reason).toContain('they differ only in white space');
    const cased = await verify(await idToken({ nonce: sent.toUpperCase() }), secretText, { nonce: sent });
    expect(cased.status).toBe('claim-mismatch');
    expect(cased.reason).toContain('(they differ only in upper and lower case: the comparison is exact)');
  });

  it('a nonce that is a number is not the text sent, even when it reads the same', async () => {
    const result = await verify(await idToken({ nonce: 12345 }), secretText, { nonce: '12345' });
    expect(result.status).toBe('claim-mismatch');
    expect(result.reason).toBe(
      'Signature good, but the nonce is 12345, expected "12345" (a nonce is text; this one is a number).',
    );
  });

  it('is not checked when no nonce is expected (absent or empty)', async () => {
    const token = await idToken({ nonce: 'whatever' });
    for (const options of [{}, { nonce: '' }]) {
      const result = await verify(token, secretText, options);
      expect(result.status, JSON.stringify(options)).toBe('valid');
      expect(nonceCheck(result.claims)).toBeUndefined();
    }
  });

  it('a payload that is not a claims set cannot hold a nonce', async () => {
    const { CompactSign } = await import('jose');
    const token = await new CompactSign(new TextEncoder().encode('just text'))
      .setProtectedHeader({ alg: 'HS256' })
      .sign(secret);
    const result = await verify(token, secretText, { nonce: sent });
    expect(result.status).toBe('claim-mismatch');
    expect(result.reason).toContain('the issuer, audience, nonce and required claims cannot hold');
  });
});

describe('decrypt() checks the nonce of an encrypted claims set', () => {
  const pair = generateKeyPair('RSA-OAEP-256', { extractable: true });
  const encrypted = async (claims: Record<string, unknown>) =>
    new EncryptJWT({ exp: inAnHour, ...claims })
      .setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM' })
      .encrypt((await pair).publicKey);
  const key = async () => JSON.stringify(await exportJWK((await pair).privateKey));

  it('decrypted when the nonce matches; claim-mismatch when it differs or is missing', async () => {
    const good = await decrypt(await encrypted({ nonce: sent }), await key(), { nonce: sent });
    expect(good.status).toBe('decrypted');
    expect(nonceCheck(good.claims)).toMatchObject({ outcome: 'ok' });

    const other = await decrypt(await encrypted({ nonce: `${sent}x` }), await key(), { nonce: sent });
    expect(other.status).toBe('claim-mismatch');
    expect(other.reason).toBe(`Decrypted, but the nonce is "${sent}x", expected "${sent}".`);
    // The plaintext is still there to read.
    expect(JSON.parse(other.plaintext!)).toMatchObject({ nonce: `${sent}x` });

    const missing = await decrypt(await encrypted({}), await key(), { nonce: sent });
    expect(missing.status).toBe('claim-mismatch');
    expect(missing.reason).toMatch(/^Decrypted, but the token has no nonce/);
  });

  it('checks the inner token of a nested JWT, verified with its own key', async () => {
    const inner = await idToken({ nonce: 'not-the-one' });
    const { CompactEncrypt } = await import('jose');
    const nested = await new CompactEncrypt(new TextEncoder().encode(inner))
      .setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM', cty: 'JWT' })
      .encrypt((await pair).publicKey);
    const result = await decrypt(nested, await key(), { nonce: sent, innerKey: secretText });
    expect(result.nested?.verification?.status).toBe('claim-mismatch');
    expect(result.nested?.verification?.reason).toContain('the nonce is "not-the-one"');
  });
});

describe("the Verifier's profile as the core's options", () => {
  // A nonce is opaque and compared exactly (§3.1.3.7): the field is taken as typed, and warns of
  // white space at an end (verifier-qa-fixes-3). Only an empty field is "not checked".
  it('keeps the white space typed (a field of only spaces is a value), and leaves an empty field unchecked', () => {
    expect(optionsOf({ nonce: `  ${sent}\n` }).nonce).toBe(`  ${sent}\n`);
    expect(optionsOf({ nonce: '   ' }).nonce).toBe('   ');
    expect(optionsOf({ nonce: '' }).nonce).toBeUndefined();
    expect(optionsOf({}).nonce).toBeUndefined();
  });
});

const workspaceWith = (profile: Record<string, unknown>): Workspace => ({
  token: '',
  key: '',
  keyOrigin: 'pasted',
  profile,
  generator: { header: '{}', payload: '{}' },
  keys: [],
});

describe('the nonce travels in the workspace zip', () => {
  it('export -> import keeps it', async () => {
    const workspace = workspaceWith({ issuer: 'https://server.example.com', nonce: sent });
    const result = await importWorkspace(await exportWorkspace(workspace));
    expect(result.ok && result.workspace.profile).toEqual({
      issuer: 'https://server.example.com',
      nonce: sent,
    });
  });

  it('a nonce that is not text is refused, naming the field; nothing else is restored', () => {
    for (const [nonce, kind] of [
      [42, 'a number'],
      [null, 'null'],
      [['a'], 'a list'],
      [{ value: sent }, 'an object'],
    ] as const)
      expect(readWorkspace(workspaceWith({ nonce }))).toEqual({
        ok: false,
        reason: `The workspace in this zip has "profile.nonce" as ${kind}; it must be the expected nonce as text (the one the login request sent). Nothing was changed.`,
      });
  });

  it('a zip from before the nonce still loads', () => {
    const old = workspaceWith({ issuer: 'https://server.example.com', clockTolerance: 30 });
    expect(readWorkspace(old)).toEqual({ ok: true, workspace: old });
  });
});

describe('the nonce travels in a share link', () => {
  it('with the key, in #profile=, and reads back', () => {
    const profile = { nonce: sent, audience: 's6BhdRkqt3' };
    const link = buildShareLink('https://tokenscope.example/', 'a.b.c', {
      stripSignature: false,
      redact: [],
      key: secretText,
      profile,
    });
    if (!link.ok) throw new Error(link.reason);
    const fragment = parseFragment(new URL(link.url).hash);
    expect(JSON.parse(fragment.profile!)).toEqual(profile);
    expect(readSharedProfile(fragment.profile)).toEqual({ ok: true, profile });
  });

  it('a link whose nonce is not text is refused with the reason; an old link without one still reads', () => {
    expect(readSharedProfile('{"nonce":12345}')).toEqual({
      ok: false,
      reason:
        'The Verifier profile in this link has "nonce" as a number; it must be the expected nonce as text (the one the login request sent).',
    });
    expect(readSharedProfile('{"issuer":"https://server.example.com"}')).toEqual({
      ok: true,
      profile: { issuer: 'https://server.example.com' },
    });
  });
});
