import { execFileSync } from 'node:child_process';
import { createPrivateKey, webcrypto } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, beforeAll } from 'vitest';
import { verify } from '../../src/core/jws/verify';
import { keyPair, keyTexts, signWithNode, b64url, type KeyKind } from './verify-helpers';

// Each signature algorithm, the key kind that serves it, and (for the failure half) a key of
// the same kind that did not sign.
const algorithms: [string, KeyKind][] = [
  ['RS256', 'rsa'],
  ['RS384', 'rsa'],
  ['RS512', 'rsa'],
  ['PS256', 'rsa'],
  ['PS384', 'rsa'],
  ['PS512', 'rsa'],
  ['ES256', 'P-256'],
  ['ES384', 'P-384'],
  ['ES512', 'P-521'],
  ['ES256K', 'secp256k1'],
  ['EdDSA', 'ed25519'],
  ['Ed25519', 'ed25519'],
  ['EdDSA', 'ed448'],
];

const pairs = new Map<KeyKind, ReturnType<typeof keyPair>>();
const others = new Map<KeyKind, ReturnType<typeof keyPair>>();
const pairOf = (kind: KeyKind) => {
  if (!pairs.has(kind)) pairs.set(kind, keyPair(kind));
  return pairs.get(kind)!;
};
const otherOf = (kind: KeyKind) => {
  if (!others.has(kind)) others.set(kind, keyPair(kind));
  return others.get(kind)!;
};

const exp = () => Math.floor(Date.now() / 1000) + 600;

describe('verify: every algorithm with keys in every format', () => {
  for (const [alg, kind] of algorithms) {
    const label = `${alg} (${kind})`;
    it(`${label}: each key format verifies; another key of the same kind does not`, async () => {
      const pair = pairOf(kind);
      const token = signWithNode({ alg, typ: 'JWT' }, { sub: 'ada', exp: exp() }, pair.privateKey);
      for (const [format, text] of Object.entries(keyTexts(kind, pair))) {
        const result = await verify(token, text);
        expect({ format, status: result.status, reason: result.reason }).toMatchObject({
          format,
          status: 'valid',
        });
        expect(result.signature).toBe('good');
        expect(result.alg).toBe(alg);
      }
      for (const [format, text] of Object.entries(keyTexts(kind, otherOf(kind)))) {
        const result = await verify(token, text);
        expect({ format, status: result.status }).toEqual({ format, status: 'invalid-signature' });
      }
    });
  }

  it('HMAC: a UTF-8 secret, a base64 and a base64url secret, an oct JWK and a JWKS', async () => {
    const bytes = webcrypto.getRandomValues(new Uint8Array(64));
    for (const alg of ['HS256', 'HS384', 'HS512']) {
      const text = 'a passphrase with spaces and ünïcödé';
      const textToken = signWithNode({ alg }, { sub: 'ada' }, new TextEncoder().encode(text));
      expect((await verify(textToken, text)).status).toBe('valid');
      expect((await verify(textToken, `${text}!`)).status).toBe('invalid-signature');

      const token = signWithNode({ alg, kid: 'hmac-1' }, { sub: 'ada' }, bytes);
      const base64 = Buffer.from(bytes).toString('base64');
      const base64url = Buffer.from(bytes).toString('base64url');
      expect((await verify(token, base64, { secretEncoding: 'base64' })).status).toBe('valid');
      expect((await verify(token, base64url, { secretEncoding: 'base64url' })).status).toBe('valid');
      expect((await verify(token, JSON.stringify({ kty: 'oct', k: base64url }))).status).toBe('valid');
      const set = {
        keys: [
          { kty: 'oct', kid: 'other', k: b64url('x') },
          { kty: 'oct', kid: 'hmac-1', k: base64url },
        ],
      };
      const fromSet = await verify(token, JSON.stringify(set));
      expect(fromSet.status).toBe('valid');
      expect(fromSet.key?.used).toContain('key 2 of 2');
    }
  });

  it('an X.509 certificate (made by the openssl CLI) verifies with the key inside it', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'tokenscope-cert-'));
    for (const [alg, newkey] of [
      ['RS256', ['-newkey', 'rsa:2048']],
      ['ES384', ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-384']],
      ['EdDSA', ['-newkey', 'ed25519']],
    ] as const) {
      const keyFile = join(folder, `${alg}.key`);
      const certFile = join(folder, `${alg}.crt`);
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          ...newkey,
          '-nodes',
          '-keyout',
          keyFile,
          '-out',
          certFile,
          '-subj',
          '/CN=Tokenscope test',
          '-days',
          '1',
        ],
        { stdio: 'ignore' },
      );
      const token = signWithNode({ alg }, { sub: 'ada' }, createPrivateKey(readFileSync(keyFile)));
      const result = await verify(token, readFileSync(certFile, 'utf8'));
      expect({ alg, status: result.status }).toEqual({ alg, status: 'valid' });
      expect(result.key?.detected).toContain('X.509 certificate');
      const stranger = signWithNode(
        { alg },
        { sub: 'ada' },
        keyPair(alg === 'RS256' ? 'rsa' : alg === 'ES384' ? 'P-384' : 'ed25519').privateKey,
      );
      expect((await verify(stranger, readFileSync(certFile, 'utf8'))).status).toBe('invalid-signature');
    }
  });
});

describe('verify: statuses and claims', () => {
  let hs: (payload: object, header?: object) => string;
  beforeAll(() => {
    hs = (payload, header = {}) =>
      signWithNode({ alg: 'HS256', ...header }, payload, new TextEncoder().encode('secret'));
  });

  it('exp boundaries follow RFC 7519 §4.1.4 with clock tolerance (expired on or after exp)', async () => {
    const expSeconds = 1_700_000_000;
    const token = hs({ exp: expSeconds });
    const at = (seconds: number, clockTolerance?: number) =>
      verify(token, 'secret', { now: seconds * 1000, clockTolerance }).then((result) => result.status);
    expect(await at(expSeconds - 1)).toBe('valid');
    expect(await at(expSeconds)).toBe('expired');
    expect(await at(expSeconds + 30, 30)).toBe('expired');
    expect(await at(expSeconds + 29, 30)).toBe('valid');
    // Milliseconds within the last valid second still count as that second.
    expect((await verify(token, 'secret', { now: expSeconds * 1000 - 1 })).status).toBe('valid');
  });

  it('nbf boundaries (RFC 7519 §4.1.5) with clock tolerance', async () => {
    const nbf = 1_700_000_000;
    const token = hs({ nbf });
    const at = (seconds: number, clockTolerance?: number) =>
      verify(token, 'secret', { now: seconds * 1000, clockTolerance }).then((result) => result.status);
    expect(await at(nbf)).toBe('valid');
    expect(await at(nbf - 1)).toBe('not-yet-valid');
    expect(await at(nbf - 10, 10)).toBe('valid');
    expect(await at(nbf - 11, 10)).toBe('not-yet-valid');
  });

  it('an expired token with a good signature says so, with the distance', async () => {
    const now = 1_700_000_000_000;
    const result = await verify(hs({ exp: now / 1000 - 7200 }), 'secret', { now });
    expect(result.status).toBe('expired');
    expect(result.signature).toBe('good');
    expect(result.reason).toBe('Signature good, but expired 2 h ago.');
  });

  it('a bad signature is reported before the claims (an expired forgery is a forgery)', async () => {
    const result = await verify(hs({ exp: 1 }), 'wrong');
    expect(result.status).toBe('invalid-signature');
  });

  it('issuer, audience and required claims', async () => {
    const token = hs({ iss: 'https://issuer.example', aud: ['api', 'web'], sub: 'ada' });
    expect(
      (await verify(token, 'secret', { issuer: 'https://issuer.example', audience: 'web' })).status,
    ).toBe('valid');
    const wrongIssuer = await verify(token, 'secret', { issuer: 'https://other.example' });
    expect(wrongIssuer.status).toBe('claim-mismatch');
    expect(wrongIssuer.reason).toContain('Signature good, but the issuer is "https://issuer.example"');
    expect((await verify(token, 'secret', { audience: 'mobile' })).status).toBe('claim-mismatch');
    expect((await verify(token, 'secret', { requiredClaims: ['sub'] })).status).toBe('valid');
    const missing = await verify(token, 'secret', { requiredClaims: ['exp'] });
    expect(missing.status).toBe('claim-mismatch');
    expect(missing.reason).toContain('"exp" is missing');
  });

  it('a non-numeric exp is a claim mismatch, not valid', async () => {
    expect((await verify(hs({ exp: '2030-01-01' }), 'secret')).status).toBe('claim-mismatch');
  });

  it('alg none never verifies, whatever the key', async () => {
    const token = `${b64url('{"alg":"none"}')}.${b64url('{"sub":"admin"}')}.`;
    for (const key of ['', 'secret', '{"kty":"oct","k":""}']) {
      const result = await verify(token, key);
      expect(result.status).toBe('invalid-signature');
      expect(result.reason).toContain('unsigned');
    }
  });

  it('the allowed algorithms of the profile are enforced', async () => {
    const result = await verify(hs({}), 'secret', { algorithms: ['RS256', 'ES256'] });
    expect(result.status).toBe('key-mismatch');
    expect(result.reason).toContain('does not allow');
    expect((await verify(hs({}), 'secret', { algorithms: ['HS256'] })).status).toBe('valid');
  });

  it('a key the token embeds about itself never yields valid', async () => {
    const pair = pairOf('P-256');
    const jwk = pair.publicKey.export({ format: 'jwk' });
    const token = signWithNode({ alg: 'ES256', jwk }, { sub: 'admin' }, pair.privateKey);
    const pasted = await verify(token, JSON.stringify(jwk));
    expect(pasted.status).toBe('key-mismatch');
    expect(pasted.signature).toBe('good');
    expect(pasted.reason).toContain('carries about itself');
    const declared = await verify(signWithNode({ alg: 'ES256' }, {}, pair.privateKey), JSON.stringify(jwk), {
      keyOrigin: 'token-header',
    });
    expect(declared.status).toBe('key-mismatch');
    // Without the key, the embedded one is not used either.
    const empty = await verify(token, '');
    expect(empty.status).toBe('key-mismatch');
    expect(empty.explanations.join(' ')).toContain('RFC 7515 §4.1.3');
  });

  it('malformed and unsupported inputs get their own statuses and never throw', async () => {
    expect((await verify('not a token', 'secret')).status).toBe('malformed');
    expect((await verify('', 'secret')).status).toBe('malformed');
    expect((await verify(`${b64url('{"alg":"HS999"}')}.${b64url('{}')}.c2ln`, 'secret')).status).toBe(
      'unsupported',
    );
    expect((await verify(`${b64url('{"typ":"JWT"}')}.${b64url('{}')}.c2ln`, 'secret')).status).toBe(
      'malformed',
    );
    const jwe = `${b64url('{"alg":"dir","enc":"A128GCM"}')}..aXY.Y2lwaGVy.dGFn`;
    expect((await verify(jwe, 'secret')).status).toBe('unsupported');
  });

  it('a private key verifies (its public half is used)', async () => {
    const pair = pairOf('rsa');
    const token = signWithNode({ alg: 'RS256' }, {}, pair.privateKey);
    const result = await verify(token, pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
    expect(result.status).toBe('valid');
    expect(result.key?.used).toContain('public half');
  });
});

describe('the public surface (src/core/index.ts)', () => {
  it('verify and decrypt load on first call and keep the contract: never throw', async () => {
    const core = await import('../../src/core');
    const token = signWithNode({ alg: 'HS256' }, { sub: 'ada' }, new TextEncoder().encode('k'));
    expect((await core.verify(token, 'k')).status).toBe('valid');
    expect((await core.verify('garbage', 'k')).status).toBe('malformed');
    expect((await core.decrypt('garbage', 'k')).status).toBe('malformed');
    // @ts-expect-error: a person's input is untyped at the edges; still no throw.
    expect((await core.verify(undefined, undefined)).status).toBe('malformed');
  });
});
