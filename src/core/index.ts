/**
 * The public surface of Tokenscope's core: plain TypeScript, no DOM, no Svelte.
 * Importable from Node, a Web Worker or a component alike.
 */
export { inspect } from './token/inspect';
export type {
  DecodedToken,
  ErrorCode,
  Inspection,
  InspectionError,
  PartName,
  TokenFormat,
  TokenPart,
} from './token/types';
export type { NameInfo } from './token/registry';
export { describeNumericDate, formatDistance, relativePhrase, type TimeDescription } from './token/time';
export { decodeBase64url, encodeBase64url } from './token/base64url';
export type { AuditContext, Finding, RuleId, Severity } from './audit/types';
export { compareTokens, compareObjects, type ClaimChange, type TokenComparison } from './token/compare';
export { normalizeTokenInput } from './token/normalize';
export { readTokenResponse, type ResponseMember, type TokenResponse } from './token/token-response';
export {
  checkAtHash,
  oidcHashAlgorithm,
  oidcTokenHash,
  type AtHashCheck,
  type AtHashOutcome,
  type OidcHashAlgorithm,
  type OidcHashName,
} from './token/oidc-hash';
export { escapeBidiControls, formatJsonPath, parseJson, type JsonPath } from './token/json';
export {
  describeClaims,
  claimRowLimit,
  timeClaims,
  type ClaimRow,
  type NameRegistries,
} from './token/claims';

/** The registries' prose (what each claim and header parameter means), loaded on demand. */
export const loadNameRegistries = (): Promise<import('./token/claims').NameRegistries> =>
  import('./token/registry');
/**
 * Every finding for a token, most severe first (DESIGN.md contract). The rules and the
 * weak-secret search load on the first call: a static export here would tie them (and any
 * library a rule uses) to the first screen, which imports this file for inspect().
 */
export const audit = async (
  token: string,
  context?: import('./audit/types').AuditContext,
): Promise<import('./audit/types').Finding[]> => (await import('./audit/audit')).audit(token, context);

export type {
  CertificateChain,
  CertificateReading,
  CertificateSummary,
  ChainEntry,
} from './keys/certificate';
/** What the certificates of an `x5c` header say, and whether `x5t`/`x5t#S256` match; loaded on demand. */
export const readCertificateChain = async (
  ...args: Parameters<typeof import('./keys/certificate').readCertificateChain>
): Promise<import('./keys/certificate').CertificateChain> =>
  (await import('./keys/certificate')).readCertificateChain(...args);

// Keys, verification and decryption (issue 3). verify and decrypt are async anyway, so they
// load their modules (and jose's verify and decrypt) on first call: the decoder's first
// screen, which imports this file, does not carry them. Features that need the key helpers
// synchronously import them from './keys/detect', './keys/import' and './keys/algorithms'.
export type { Curve, KeyDetection, KeyFormat, KeyType, SecretLooksLike } from './keys/detect';
export type {
  ImportedKey,
  KeyImport,
  KeyImportOptions,
  KeyProvenance,
  KeyUse,
  SecretEncoding,
  UsableKey,
} from './keys/import';
export type { KeyRequirement } from './keys/algorithms';
export type { Verification, VerificationKeyInfo, VerificationStatus, VerifyOptions } from './jws/verify';
export type { ClaimCheck, ClaimOutcome, ClaimProfile } from './jws/claims';
export type { Decryption, DecryptionStatus, DecryptOptions } from './jwe/decrypt';
export type { NobleCurve } from './noble/curves';

/** Verifies a token with whatever key was pasted, under a profile. Never throws. */
export const verify = async (
  token: string,
  key: string,
  options?: import('./jws/verify').VerifyOptions,
): Promise<import('./jws/verify').Verification> => (await import('./jws/verify')).verify(token, key, options);

/** Decrypts a JWE with whatever key was pasted; a nested JWT is inspected and verified. Never throws. */
export const decrypt = async (
  token: string,
  key: string,
  options?: import('./jwe/decrypt').DecryptOptions,
): Promise<import('./jwe/decrypt').Decryption> =>
  (await import('./jwe/decrypt')).decrypt(token, key, options);

/** Key detection and import for one algorithm (sign, verify, encrypt, decrypt), loaded on first use. */
export const loadKeys = async () => ({
  ...(await import('./keys/detect')),
  ...(await import('./keys/import')),
  ...(await import('./keys/algorithms')),
});

/** ES256K and Ed448 (sign, verify, key pairs) through @noble/curves, loaded on first use. */
export const loadNoble = (): Promise<typeof import('./noble/curves')> => import('./noble/curves');

// Generator, keys, toolbox and workspace zip (issue 4). Like verify, these are async, so each
// loads its module on first call and the decoder's first screen does not carry them. Features
// that need them synchronously import './keys/generate', './keys/export' and so on directly.
export type { SignOptions, SigningErrorCode } from './jws/sign';
export type { GeneratedKey, RsaModulusLength, SigningAlgorithm } from './keys/generate';
export type { KeyReading, KeySource } from './keys/export';
export type { EncryptOptions } from './jwe/encrypt';
export type { AttackInput, AttackPreset, AttackResult } from './attacks/index';
export type {
  ExportOptions,
  ImportResult,
  VerificationProfile,
  Workspace as WorkspaceBundle,
  WorkspaceKey,
} from './bundle/types';

/** A compact JWS from a header, a payload and a key as `verify` accepts it; rejects with a SigningError. */
export const sign = async (
  header: Record<string, unknown>,
  payload: object | string,
  key: string,
  options?: import('./jws/sign').SignOptions,
): Promise<string> => (await import('./jws/sign')).sign(header, payload, key, options);

/** A new key for `alg`: `signingKey` and `verificationKey` as strings `sign` and `verify` accept. */
export const generateKey = async (
  alg: string,
  format?: 'jwk' | 'pem',
  options?: { modulusLength?: import('./keys/generate').RsaModulusLength },
): Promise<{ signingKey: string; verificationKey: string }> =>
  (await import('./keys/generate')).generateKey(alg, format, options);

/** A compact JWE of `plaintext` (nested when it is a signed token); rejects with an EncryptionError. */
export const encrypt = async (
  plaintext: string,
  key: string,
  options: import('./jwe/encrypt').EncryptOptions,
): Promise<string> => (await import('./jwe/encrypt')).encrypt(plaintext, key, options);

/** Key generation, conversion (PEM <-> JWK, JWKS) and RFC 7638 thumbprints, loaded on first use. */
export const loadKeyTools = async () => ({
  ...(await import('./keys/generate')),
  ...(await import('./keys/export')),
  ...(await import('./keys/thumbprint')),
});
export type { OpensslCommand, OpensslVerificationKeys } from './jws/openssl-command';
/**
 * "Copy as an openssl command": POSIX sh scripts that sign (`opensslSignCommand`) or verify
 * (`opensslVerifyCommand`) a compact JWS with OpenSSL 3 alone, loaded on first use.
 */
export const loadOpensslCommands = (): Promise<typeof import('./jws/openssl-command')> =>
  import('./jws/openssl-command');
/** The attack presets, loaded on first use. */
export const loadAttackPresets = (): Promise<typeof import('./attacks/index')> => import('./attacks/index');
/** The workspace zip export and import (zip.js inside), loaded on first use. */
export const loadWorkspaceBundle = (): Promise<typeof import('./bundle/index')> => import('./bundle/index');
/**
 * The flow simulator's model, loaded on demand: it signs and verifies with jose, which the
 * first screen does not need. The simulator tool imports `core/simulator/*` directly.
 */
export const runScenario = async (
  id: string,
  options?: import('./simulator/types').RunOptions,
): Promise<import('./simulator/types').SimulationRun> =>
  (await import('./simulator/run-scenario')).runScenario(id, options);
export { scenarioIds, defaultLatency } from './simulator/types';
export type {
  CarriedCredential,
  Flow,
  FlowSummary,
  LaneSnapshot,
  LatencyModel,
  RunOptions,
  ScenarioId,
  SimEvent,
  SimulationRun,
} from './simulator/types';
export type { AttackVariant } from './attacks/index';
