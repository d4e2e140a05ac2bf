import { workspace } from '../../state/workspace.svelte';
import { readSharedProfile } from './shared-profile';

/**
 * The Verifier's profile that came in a link beside its key (share-link.ts), read as strictly
 * as a workspace zip's. A profile the Verifier would refuse is not used, and the Profile panel
 * says why. The shell loads this only for a link that carries a profile.
 */
export function takeProfileFromLink(text: string) {
  const reading = readSharedProfile(text);
  workspace.profile = reading.ok ? reading.profile : {};
  workspace.profileNotice = reading.ok
    ? ''
    : `${reading.reason} The Verifier checks with its default settings instead, so its verdict may differ from the sender's.`;
}
