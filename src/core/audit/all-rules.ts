import type { DecodedToken } from '../token/types';
import { runRules } from './rules';
import { algNone } from './rules/alg-none';
import { duplicateKey } from './rules/duplicate-key';
import { noncanonicalBase64url } from './rules/noncanonical-base64url';
import { algConfusionRisk } from './rules/alg-confusion-risk';
import { critUnknown } from './rules/crit-unknown';
import { embeddedJwk } from './rules/embedded-jwk';
import { expired } from './rules/expired';
import { iatFuture } from './rules/iat-future';
import { jkuHeader } from './rules/jku-header';
import { kidSuspicious } from './rules/kid-suspicious';
import { longLifetime } from './rules/long-lifetime';
import { missingExp } from './rules/missing-exp';
import { notYetValid } from './rules/not-yet-valid';
import { sensitiveData } from './rules/sensitive-data';
import { x5uHeader } from './rules/x5u-header';
import type { AuditContext, Finding, SyncRule } from './types';

/**
 * Every synchronous rule: pure, bounded, fast enough for every keystroke (weak-secret is the
 * slow one). A plain literal (no spread), so bundlers can drop this module where it is unused.
 */
export const allSyncRules: readonly SyncRule[] = [
  algNone,
  duplicateKey,
  noncanonicalBase64url,
  algConfusionRisk,
  embeddedJwk,
  jkuHeader,
  x5uHeader,
  kidSuspicious,
  critUnknown,
  expired,
  notYetValid,
  iatFuture,
  missingExp,
  longLifetime,
  sensitiveData,
];

/** All synchronous findings for a decoded token, most severe first. */
export function runAllSyncRules(token: DecodedToken, context: AuditContext & { now: number }): Finding[] {
  return runRules(allSyncRules, token, context);
}

/**
 * The same rules in two halves: those whose findings change as time passes (expiry and the
 * like), and the rest, which a page refreshing once a second need not run again.
 */
export const clockRules = /* @__PURE__ */ allSyncRules.filter((rule) => rule.readsClock);
export const timelessRules = /* @__PURE__ */ allSyncRules.filter((rule) => !rule.readsClock);
