import { createHmac, createPublicKey, generateKeyPairSync, verify as nodeVerify } from 'node:crypto';
import { EmbeddedJWK, compactVerify, decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { attackPresets } from '../../src/core/attacks/index';
import { generateKey } from '../../src/core/keys/generate';
import { jwkToPem } from '../../src/core/keys/export';
import { verify } from '../../src/core/jws/verify';

const preset = (id: string) => attackPresets.find((entry) => entry.id === id)!;
const header = { alg: 'RS256', typ: 'JWT' };
const payload = { sub: 'user-1', role: 'reader' };
const decodePart = (part: string) =>
  JSON.parse(Buffer.from(part, 'base64url').toString()) as Record<string, unknown>;

describe('attack presets', () => {
  it('each explains what it tests and what a correct server does', () => {
    expect(attackPresets.map((entry) => entry.id)).toEqual([
      'alg-none',
      'key-confusion',
      'embedded-jwk',
      'kid-traversal',
      'expired',
      'tampered-payload',
    ]);
    for (const entry of attackPresets) {
      expect(entry.tests.length).toBeGreaterThan(40);
      expect(entry.correctServer).toMatch(/^Rejects it/);
      expect(entry.reference).toMatch(/RFC|CVE/);
    }
  });

  it('alg none: the signature part is empty and a correct verifier refuses it', async () => {
    const pair = await generateKey('RS256', 'pem');
    const { token } = await preset('alg-none').build({ header, payload });
    const [h, p, s] = token.split('.');
    expect(s).toBe('');
    expect(decodePart(h!)).toEqual({ alg: 'none', typ: 'JWT' });
    expect(decodePart(p!)).toEqual(payload);
    expect((await verify(token, pair.verificationKey)).status).not.toBe('valid');
  });

  it('RS/HS confusion: HMAC-SHA256 keyed with the public PEM bytes (checked with node:crypto)', async () => {
    const pair = await generateKey('RS256', 'jwk');
    const { publicPem } = await jwkToPem(JSON.parse(pair.verificationKey));
    const { token, attackerKey } = await preset('key-confusion').build({
      header,
      payload,
      publicKey: pair.verificationKey,
    });
    const [h, p, s] = token.split('.');
    expect(decodePart(h!).alg).toBe('HS256');
    expect(attackerKey).toBe(`${publicPem.trimEnd()}\n`);
    expect(s).toBe(createHmac('sha256', attackerKey!).update(`${h}.${p}`).digest('base64url'));
    // Our verifier, given the RSA public key, refuses the HS256 token.
    expect((await verify(token, publicPem)).status).not.toBe('valid');
    await expect(preset('key-confusion').build({ header, payload })).rejects.toThrow(/public key/);
  });

  it('RS/HS confusion: the secret is the .pem file as Node writes it, final newline included', async () => {
    // A second implementation writes the file: Node's SPKI PEM export, which ends in "\n".
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pemFile = publicKey.export({ type: 'spki', format: 'pem' }) as string;
    expect(pemFile.endsWith('-----END PUBLIC KEY-----\n')).toBe(true);
    const result = await preset('key-confusion').build({ header, payload, publicKey: pemFile });
    const [h, p, s] = result.token.split('.');
    expect(result.attackerKey).toBe(pemFile);
    expect(s).toBe(
      createHmac('sha256', Buffer.from(pemFile, 'utf8')).update(`${h}.${p}`).digest('base64url'),
    );
    // The variant for a server that trims its key: the same bytes without the newline.
    expect(result.note).toContain('final newline included');
    const variant = result.variants![0]!;
    const trimmed = pemFile.slice(0, -1);
    expect(variant.attackerKey).toBe(trimmed);
    expect(variant.when).toMatch(/trims/);
    const [vh, vp, vs] = variant.token.split('.');
    expect(`${vh}.${vp}`).toBe(`${h}.${p}`);
    expect(vs).toBe(
      createHmac('sha256', Buffer.from(trimmed, 'utf8')).update(`${vh}.${vp}`).digest('base64url'),
    );
    expect(vs).not.toBe(s);
  });

  it('RS/HS confusion: a variant for each text a server may hold the key as, PKCS#1 and CRLF too', async () => {
    // The key texts are written by Node (OpenSSL), not by the code under test: SPKI and PKCS#1
    // ("BEGIN RSA PUBLIC KEY", RFC 8017 A.1.1) PEM files, each also trimmed and with CRLF ends.
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const spki = publicKey.export({ type: 'spki', format: 'pem' }) as string;
    const pkcs1 = publicKey.export({ type: 'pkcs1', format: 'pem' }) as string;
    expect(pkcs1.startsWith('-----BEGIN RSA PUBLIC KEY-----\n')).toBe(true);
    const crlf = (text: string) => text.replace(/\n/g, '\r\n');
    const expected = [
      [/trims/, spki.trimEnd()],
      [/PKCS#1 \("BEGIN RSA PUBLIC KEY"\), in a \.pem file/, pkcs1],
      [/PKCS#1 and trims/, pkcs1.trimEnd()],
      [/Windows line ends \(CRLF\)$/, crlf(spki)],
      [/Windows line ends and the server trims/, crlf(spki).trimEnd()],
      [/PKCS#1 with Windows line ends$/, crlf(pkcs1)],
      [/PKCS#1 with Windows line ends and trims/, crlf(pkcs1).trimEnd()],
    ] as const;
    // The key may be given in any form: the texts are the same.
    for (const given of [spki, pkcs1, JSON.stringify(publicKey.export({ format: 'jwk' }))]) {
      const result = await preset('key-confusion').build({ header, payload, publicKey: given });
      const [h, p] = result.token.split('.');
      expect(result.attackerKey).toBe(spki);
      expect(result.variants!.map((variant) => variant.attackerKey)).toEqual(
        expected.map(([, text]) => text),
      );
      const signatures = new Set([result.token.split('.')[2]]);
      result.variants!.forEach((variant, index) => {
        const [, key] = expected[index]!;
        expect(variant.when).toMatch(expected[index]![0]);
        const [vh, vp, vs] = variant.token.split('.');
        expect(`${vh}.${vp}`).toBe(`${h}.${p}`);
        expect(vs).toBe(
          createHmac('sha256', Buffer.from(key, 'utf8')).update(`${vh}.${vp}`).digest('base64url'),
        );
        signatures.add(vs);
      });
      // Eight different keys, eight different tokens.
      expect(signatures.size).toBe(8);
    }
  });

  it('embedded jwk: the token verifies only with the key it carries itself', async () => {
    const pair = await generateKey('RS256');
    const { token } = await preset('embedded-jwk').build({ header, payload });
    const protectedHeader = decodeProtectedHeader(token);
    expect((protectedHeader.jwk as Record<string, unknown>).d).toBeUndefined();
    // A naive server that trusts the header's key (jose's EmbeddedJWK) accepts it…
    await expect(compactVerify(token, EmbeddedJWK)).resolves.toBeTruthy();
    // …the real key does not.
    expect((await verify(token, pair.verificationKey)).status).not.toBe('valid');
  });

  it('kid traversal: a path in kid and an HMAC under an empty key (checked with node:crypto)', async () => {
    const { token } = await preset('kid-traversal').build({ header, payload });
    const [h, p, s] = token.split('.');
    expect(decodePart(h!).kid).toMatch(/^(\.\.\/)+dev\/null$/);
    expect(s).toBe(createHmac('sha256', Buffer.alloc(0)).update(`${h}.${p}`).digest('base64url'));
  });

  it('expired: correctly signed, an hour late', async () => {
    const pair = await generateKey('ES256');
    const now = Math.floor(Date.now() / 1000);
    const { token, payload: stale } = await preset('expired').build({
      header: { alg: 'ES256' },
      payload,
      signingKey: pair.signingKey,
      now,
    });
    expect(stale.exp).toBe(now - 3600);
    expect((await verify(token, pair.verificationKey)).status).toBe('expired');
    await expect(preset('expired').build({ header, payload })).rejects.toThrow(/signing key/);
  });

  it('payload changed after signing: always changed, even when it already grants admin', async () => {
    // Key pairs made by node:crypto; each signature is checked with node:crypto too.
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const ed = generateKeyPairSync('ed25519');
    const pem = (key: typeof rsa.privateKey) => key.export({ type: 'pkcs8', format: 'pem' }) as string;
    const keys = [
      { alg: 'HS256', signingKey: 'a-secret-that-is-32-bytes-long!!', check: 'hmac' },
      { alg: 'RS256', signingKey: pem(rsa.privateKey), check: rsa.publicKey },
      { alg: 'EdDSA', signingKey: pem(ed.privateKey), check: ed.publicKey },
    ] as const;
    const verifies = (check: (typeof keys)[number]['check'], input: string, signature: string) =>
      check === 'hmac'
        ? createHmac('sha256', keys[0].signingKey).update(input).digest('base64url') === signature
        : nodeVerify(
            check.asymmetricKeyType === 'rsa' ? 'sha256' : null,
            Buffer.from(input),
            check,
            Buffer.from(signature, 'base64url'),
          );
    const payloads = [
      { sub: 'user-1', role: 'reader' },
      { sub: 'admin', admin: true },
      { admin: true, sub: 'admin' },
      { iat: 1, admin: true, exp: 2, sub: 'admin', role: 'owner' },
      { sub: 'admin' },
      { admin: true },
    ];
    for (const { alg, signingKey, check } of keys)
      for (const claims of payloads) {
        const name = `${alg} ${JSON.stringify(claims)}`;
        const { token, payload: shown } = await preset('tampered-payload').build({
          header: { alg },
          payload: claims,
          signingKey,
        });
        const [h, p, s] = token.split('.');
        // The signature is the real one over the real payload…
        const signedPayload = Buffer.from(JSON.stringify(claims)).toString('base64url');
        expect(verifies(check, `${h}.${signedPayload}`, s!), name).toBe(true);
        // …and the payload sent is another one, granting admin, which it does not match.
        expect(p, name).not.toBe(signedPayload);
        expect(verifies(check, `${h}.${p}`, s!), name).toBe(false);
        expect(decodePart(p!), name).toEqual(shown);
        expect(shown, name).toMatchObject({ admin: true, sub: expect.stringMatching(/^(admin|root)$/) });
      }
  });

  it('payload changed after signing: the old signature no longer matches', async () => {
    const pair = await generateKey('HS256');
    const { token } = await preset('tampered-payload').build({
      header: { alg: 'HS256' },
      payload,
      signingKey: pair.signingKey,
    });
    expect(decodePart(token.split('.')[1]!)).toMatchObject({ sub: 'admin', admin: true });
    expect((await verify(token, pair.verificationKey)).status).toBe('invalid-signature');
  });
});
