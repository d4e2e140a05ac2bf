import { generateKeyPairSync, createSecretKey, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildShareLink, classifyKey, prepareSharedToken } from '../../src/features/share/share-link';
import { readSharedProfile } from '../../src/features/share/shared-profile';
import { parseFragment } from '../../src/state/fragment';

const b64url = (text: string) => Buffer.from(text).toString('base64url');
const claims = { sub: 'ada', email: 'ada@example.com', admin: true, exp: 2000000000 };
const token = `${b64url('{"alg":"HS256","typ":"JWT"}')}.${b64url(JSON.stringify(claims))}.${b64url('signature')}`;

describe('classifyKey', () => {
  // Keys from node:crypto, a second implementation, in every format a person pastes.
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const ed = generateKeyPairSync('ed25519');
  const cases: [string, string, string][] = [
    ['RSA SPKI PEM', rsa.publicKey.export({ type: 'spki', format: 'pem' }) as string, 'public'],
    ['RSA PKCS#8 PEM', rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, 'private'],
    ['RSA PKCS#1 PEM', rsa.privateKey.export({ type: 'pkcs1', format: 'pem' }) as string, 'private'],
    ['RSA PKCS#1 public PEM', rsa.publicKey.export({ type: 'pkcs1', format: 'pem' }) as string, 'public'],
    ['EC SEC1 PEM', ec.privateKey.export({ type: 'sec1', format: 'pem' }) as string, 'private'],
    ['EC public JWK', JSON.stringify(ec.publicKey.export({ format: 'jwk' })), 'public'],
    ['EC private JWK', JSON.stringify(ec.privateKey.export({ format: 'jwk' })), 'private'],
    ['Ed25519 private JWK', JSON.stringify(ed.privateKey.export({ format: 'jwk' })), 'private'],
    ['oct JWK', JSON.stringify(createSecretKey(randomBytes(32)).export({ format: 'jwk' })), 'secret'],
    ['public JWKS', JSON.stringify({ keys: [rsa.publicKey.export({ format: 'jwk' })] }), 'public'],
    [
      'JWKS with one private key',
      JSON.stringify({
        keys: [rsa.publicKey.export({ format: 'jwk' }), ec.privateKey.export({ format: 'jwk' })],
      }),
      'private',
    ],
    ['plain secret', 'your-256-bit-secret', 'secret'],
    ['JSON-looking secret', '{not json', 'secret'],
    ['nothing', '   ', 'none'],
  ];
  it.each(cases)('%s', (_name, key, expected) => {
    expect(classifyKey(key)).toBe(expected);
  });
});

describe('prepareSharedToken', () => {
  it('keeps the token as it is by default', () => {
    expect(prepareSharedToken(`  ${token}\n`, { stripSignature: false, redact: [] })).toEqual({
      ok: true,
      token,
      signatureRemoved: false,
    });
  });

  it('drops the signature, keeping header and payload byte for byte', () => {
    const [header, payload] = token.split('.');
    expect(prepareSharedToken(token, { stripSignature: true, redact: [] })).toEqual({
      ok: true,
      token: `${header}.${payload}.`,
      signatureRemoved: true,
    });
  });

  it('redacts chosen claims and, since the payload changed, the signature', () => {
    const result = prepareSharedToken(token, { stripSignature: false, redact: ['email', 'admin', 'absent'] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [header, payload, signature] = result.token.split('.');
    expect(header).toBe(token.split('.')[0]);
    expect(signature).toBe('');
    expect(JSON.parse(Buffer.from(payload!, 'base64url').toString())).toEqual({
      sub: 'ada',
      email: '[redacted]',
      admin: '[redacted]',
      exp: 2000000000,
    });
  });

  it('refuses to edit what it cannot edit, and says why', () => {
    const jwe = 'eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.a2V5.aXY.Y2lwaGVy.dGFn';
    const result = prepareSharedToken(jwe, { stripSignature: true, redact: [] });
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining('compact form') });
    expect(prepareSharedToken('not a token', { stripSignature: true, redact: [] }).ok).toBe(false);
  });
});

describe('buildShareLink', () => {
  it('puts everything in the fragment and nothing in the query string', () => {
    const result = buildShareLink('https://tokenscope.example/app/?utm=1#tool=verifier', token, {
      stripSignature: false,
      redact: [],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const url = new URL(result.url);
    expect(url.origin + url.pathname).toBe('https://tokenscope.example/app/');
    expect(url.search).toBe('');
    expect(Object.fromEntries(new URLSearchParams(url.hash.slice(1)))).toEqual({ token });
  });

  it('adds a key (which the caller had confirmed) and opens the verifier', () => {
    const key = '-----BEGIN PUBLIC KEY-----\nMFkw+/=\n-----END PUBLIC KEY-----';
    const result = buildShareLink('https://tokenscope.example/', token, {
      stripSignature: false,
      redact: [],
      key,
    });
    if (!result.ok) throw new Error(result.reason);
    const fragment = new URLSearchParams(new URL(result.url).hash.slice(1));
    expect(fragment.get('key')).toBe(key);
    expect(fragment.get('tool')).toBe('verifier');
    expect(fragment.get('token')).toBe(token);
  });

  it('carries the Verifier profile with the key, so the link checks the token the same way', () => {
    const profile = {
      secretEncoding: 'base64' as const,
      issuer: 'https://issuer.example',
      clockTolerance: 30,
    };
    const withKey = buildShareLink('https://tokenscope.example/', token, {
      stripSignature: false,
      redact: [],
      key: 'CzBVep/E6Q4zWH2ix+wRNluApcrvFDleg6jN8hc8YYY=',
      profile,
    });
    if (!withKey.ok) throw new Error(withKey.reason);
    const fragment = parseFragment(new URL(withKey.url).hash);
    expect(readSharedProfile(fragment.profile)).toEqual({ ok: true, profile });
    // No key, no Verifier: the profile stays out of a plain token link.
    const tokenOnly = buildShareLink('https://tokenscope.example/', token, {
      stripSignature: false,
      redact: [],
      profile,
    });
    if (!tokenOnly.ok) throw new Error(tokenOnly.reason);
    expect(parseFragment(new URL(tokenOnly.url).hash).profile).toBeUndefined();
    // An empty profile adds nothing.
    const plain = buildShareLink('https://tokenscope.example/', token, {
      stripSignature: false,
      redact: [],
      key: 'k',
      profile: {},
    });
    if (!plain.ok) throw new Error(plain.reason);
    expect(parseFragment(new URL(plain.url).hash).profile).toBeUndefined();
  });
});

describe('readSharedProfile', () => {
  it('reads a link’s profile as strictly as a workspace zip’s, and says why one is refused', () => {
    expect(readSharedProfile('{"audience":"api","now":1767225600000}')).toEqual({
      ok: true,
      profile: { audience: 'api', now: 1767225600000 },
    });
    // A link with a key and no profile sets the defaults, not whatever the tab had.
    expect(readSharedProfile(undefined)).toEqual({ ok: true, profile: {} });
    // Hand-edited links: an endless tolerance (1e400 is Infinity), a wrong type, not JSON, a list.
    expect(readSharedProfile('{"clockTolerance":1e400}')).toEqual({
      ok: false,
      reason:
        'The Verifier profile in this link has "clockTolerance" set to Infinity; it must be a number of seconds from 0 to 86400 (a day).',
    });
    expect(readSharedProfile('{"algorithms":"HS256"}')).toEqual({
      ok: false,
      reason:
        'The Verifier profile in this link has "algorithms" as a string; it must be a list of algorithm names.',
    });
    expect(readSharedProfile('{not json')).toEqual({
      ok: false,
      reason: 'The Verifier profile in this link is not JSON (the link was cut short or edited).',
    });
    expect(readSharedProfile('[1]')).toEqual({
      ok: false,
      reason: 'The Verifier profile in this link is a list, not an object with the verification settings.',
    });
  });
});
