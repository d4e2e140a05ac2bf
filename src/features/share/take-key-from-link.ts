import { workspace } from '../../state/workspace.svelte';
import { readSharedProfile } from './shared-profile';

/**
 * A shared link may carry a key (the person who made it confirmed that) and, beside it, the
 * Verifier's profile (share-link.ts): both go into the workspace. A link with a key sets the
 * whole profile: without one, the defaults, not this tab's own. A profile the Verifier would
 * refuse is not used, and the Profile panel says why.
 */
export function takeKeyFromLink(link: { token?: string; key: string; profile?: string }) {
  workspace.open(link.token ?? workspace.token, { text: link.key, origin: 'pasted' });
  const reading = readSharedProfile(link.profile);
  workspace.profile = reading.ok ? reading.profile : {};
  workspace.profileNotice = reading.ok
    ? ''
    : `${reading.reason} The Verifier checks with its default settings instead, so its verdict may differ from the sender's.`;
}
