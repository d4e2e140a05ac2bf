/**
 * Defects found by exploratory QA in key reading, shared by the Verifier and the Keys tool.
 * Expected values come from node:crypto (a second implementation) or from the structure of
 * the input, never from this code's own output.
 */
import { X509Certificate, createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { CompactEncrypt, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { decrypt } from '../../src/core/jwe/decrypt';
import { verify } from '../../src/core/jws/verify';
import { readKey } from '../../src/core/keys/export';
import { detectKeyFormat, rsaPssOnlyProblem } from '../../src/core/keys/detect';
import { importSigningKey, importVerificationKey } from '../../src/core/keys/import';
import { pointProblem } from '../../src/core/keys/ec-point';

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const rsaPem = rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
// What `openssl genpkey -algorithm RSA-PSS` writes: a PKCS#8 key under id-RSASSA-PSS.
const pssPem = generateKeyPairSync('rsa-pss', { modulusLength: 2048 })
  .privateKey.export({ type: 'pkcs8', format: 'pem' })
  .toString();
const b64url = (bytes: Uint8Array | Buffer) => Buffer.from(bytes).toString('base64url');

// `openssl req -x509 -new -key <P-256 key> -subj /CN=tokenscope-test` (node:crypto checks it below).
const certificatePem = `-----BEGIN CERTIFICATE-----
MIIBiTCCAS+gAwIBAgIUcMqPmcaQ8YldUx/HtcIjIBoggNowCgYIKoZIzj0EAwIw
GjEYMBYGA1UEAwwPdG9rZW5zY29wZS10ZXN0MB4XDTI2MTEyMzIyMzMwOFoXDTM2
MTEyMDIyMzMwOFowGjEYMBYGA1UEAwwPdG9rZW5zY29wZS10ZXN0MFkwEwYHKoZI
zj0CAQYIKoZIzj0DAQcDQgAEmzBYQ7jMxWRL3j/asbAK5j1GGpZT+lBWgG3xmhYb
Fb8WMQUK9vhPKOhsBT69s0lNt3ldzJ08ZVJLPXUiCfsB+6NTMFEwHQYDVR0OBBYE
FKv4gydWu+Dx4FaEPo2sYe5iTbbNMB8GA1UdIwQYMBaAFKv4gydWu+Dx4FaEPo2s
Ye5iTbbNMA8GA1UdEwEB/wQFMAMBAf8wCgYIKoZIzj0EAwIDSAAwRQIhAMNAgqgr
Nzh30kftzA0L+JhSavvXEfpZ9RhEBKUlWCpIAiAW4X0LuXS9ENKoeChNn9l6DR15
6XBhGWfQKBpdBusP7Q==
-----END CERTIFICATE-----`;

describe('an RSA key marked RSASSA-PSS only (defect 1A)', () => {
  it('is described as such, and both tools give the one shared reason', async () => {
    // The OID 1.2.840.113549.1.1.10 sits in the key's AlgorithmIdentifier (DER 06 09 2a 86 48 86 f7 0d 01 01 0a).
    expect(Buffer.from(pssPem.replace(/-----[^-]+-----|\s/g, ''), 'base64').toString('hex')).toContain(
      '06092a864886f70d01010a',
    );
    expect(detectKeyFormat(pssPem).description).toBe(
      'PEM, PKCS#8 private key (RSA 2048-bit, RSASSA-PSS only)',
    );

    const token = await new SignJWT({ sub: 'a' }).setProtectedHeader({ alg: 'RS256' }).sign(rsa.privateKey);
    const verdict = await verify(token, pssPem);
    expect(verdict.status).toBe('unsupported');
    expect(verdict.reason).toContain('marked RSASSA-PSS only (OID 1.2.840.113549.1.1.10)');
    expect(verdict.reason).not.toMatch(/imported: \.?$/);

    const jwe = await new CompactEncrypt(new TextEncoder().encode('hi'))
      .setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM' })
      .encrypt(rsa.publicKey);
    expect((await decrypt(jwe, pssPem)).reason).toContain('re-export it as a plain rsaEncryption key');

    const reading = await readKey(pssPem);
    expect(reading.ok).toBe(false);
    if (!reading.ok) expect(reading.reason).toContain(rsaPssOnlyProblem);
  });
});

describe('an EC JWK whose point is not on its curve (defect 1B)', () => {
  const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });

  it('says so instead of an empty import error', async () => {
    const token = await new SignJWT({}).setProtectedHeader({ alg: 'ES256' }).sign(p256.privateKey);
    const offCurve = JSON.stringify({ kty: 'EC', crv: 'P-256', x: 'A'.repeat(43), y: 'A'.repeat(43) });
    const verdict = await verify(token, offCurve);
    expect(verdict.status).toBe('malformed');
    expect(verdict.reason).toContain('not a point on the P-256 curve');
    const short = JSON.stringify({ kty: 'EC', crv: 'P-256', x: 'AAAA', y: 'A'.repeat(43) });
    expect((await verify(token, short)).reason).toContain(
      '"x" is 3 bytes, but a P-256 coordinate is 32 bytes',
    );
  });

  it('the curve equations accept real keys of every NIST curve and refuse a changed y', () => {
    for (const curve of ['P-256', 'P-384', 'P-521'] as const) {
      for (let i = 0; i < 5; i++) {
        const jwk = generateKeyPairSync('ec', { namedCurve: curve }).publicKey.export({ format: 'jwk' });
        const x = Buffer.from(jwk.x!, 'base64url');
        const y = Buffer.from(jwk.y!, 'base64url');
        expect(pointProblem(curve, x, y)).toBeUndefined();
        y[y.length - 1]! ^= 1;
        expect(pointProblem(curve, x, y)).toMatch(/not a point on the/);
      }
    }
  });
});

describe('openssl ecparam -genkey output in the Keys tool (defect 3)', () => {
  const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' });
  // 06 05 2b 81 04 00 22: the OID 1.3.132.0.34 (secp384r1), which openssl prints first.
  const parameters = '-----BEGIN EC PARAMETERS-----\nBgUrgQQAIg==\n-----END EC PARAMETERS-----';

  it('skips the EC PARAMETERS block and reads the key after it', async () => {
    const sec1 = p384.privateKey.export({ type: 'sec1', format: 'pem' }).toString();
    const reading = await readKey(`${parameters}\n${sec1}`);
    const expected = p384.privateKey.export({ format: 'jwk' });
    expect(reading).toMatchObject({
      ok: true,
      source: 'sec1',
      jwk: { crv: 'P-384', d: expected.d, x: expected.x },
    });
  });

  it('a parameters block alone is named for what it is, with "an"', async () => {
    const reading = await readKey(parameters);
    expect(reading.ok).toBe(false);
    if (!reading.ok) {
      expect(reading.reason).toContain('only an "EC PARAMETERS" block');
      expect(reading.reason).not.toMatch(/\ba "[AEIOU]/);
    }
    const request = await readKey(
      '-----BEGIN CERTIFICATE REQUEST-----\nMAA=\n-----END CERTIFICATE REQUEST-----',
    );
    if (!request.ok)
      expect(request.reason).toContain('"CERTIFICATE REQUEST" is not a key or certificate block');
  });
});

describe('an encrypted PKCS#8 key (defect 4)', () => {
  it('gets the command that works, the same words in both tools', async () => {
    const encrypted = rsa.privateKey
      .export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pw' })
      .toString();
    expect(encrypted).toContain('BEGIN ENCRYPTED PRIVATE KEY');
    const reading = await readKey(encrypted);
    expect(reading.ok).toBe(false);
    if (!reading.ok) {
      expect(reading.reason).toContain('openssl pkcs8 -in key.pem -out plain.pem');
      expect(reading.reason).not.toContain('-nocrypt');
      expect(reading.reason).toBe(detectKeyFormat(encrypted).problem);
    }
  });
});

describe('a certificate pasted without its PEM lines (defect 6)', () => {
  it('is recognised, with the lines to add', async () => {
    const certificate = new X509Certificate(certificatePem);
    expect(certificate.subject).toBe('CN=tokenscope-test');
    const body = certificatePem.replace(/-----[^-]+-----/g, '').trim();
    const detection = detectKeyFormat(body);
    expect(detection.format).toBe('invalid');
    expect(detection.problem).toBe(
      'This is an X.509 certificate (P-256 key) in base64 without its PEM lines. Add "-----BEGIN CERTIFICATE-----" before it and "-----END CERTIFICATE-----" after it.',
    );
    const reading = await readKey(body);
    if (!reading.ok) expect(reading.reason).toBe(detection.problem);
    // The whole PEM still reads, in both tools: the Keys tool now takes the key from the same parser.
    const jwk = certificate.publicKey.export({ format: 'jwk' });
    expect(await readKey(certificatePem)).toMatchObject({
      ok: true,
      source: 'x509',
      jwk: { x: jwk.x, y: jwk.y },
    });
  });
});

describe('a key set whose keys have no kid (defect 7)', () => {
  it('says so in words', async () => {
    const secret = new TextEncoder().encode('k'.repeat(32));
    const token = await new SignJWT({}).setProtectedHeader({ alg: 'HS256', kid: 'x' }).sign(secret);
    const none = JSON.stringify({
      keys: [
        { kty: 'oct', k: 'AAAA' },
        { kty: 'oct', k: 'BBBB' },
      ],
    });
    const reason = (await verify(token, none)).reason;
    expect(reason).toContain("none of the set's 2 keys has a kid");
    expect(reason).not.toContain('none, none');
    const some = JSON.stringify({
      keys: [
        { kty: 'oct', k: 'AAAA', kid: 'a' },
        { kty: 'oct', k: 'BBBB' },
      ],
    });
    expect((await verify(token, some)).reason).toContain(`the set's kids: "a"; 1 of its 2 keys has none`);
  });
});

describe('articles (defect 8)', () => {
  it('"an RSA", "an Ed25519", "a P-256" in the headerless-PEM hint', () => {
    const bodyOf = (pem: string) => pem.replace(/-----[^-]+-----/g, '').trim();
    const spki = (key: ReturnType<typeof generateKeyPairSync>['publicKey']) =>
      bodyOf(key.export({ type: 'spki', format: 'pem' }).toString());
    expect(detectKeyFormat(spki(rsa.publicKey)).problem).toMatch(/^This is an RSA 2048-bit key in base64/);
    expect(detectKeyFormat(spki(generateKeyPairSync('ed25519').publicKey)).problem).toMatch(
      /^This is an Ed25519 key/,
    );
    const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey;
    expect(detectKeyFormat(spki(p256)).problem).toMatch(/^This is a P-256 key/);
  });
});

describe('a base64 secret with a stray character (defect 9)', () => {
  it('names the alphabet that was chosen', async () => {
    const asBase64 = await importVerificationKey('ab$cd', 'HS256', { secretEncoding: 'base64' });
    expect(asBase64.ok).toBe(false);
    if (!asBase64.ok) {
      expect(asBase64.reason).toContain('"$" is not in the base64 alphabet');
      expect(asBase64.reason).not.toContain('base64url');
    }
    const asBase64url = await importVerificationKey('ab$cd', 'HS256', { secretEncoding: 'base64url' });
    if (!asBase64url.ok) expect(asBase64url.reason).toContain('"$" is not in the base64url alphabet');
  });
});

describe('an RSA key for HS256 when signing (defect 10)', () => {
  it('speaks of signing and a private key, not of verifying a public one', async () => {
    const imported = await importSigningKey(rsaPem, 'HS256');
    expect(imported.ok).toBe(false);
    if (imported.ok) return;
    expect(imported.status).toBe('key-mismatch');
    expect(imported.reason).toContain('This key could sign RS256');
    expect(imported.reason).toContain('paste a shared secret');
    expect(imported.reason).not.toMatch(/verify|public key|The token says/);
  });

  it('keeps the algorithm-confusion warning when verifying', async () => {
    const imported = await importVerificationKey(
      rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      'HS256',
    );
    if (!imported.ok) {
      expect(imported.reason).toContain('This key could verify RS256');
      expect(imported.reason).toContain('RFC 8725 §2.1');
    }
  });
});

describe('OpenSSH keys and PEMs with literal \\n (suggestion 11c)', () => {
  it('an ssh-rsa line gets the conversion command', () => {
    const detection = detectKeyFormat('ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 user@host');
    expect(detection).toMatchObject({ format: 'invalid', description: 'OpenSSH public key' });
    expect(detection.problem).toContain('ssh-keygen -e -m PKCS8 -f key.pub');
  });

  it('a PEM from an env file (line breaks as the two characters \\ and n) is read as it was meant', async () => {
    const pem = rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const escaped = pem.trim().replace(/\n/g, '\\n');
    expect(escaped).not.toContain('\n');
    expect(detectKeyFormat(escaped).description).toBe('PEM, SPKI public key (RSA 2048-bit)');
    const token = await new SignJWT({}).setProtectedHeader({ alg: 'RS256' }).sign(rsa.privateKey);
    expect((await verify(token, escaped)).status).toBe('valid');
    const reading = await readKey(escaped);
    expect(reading).toMatchObject({ ok: true, jwk: { n: createPublicKey(pem).export({ format: 'jwk' }).n } });
    expect(createPrivateKey(rsaPem).asymmetricKeyType).toBe('rsa');
  });
});

it('a set key that WebCrypto refuses is named by its place in the set', async () => {
  const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const token = await new SignJWT({}).setProtectedHeader({ alg: 'ES256' }).sign(p256.privateKey);
  const set = JSON.stringify({
    keys: [{ kty: 'EC', crv: 'P-256', x: b64url(Buffer.alloc(32)), y: b64url(Buffer.alloc(32)) }],
  });
  const reason = (await verify(token, set)).reason;
  expect(reason).toMatch(/^Key 1 of the set: The JWK's "x" and "y" are not a point on the P-256 curve/);
});
