import type { SecretEncoding } from '../keys/import';

/** An attack preset: a deliberately bad token for testing one's own verifier. */
export interface AttackInput {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  /** The key the generator signs with (needed by presets that sign legitimately first). */
  signingKey?: string;
  /**
   * How a text HMAC secret is read, as the Generator reads it: a preset that signs with another
   * key than the person's would be refused for its signature, not for what it tests.
   */
  secretEncoding?: SecretEncoding;
  /** The server's public key, PEM or JWK (needed by the RS/HS key confusion preset). */
  publicKey?: string;
  /** Epoch seconds; defaults to the real clock. */
  now?: number;
}

export interface AttackResult {
  token: string;
  /** The header and payload the token carries, for display. */
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  /** A key that makes the forged token "verify" on a vulnerable server, when there is one. */
  attackerKey?: string;
  /** What exactly the token was made with, when that matters for reproducing it. */
  note?: string;
  /** The same attack for a server that holds its key slightly differently, worth trying next. */
  variants?: AttackVariant[];
}

export interface AttackVariant {
  /** When to try it, in a few words ("If the server trims its key…"). */
  when: string;
  token: string;
  attackerKey: string;
}

export interface AttackPreset {
  id: 'alg-none' | 'key-confusion' | 'embedded-jwk' | 'kid-traversal' | 'expired' | 'tampered-payload';
  title: string;
  /** What the preset tests, in one or two sentences. */
  tests: string;
  /** What a correct server does with the token. */
  correctServer: string;
  /** Where the rule comes from. */
  reference: string;
  needs?: 'signingKey' | 'publicKey';
  build(input: AttackInput): Promise<AttackResult>;
}
