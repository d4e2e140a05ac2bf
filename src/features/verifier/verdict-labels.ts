/**
 * A verdict's title, mark and tone, wherever one is shown: the Verifier's verdict and the
 * Decoder's verify box say the same words in the same colours.
 */
export type VerdictTone = 'ok' | 'warn' | 'bad' | 'info';

export interface VerdictLabel {
  title: string;
  mark: string;
  tone: VerdictTone;
}

const labels: Record<string, VerdictLabel> = {
  valid: { title: 'Valid', mark: '✓', tone: 'ok' },
  decrypted: { title: 'Decrypted', mark: '✓', tone: 'ok' },
  'invalid-signature': { title: 'Invalid signature', mark: '✗', tone: 'bad' },
  expired: { title: 'Expired', mark: '!', tone: 'warn' },
  'not-yet-valid': { title: 'Not yet valid', mark: '!', tone: 'warn' },
  'claim-mismatch': { title: 'Claims do not match', mark: '!', tone: 'warn' },
  'key-mismatch': { title: 'Key does not fit', mark: '✗', tone: 'bad' },
  unsupported: { title: 'Not supported', mark: '?', tone: 'info' },
  malformed: { title: 'Malformed', mark: '✗', tone: 'bad' },
};

// The profile refused the algorithm before any key was tried: "Key does not fit" would blame the key.
const causeTitles: Record<string, string> = { 'algorithm-not-allowed': 'Algorithm not allowed' };

export function verdictLabel(result: { status: string; cause?: string }): VerdictLabel | undefined {
  const base = labels[result.status];
  const title = result.cause ? causeTitles[result.cause] : undefined;
  return base && title ? { ...base, title } : base;
}
