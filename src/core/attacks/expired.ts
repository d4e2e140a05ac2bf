import { sign } from '../jws/sign';
import type { AttackPreset } from './types';

export const expired: AttackPreset = {
  id: 'expired',
  title: 'Expired token',
  tests:
    'Whether the server checks "exp": the token is correctly signed with your key but expired an hour ago.',
  correctServer: 'Rejects it as expired (allowing at most a small clock skew, a minute or two).',
  reference: 'RFC 7519 §4.1.4',
  needs: 'signingKey',
  async build({ header, payload, signingKey, secretEncoding, now }) {
    if (!signingKey) throw new Error('Add a signing key first: this token is signed correctly, only late.');
    const seconds = now ?? Math.floor(Date.now() / 1000);
    const stale = { ...payload, iat: seconds - 7200, exp: seconds - 3600 };
    return { token: await sign(header, stale, signingKey, { secretEncoding }), header, payload: stale };
  },
};
