import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verify } from '../../src/core/jws/verify';
import { signWithNode, b64url } from './verify-helpers';

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const otherRsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const spki = (key: typeof rsa.publicKey) => key.export({ type: 'spki', format: 'pem' }).toString();

describe('why did it fail', () => {
  it('the secret looks base64 but was read as text, and the other reading verifies', async () => {
    const bytes = new Uint8Array(32).map((_, i) => (i * 73 + 5) & 0xff);
    const token = signWithNode({ alg: 'HS256' }, { sub: 'ada' }, bytes);
    const asText = await verify(token, Buffer.from(bytes).toString('base64'));
    expect(asText.status).toBe('invalid-signature');
    expect(asText.explanations[0]).toContain('read as base64 it verifies');
    const asBase64url = await verify(token, Buffer.from(bytes).toString('base64url'));
    expect(asBase64url.explanations[0]).toMatch(/read as base64(url)? it verifies/);
    // And the other way round: a text secret read as base64.
    const textToken = signWithNode({ alg: 'HS256' }, {}, new TextEncoder().encode('abcdEFGH12345678'));
    const wrongWay = await verify(textToken, 'abcdEFGH12345678', { secretEncoding: 'base64' });
    expect(wrongWay.explanations[0]).toContain('read as text (UTF-8) it verifies');
  });

  it('the kid matches no key in the set', async () => {
    const token = signWithNode({ alg: 'RS256', kid: 'rotated-out' }, {}, rsa.privateKey);
    const set = { keys: [{ ...rsa.publicKey.export({ format: 'jwk' }), kid: 'current' }] };
    const result = await verify(token, JSON.stringify(set));
    expect(result.status).toBe('key-mismatch');
    expect(result.reason).toContain('kid "rotated-out" matches no key in the set');
    expect(result.reason).toContain('"current"');
  });

  it("a single JWK whose kid differs from the token's is named as the likely cause", async () => {
    const token = signWithNode({ alg: 'RS256', kid: 'a' }, {}, rsa.privateKey);
    const result = await verify(
      token,
      JSON.stringify({ ...otherRsa.publicKey.export({ format: 'jwk' }), kid: 'b' }),
    );
    expect(result.status).toBe('invalid-signature');
    expect(result.explanations.join(' ')).toContain('kid is "a" but the key\'s kid is "b"');
  });

  it('key type and alg disagree: RSA key, ES256 token; and a public key as an HMAC secret', async () => {
    const es = signWithNode({ alg: 'ES256' }, {}, ec.privateKey);
    const result = await verify(es, spki(rsa.publicKey));
    expect(result.status).toBe('key-mismatch');
    expect(result.reason).toContain(
      'needs an EC P-256 key, but the key is a PEM, SPKI public key (an RSA key)',
    );
    const confusion = `${b64url('{"alg":"HS256"}')}.${b64url('{}')}.${b64url('x'.repeat(32))}`;
    const confused = await verify(confusion, spki(rsa.publicKey));
    expect(confused.status).toBe('key-mismatch');
    expect(confused.reason).toContain('RFC 8725');
  });

  it('the PEM lost its BEGIN/END lines, or is truncated', async () => {
    const token = signWithNode({ alg: 'RS256' }, {}, rsa.privateKey);
    const pem = spki(rsa.publicKey);
    const body = pem.replace(/-----[A-Z ]+-----/g, '').trim();
    const headerless = await verify(token, body);
    expect(headerless.status).toBe('malformed');
    expect(headerless.reason).toContain('without its PEM lines');
    const noEnd = await verify(token, pem.replace(/-----END PUBLIC KEY-----\s*$/, ''));
    expect(noEnd.status).toBe('malformed');
    expect(noEnd.reason).toContain('no "-----END PUBLIC KEY-----" line');
    const lines = pem.trim().split('\n');
    const truncated = [...lines.slice(0, 3), lines.at(-1)].join('\n');
    const cut = await verify(token, truncated);
    expect(cut.status).toBe('malformed');
    expect(cut.reason).toMatch(/damaged or truncated/);
  });

  it('the token was modified after signing (RS and PS: this key signed a different input)', async () => {
    for (const alg of ['RS256', 'PS256']) {
      const token = signWithNode({ alg }, { sub: 'ada', admin: false }, rsa.privateKey);
      const [header, , signature] = token.split('.');
      const modified = `${header}.${b64url('{"sub":"ada","admin":true}')}.${signature}`;
      const changed = await verify(modified, spki(rsa.publicKey));
      expect(changed.status).toBe('invalid-signature');
      expect(changed.explanations.join(' ')).toContain('modified after signing');
      const otherKey = await verify(token, spki(otherRsa.publicKey));
      expect(otherKey.explanations.join(' ')).toContain('not made by this key');
    }
  });

  it('a DER-encoded ECDSA signature is named (JWS wants R || S)', async () => {
    const { sign } = await import('node:crypto');
    const input = `${b64url('{"alg":"ES256"}')}.${b64url('{}')}`;
    const der = sign('sha256', Buffer.from(input), ec.privateKey); // DER by default
    const result = await verify(`${input}.${b64url(der)}`, spki(ec.publicKey));
    expect(result.status).toBe('invalid-signature');
    expect(result.explanations.join(' ')).toContain('DER');
  });
});
