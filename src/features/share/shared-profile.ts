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

/** The profile a link carries, or undefined when it has none or one the Verifier would refuse. */
export function readSharedProfile(text: string | undefined): VerificationProfile | undefined {
  if (!text) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const reading = readVerificationProfile(value);
  return reading.ok ? reading.profile : undefined;
}
