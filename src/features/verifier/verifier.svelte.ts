// Direct module imports: this chunk loads with the Verifier, not with the decoder's first screen.
import { untrack } from 'svelte';
import { decrypt, type Decryption } from '../../core/jwe/decrypt';
import { verify, type Verification, type VerifyOptions } from '../../core/jws/verify';
import type { KeyProvenance, SecretEncoding } from '../../core/keys/import';
import type { WorkspaceProfile } from '../../state/workspace.svelte';
import { clock } from '../../state/clock.svelte';

export type Verdict =
  { kind: 'verification'; result: Verification } | { kind: 'decryption'; result: Decryption } | null;

export interface VerifierInput {
  token: string;
  key: string;
  keyOrigin: KeyProvenance;
  profile: WorkspaceProfile;
  /** The key for a nested token's inner JWS (JWE only), and how to read it when a secret. */
  innerKey: string;
  innerSecretEncoding?: SecretEncoding;
  /** The content of a JWS that travels without it (RFC 7515 appendix F), when given. */
  detachedPayload?: string;
}

/** "api, web" → ["api", "web"]: RFC 7519 §4.1.3, the token must name one of them (jose takes a list). */
function audiencesOf(text: string): string | string[] | undefined {
  const audiences = text
    .split(',')
    .map((audience) => audience.trim())
    .filter((audience) => audience !== '');
  return audiences.length > 1 ? audiences : audiences[0];
}

/** A profile as the core's options: empty fields mean "not checked". */
export function optionsOf(profile: WorkspaceProfile): VerifyOptions {
  return {
    algorithms: profile.algorithms?.length ? profile.algorithms : undefined,
    issuer: profile.issuer?.trim() || undefined,
    audience: audiencesOf(profile.audience ?? ''),
    // As typed: a nonce is opaque, and the token's is compared as it is (OpenID Connect Core
    // §3.1.3.7), so a space the field has is one the token must have. The field warns of it.
    nonce: profile.nonce || undefined,
    requiredClaims: profile.requiredClaims?.length ? profile.requiredClaims : undefined,
    clockTolerance: profile.clockTolerance,
    now: profile.now,
    secretEncoding: profile.secretEncoding,
  };
}

/** A JWE is five dot-separated parts, or JSON with a ciphertext (RFC 7516 §7). */
export function isEncrypted(token: string): boolean {
  const text = token.trim().replace(/^Bearer\s+/i, '');
  if (text.startsWith('{')) return /"ciphertext"\s*:/.test(text);
  return text.split('.').length === 5;
}

/**
 * The Verifier's verdict. Every change of token, key or profile starts a new check; a late
 * answer for an older input is dropped (the generation counter), and while a check is in
 * flight the old verdict is not shown, so a stale verdict never stands beside a new key.
 */
export class VerifierState {
  verdict = $state<Verdict>(null);
  checking = $state(false);
  #generation = 0;

  run(input: VerifierInput) {
    this.#start(input, false);
  }

  /** Re-checks the same input as time passes, without a "Checking…" flash. */
  refresh(input: VerifierInput) {
    this.#start(input, true);
  }

  #start(input: VerifierInput, quiet: boolean) {
    const generation = ++this.#generation;
    if (input.token.trim() === '') {
      this.verdict = null;
      this.checking = false;
      return;
    }
    if (!quiet) this.checking = true;
    void this.#check(input).then((verdict) => {
      if (generation !== this.#generation) return;
      this.verdict = verdict;
      this.checking = false;
    });
  }

  async #check(input: VerifierInput): Promise<Verdict> {
    const options = { ...optionsOf(input.profile), keyOrigin: input.keyOrigin };
    if (isEncrypted(input.token))
      return {
        kind: 'decryption',
        result: await decrypt(input.token, input.key, {
          ...options,
          innerKey: input.innerKey,
          innerSecretEncoding: input.innerSecretEncoding,
        }),
      };
    return {
      kind: 'verification',
      result: await verify(input.token, input.key, { ...options, detachedPayload: input.detachedPayload }),
    };
  }
}

/**
 * With the real clock, a verdict follows time ("expires in 14 min", then "expired"): the input
 * is checked again every few seconds, quietly, unless the profile sets "now" or a check is
 * under way. Call it while a component initialises (it makes effects that end with it).
 */
export function recheckAsTimePasses(verifier: () => VerifierState | undefined, input: () => VerifierInput) {
  $effect(() => clock.use());
  let lastTick = 0;
  $effect(() => {
    const now = clock.now;
    untrack(() => {
      const state = verifier();
      const current = input();
      if (!state || current.profile.now !== undefined || now - lastTick < 5000 || state.checking) return;
      lastTick = now;
      state.refresh(current);
    });
  });
}
