import type { JWK } from 'jose';

/** A key the workbench holds: the public JWK always, the private one only while in memory. */
export interface WorkspaceKey {
  name: string;
  alg?: string;
  kid?: string;
  publicJwk: JWK;
  /** The private JWK (for HMAC, the secret). Written to a zip only when the person ticks the box. */
  privateJwk?: JWK;
}

/**
 * The verification profile as the Verifier's controls set it; an import restores only these
 * members, each with its type checked. (A type alias, so it fits `Workspace['profile']`.)
 */
export type VerificationProfile = {
  algorithms?: string[];
  issuer?: string;
  /** One audience, or several separated by commas. */
  audience?: string;
  /** The nonce the login request sent (OpenID Connect Core §3.1.3.7): the ID token must carry it. */
  nonce?: string;
  requiredClaims?: string[];
  /** Seconds, 0 or more. */
  clockTolerance?: number;
  /** Epoch milliseconds the Verifier treats as now. */
  now?: number;
  secretEncoding?: 'utf8' | 'base64' | 'base64url';
};

/** What a workspace zip carries, and what importing one restores. */
export interface Workspace {
  token: string;
  /** The key text shared by the tools, as the person pasted or generated it. */
  key: string;
  keyOrigin: string;
  profile: Record<string, unknown>;
  generator: { header: string; payload: string };
  keys: WorkspaceKey[];
}

export interface ExportOptions {
  /** AES-256 encrypts every file in the zip (WinZip AE-2, zip.js's own support). */
  password?: string;
  /** Without this, private keys and secrets stay out of the zip. */
  includePrivateKeys?: boolean;
  /** For a reproducible README; defaults to now. */
  date?: Date;
}

export type ImportFailure =
  | 'password-needed'
  | 'wrong-password'
  | 'not-ours'
  | 'damaged'
  | 'newer-version'
  /** Larger than a workspace zip can be (a zip bomb, or not a workspace): refused unopened. */
  | 'too-large'
  /** A manifest field of the wrong type or out of range. */
  | 'invalid';

export type ImportResult =
  | { ok: true; workspace: Workspace; includesPrivateKeys: boolean; exportedAt?: string }
  | { ok: false; code: ImportFailure; reason: string };

/** The manifest's name and format marker: a zip without them is not a Tokenscope workspace. */
export const manifestName = 'tokenscope-workspace.json';
export const formatMarker = 'tokenscope-workspace';
export const formatVersion = 1;
