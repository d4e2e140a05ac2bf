import { keyUrlFindings } from '../key-url';
import type { SyncRule } from '../types';

// RFC 8725 §3.10: blindly following "x5u" lets the token pick its own certificate and causes SSRF.
export const x5uHeader: SyncRule = {
  id: 'x5u-header',
  severity: 'danger',
  check: (token) => keyUrlFindings(token, 'x5u', 'x5u-header'),
};
