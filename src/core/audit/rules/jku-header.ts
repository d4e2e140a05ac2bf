import { keyUrlFindings } from '../key-url';
import type { SyncRule } from '../types';

// RFC 8725 §3.10: blindly following "jku" lets the token pick its own key and causes SSRF.
export const jkuHeader: SyncRule = {
  id: 'jku-header',
  severity: 'danger',
  check: (token) => keyUrlFindings(token, 'jku', 'jku-header'),
};
