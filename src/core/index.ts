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
