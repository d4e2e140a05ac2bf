import { createHmac } from 'node:crypto';
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
    expect(attackerKey).toBe(publicPem);
    expect(s).toBe(createHmac('sha256', publicPem).update(`${h}.${p}`).digest('base64url'));
    // Our verifier, given the RSA public key, refuses the HS256 token.
    expect((await verify(token, publicPem)).status).not.toBe('valid');
    await expect(preset('key-confusion').build({ header, payload })).rejects.toThrow(/public key/);
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
