/**
 * A verdict, and its title, mark and tone, wherever one is shown: the Verifier's verdict and the
 * Decoder's verify box show the same result in the same words and colours.
 */

import type { ClaimCheck, DecryptionStatus, VerificationStatus } from '../../core';

/** What a verdict shows: a Verification, a Decryption, or the inner verdict of a nested token. */
export interface VerdictLike {
  status: VerificationStatus | DecryptionStatus;
  reason: string;
  alg?: string;
  kid?: string;
  claims?: ClaimCheck[];
  explanations?: string[];
  /** What weakens a verdict that holds (a guessable HMAC secret). */
  warnings?: string[];
  signature?: 'good' | 'bad';
  /** Which check refused, or what the status leaves out, when its own title would mislead. */
  cause?: 'algorithm-not-allowed' | 'inner-token-unverified' | 'inner-token-failed';
  key?: { detected: string; used?: string; selection?: string; origin: string };
}

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

/** What a cause changes in its status's label, where the status's own title would mislead. */
const causeLabels: Record<string, (base: VerdictLabel) => VerdictLabel> = {
  // The profile refused the algorithm before any key was tried: "Key does not fit" would blame the key.
  'algorithm-not-allowed': (base) => ({ ...base, title: 'Algorithm not allowed' }),
  // A nested token decrypted, but nothing has verified the token inside yet: never green
  // (DESIGN.md, "Verified means verified"), and not a failure either.
  'inner-token-unverified': () => ({ title: 'Decrypted, not verified', mark: '?', tone: 'info' }),
  // The inner token failed: "Key does not fit" alone would blame the decryption key.
  'inner-token-failed': (base) => ({ ...base, title: `Inner token: ${base.title.toLowerCase()}` }),
};

export function verdictLabel(result: { status: string; cause?: string }): VerdictLabel | undefined {
  const base = labels[result.status];
  const byCause = result.cause ? causeLabels[result.cause] : undefined;
  return base && byCause ? byCause(base) : base;
}
