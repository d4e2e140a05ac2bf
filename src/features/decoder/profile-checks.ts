import type { WorkspaceProfile } from '../../state/workspace.svelte';

/**
 * The Verifier's profile checks that are on, in a few words each, for the Decoder's verify box:
 * a verdict there can hinge on a check set in the other tool ("issuer checked"). Empty when
 * the profile checks only the signature and the token's own times against the real clock.
 */
export function profileChecks(profile: WorkspaceProfile): string[] {
  const checks: string[] = [];
  if (profile.issuer?.trim()) checks.push('issuer checked');
  if (profile.audience?.trim()) checks.push('audience checked');
  if (profile.nonce?.trim()) checks.push('nonce checked');
  if (profile.algorithms?.length) checks.push(`algorithms limited to ${profile.algorithms.join(', ')}`);
  if (profile.requiredClaims?.length) checks.push(`required claims: ${profile.requiredClaims.join(', ')}`);
  if (profile.clockTolerance) checks.push(`${profile.clockTolerance} s clock tolerance`);
  if (profile.now !== undefined)
    checks.push(
      `the clock set to ${new Date(profile.now).toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' })}`,
    );
  return checks;
}
