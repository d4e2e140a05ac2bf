import type { VerificationProfile } from '../../core';
import { readVerificationProfile } from '../../core/bundle/read-workspace';

/**
 * The Verifier's profile in a share link (`#profile=`, JSON), beside the key: without it the
 * person opening the link would check the token under other rules than the sender (a secret
 * read as text instead of base64, another clock, no issuer check) and see another verdict.
 */
export function formatSharedProfile(profile: VerificationProfile): string | undefined {
  return Object.keys(profile).length ? JSON.stringify(profile) : undefined;
}

export type SharedProfileReading = { ok: true; profile: VerificationProfile } | { ok: false; reason: string };

/**
 * The profile a link with a key sets. A link that carries a key sets the whole profile: none
 * in the link means the defaults, not whatever this tab had. One the Verifier would refuse is
 * not used, and the reason says why (checked as strictly as a workspace zip's).
 */
export function readSharedProfile(text: string | undefined): SharedProfileReading {
  if (!text) return { ok: true, profile: {} };
  const where = 'The Verifier profile in this link';
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: `${where} is not JSON (the link was cut short or edited).` };
  }
  return readVerificationProfile(value, where);
}
