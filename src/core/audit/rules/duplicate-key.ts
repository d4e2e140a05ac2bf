import { formatJsonPath } from '../../token/json';
import { quote } from '../claims';
import type { SyncRule } from '../types';

// RFC 7515 §4 and RFC 7519 §4: names must be unique, or parsers disagree about the value.
export const duplicateKey: SyncRule = {
  id: 'duplicate-key',
  severity: 'warn',
  check(token) {
    return token.duplicates.slice(0, 20).map(({ part, path, name }) => ({
      rule: 'duplicate-key' as const,
      severity: 'warn' as const,
      message: `The ${part} has the member ${quote(name)} twice${path.length ? ` (in ${formatJsonPath(path)})` : ''}.`,
      why: 'Libraries differ on which one wins, so two systems can read two different tokens: a gateway may check one "sub" or "alg" while the service behind it uses the other.',
      fix: 'Produce JSON with unique member names, and have verifiers reject duplicates: most libraries (jose among them, through JSON.parse) silently keep the last one.',
      reference: 'RFC 7515 §4, RFC 7519 §4',
    }));
  },
};
