import { signingInput } from './encode';
import type { AttackPreset } from './types';

export const algNone: AttackPreset = {
  id: 'alg-none',
  title: '"alg": "none", signature removed',
  tests:
    'Whether the server accepts an unsigned token: the header says "none" and the signature part is empty, so anyone can write any claims.',
  correctServer:
    'Rejects it: the server fixes the algorithms it accepts (never "none") and does not let the token choose.',
  reference: 'RFC 8725 §2.1, §3.1',
  async build({ header, payload }) {
    const forgedHeader = { ...header, alg: 'none' };
    return { token: `${signingInput(forgedHeader, payload)}.`, header: forgedHeader, payload };
  },
};
