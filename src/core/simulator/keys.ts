/**
 * The auth server's signing keys. Deterministic for a seed, so a run replays byte for byte:
 * HMAC secrets and Ed25519 private keys come from the seeded generator (an Ed25519 private
 * key is 32 random bytes, RFC 8032 §5.1.5); RSA keys cannot be derived cheaply, so RS/PS
 * runs use one fixed demonstration key pair (below: never use it for anything real).
 * ECDSA keys are generated per run: their signatures are randomized anyway (FIPS 186-5).
 */
import { exportJWK, generateKeyPair, importPKCS8, importSPKI, type CryptoKey } from 'jose';
import { toBase64url, type SeededRandom } from './random';

export interface SigningKeys {
  alg: string;
  signingKey: CryptoKey | Uint8Array;
  verifyingKey: CryptoKey | Uint8Array;
  /** The verification key as text the Verifier accepts: an `oct` or public JWK, or a PEM. */
  verificationKeyText: string;
}

/** Every JWS algorithm the simulator can sign with; anything else falls back to HS256. */
export const simulatorAlgorithms = [
  'HS256',
  'HS384',
  'HS512',
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
  'Ed25519',
] as const;

export const demoRsaPrivateKeyPem = `-----BEGIN PRIVATE KEY-----
MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC3naF9psB2INLR
mug0Vtu0eUnazPPsAkY8HxHvSSqCwtw5GuVX10KUGjkpzjPTai6ucRiLiVzY8n9D
1HqUwLFnyqehjHxJJQCeEJLHy2j0Mfe0b0mROt1CKGJ8/Ax0fX0oEam/xtfVE+Oe
oVGCieomDvFF5WeLDRxEi4kzYiS8jONTUm+dhxcgKOYaRzvCUd09iz8pUO27bNGz
RgQjb8JciCaEi7vNIKOaz8ASk0sNzA2Asw/MbpVVZzGd75HWdM1BFNWjyBCYgHgx
9pnrkB2nx1MdGC/VyB2LatTnt+yXLKOZ7ED8DKg2hUXQnFab8/a8zMRWzazuAChY
sz1dDcK9AgMBAAECggEAIo99d4ic/j8UX1aQcVWN+gzATXo5SUluTd+tQQRdB4rE
58y7sUp3oifDba59y8PXMIdiDtWWj9EpCivivL/+RGJ9Jeeq9xuLX7UP46JSSXBk
RuaRis/xGIRAcXUBpSV/mrykXk//jQA23kNP88mgtHQojrbsw9v+X5qCAxVsg76R
XooLCEPLIC5Awzbs6E5+htYrc7SfIHXWHI/wwcxrjABouMAEPOgRCwsuOGL1diwv
tmdZ1to+ornL1QAW/mmZx/NYFdplJtd2mpXy5jykdOYqFfTCysYijiHvQEwHnJIC
WCW+8PW+9iF2k27rEKRs1nnMOVS6cZBGvV/5R/wnUQKBgQDfJrAad0kjEBxzSatX
9KZUc9qeqU+vLqyv9kuN5sG/fDxwC1LnQjzt3X10mN0Nz630ceoK2WBD5NnJp1NR
ZDkj8ShAhQx1BCI7wufVB3ij42MX3Y8GAXF8FvfBx/WhFYBPcKpbfSj3eOQTnCGC
eskbNvDbcYPVnRYS48tjbyotWQKBgQDSpROcqyivBys3Vk6U/RfL4DP3p8GD174e
A96yrO38ZHZ9nfiG6CB8iAMwWYfMAs1W68Cukh3M2UDTcAHelbqykSixcab9Sml5
mkO7Of+TDdBDFyH2oXwCtXLOrO0Zon3f63Po3SAatWxismDwbNgFmhSCfJxZiSk/
/1W5s1XgBQKBgQDB3zDcrYojJloxZ22vyuO/N7BWbC7IujpZ3heiPztRC7TOe2gZ
dxjMZ8QZSr2yxB4T4+w8ZMMX+XmlkvP2IKbsLRaVh4JdH6xGU31rPUR4zpNHJryd
sR9RefripsEmpDGH0xCOz9yJtMQirWEHpXmXZVI4tRSewA1vd+06hFgWcQKBgCtT
mP0Yl32o09LGBdPPWx2sOAQwlTUxIwG5egz2VN0dLOIZpAzbohL7Ruyi/bOQv/uo
8jD2DPsdlJ/o4fmOgqBICz60Scy/iYJhoJzaCR+OL9Ac6fd4r7E+8SZhm0MykQGF
xImZMglMV8bVOes5+BTu5FkSmHYyKDHpqxBPOtKhAoGAcRtS7S0LM/NRG1KHsAqY
y7f33GIpTkmXtp8AOlfj5dWEazb6/5o5rpDedv53pQqkhexouUvw0A2bEyQKg/rD
kzMTKjAHxLtS7W4gX4rT0notsny2Jw6/i6ef/pfuNijPE0dfRN9oEtIRIh5LhRMh
AU+G21fynLi8jwnto/Bnf8A=
-----END PRIVATE KEY-----`;

export const demoRsaPublicKeyPem = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAt52hfabAdiDS0ZroNFbb
tHlJ2szz7AJGPB8R70kqgsLcORrlV9dClBo5Kc4z02ournEYi4lc2PJ/Q9R6lMCx
Z8qnoYx8SSUAnhCSx8to9DH3tG9JkTrdQihifPwMdH19KBGpv8bX1RPjnqFRgonq
Jg7xReVniw0cRIuJM2IkvIzjU1JvnYcXICjmGkc7wlHdPYs/KVDtu2zRs0YEI2/C
XIgmhIu7zSCjms/AEpNLDcwNgLMPzG6VVWcxne+R1nTNQRTVo8gQmIB4MfaZ65Ad
p8dTHRgv1cgdi2rU57fslyyjmexA/AyoNoVF0JxWm/P2vMzEVs2s7gAoWLM9XQ3C
vQIDAQAB
-----END PUBLIC KEY-----
`;

const ed25519Pkcs8Prefix = [
  0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
];

function pem(label: string, der: Uint8Array): string {
  let binary = '';
  for (const byte of der) binary += String.fromCharCode(byte);
  const body = btoa(binary).replace(/(.{64})/g, '$1\n');
  return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
}

export function hmacKeys(alg: string, secret: Uint8Array): SigningKeys {
  const jwk = { kty: 'oct', k: toBase64url(secret), alg };
  return {
    alg,
    signingKey: secret,
    verifyingKey: secret,
    verificationKeyText: JSON.stringify(jwk),
  };
}

export async function createSigningKeys(alg: string, random: SeededRandom): Promise<SigningKeys> {
  if (alg.startsWith('HS')) return hmacKeys(alg, random.bytes(Number(alg.slice(2)) / 8));
  if (alg === 'EdDSA' || alg === 'Ed25519') {
    const der = new Uint8Array([...ed25519Pkcs8Prefix, ...random.bytes(32)]);
    const signingKey = await importPKCS8(pem('PRIVATE KEY', der), alg, { extractable: true });
    const { kty, crv, x } = await exportJWK(signingKey);
    const publicJwk = { kty, crv, x, alg };
    const verifyingKey = (await importSPKI(await spkiOf(publicJwk), alg)) as CryptoKey;
    return { alg, signingKey, verifyingKey, verificationKeyText: JSON.stringify(publicJwk) };
  }
  if (alg.startsWith('RS') || alg.startsWith('PS')) {
    return {
      alg,
      signingKey: await importPKCS8(demoRsaPrivateKeyPem, alg),
      verifyingKey: await importSPKI(demoRsaPublicKeyPem, alg),
      verificationKeyText: demoRsaPublicKeyPem,
    };
  }
  const pair = await generateKeyPair(alg, { extractable: true });
  return {
    alg,
    signingKey: pair.privateKey,
    verifyingKey: pair.publicKey,
    verificationKeyText: JSON.stringify({ ...(await exportJWK(pair.publicKey)), alg }),
  };
}

/** An Ed25519 public JWK as SPKI PEM (RFC 8410 §4: a fixed 12-byte prefix and the key). */
async function spkiOf(jwk: { x?: string }): Promise<string> {
  const raw = Uint8Array.from(atob((jwk.x ?? '').replace(/-/g, '+').replace(/_/g, '/')), (c) =>
    c.charCodeAt(0),
  );
  const prefix = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00];
  return pem('PUBLIC KEY', new Uint8Array([...prefix, ...raw]));
}
