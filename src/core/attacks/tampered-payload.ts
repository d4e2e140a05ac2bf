import { base64url } from 'jose';
import { sign } from '../jws/sign';
import type { AttackPreset } from './types';

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
    const [encodedHeader, , signature] = (await sign(header, payload, signingKey, { secretEncoding })).split(
      '.',
    );
    const changed = { ...payload, sub: 'admin', admin: true };
    return {
      token: `${encodedHeader}.${base64url.encode(JSON.stringify(changed))}.${signature}`,
      header,
      payload: changed,
    };
  },
};
