/**
 * What the tools share: the token being looked at, the key that goes with it, and the
 * verification profile. Held in memory only: nothing here is written to storage unless the
 * person exports a workspace zip or opts into history.
 */
import type { VerificationProfile } from '../core';

/** Where a key came from: a key the token supplies about itself is never one of these. */
export type KeyOrigin = 'pasted' | 'generated' | 'fetched' | 'imported';

/** The verification profile, as the Verifier's controls set it (DESIGN.md `verify` options). */
export type WorkspaceProfile = VerificationProfile;

class Workspace {
  token = $state('');
  key = $state('');
  keyOrigin = $state<KeyOrigin>('pasted');
  // Replaced whole by the tools that change it, never mutated in place.
  profile = $state.raw<WorkspaceProfile>({});
  /** Why the profile a share link carried was not used (shown by the Verifier), or ''. */
  profileNotice = $state('');

  /** Hand a token (and optionally its key) to another tool. */
  open(token: string, key?: { text: string; origin: KeyOrigin }) {
    this.token = token;
    if (key) {
      this.key = key.text;
      this.keyOrigin = key.origin;
    }
  }
}

export const workspace = new Workspace();
