import { base64url } from 'jose';
import { sign } from '../jws/sign';
import type { AttackPreset } from './types';

/**
 * The claims the tampered payload grants, tried in turn: the first that changes the signed bytes
 * is used. A payload that already holds `sub: "admin", admin: true` (in any order: the spread
 * keeps its order) is not changed by the first, and a token sent unchanged would make a correct
 * server "fail"; its "sub" is then "admin", so "root" always changes it.
 */
const escalations = [
  { sub: 'admin', admin: true },
  { sub: 'root', admin: true },
];

export const tamperedPayload: AttackPreset = {
  id: 'tampered-payload',
  title: 'Payload changed after signing',
  tests:
    'Whether the server checks the signature at all: the token is signed with your key, then its payload is swapped for one granting admin rights while the old signature stays.',
  correctServer: 'Rejects it: the signature no longer matches the header and payload it covers.',
  reference: 'RFC 7515 §5.2',
  needs: 'signingKey',
  async build({ header, payload, signingKey, secretEncoding }) {
    if (!signingKey) throw new Error('Add a signing key first: the token is signed, then changed.');
    const [encodedHeader, signedPayload, signature] = (
      await sign(header, payload, signingKey, { secretEncoding })
    ).split('.');
    // Compared as the encoded bytes the signature covers, not as objects.
    for (const claims of escalations) {
      const changed = { ...payload, ...claims };
      const encoded = base64url.encode(JSON.stringify(changed));
      if (encoded !== signedPayload)
        return { token: `${encodedHeader}.${encoded}.${signature}`, header, payload: changed };
    }
    throw new Error('The payload could not be changed: sign another payload and try again.');
  },
};
