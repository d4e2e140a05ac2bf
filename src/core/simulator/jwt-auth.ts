/**
 * Access tokens: the auth server signs them, and a server checks one with jose at the
 * simulated time (RFC 7519 §7.2), plus the blocklist where the flow keeps one. Both really
 * happen: every token in a run is a real, verifiable JWT.
 */
import { SignJWT, decodeJwt, jwtVerify } from 'jose';
import { byteLength, respCommand, respReply } from './http';
import type { AuthResult, Lane } from './lane';
import { storeAnswers, storeTimeoutMs } from './session-store';
import { clockText } from './time';

/** When a token expires (its `exp`), epoch ms. */
export const expiresAtMs = (token: string): number => Number(decodeJwt(token).exp) * 1000;

export async function issueAccessToken(
  lane: Lane,
  extra: Record<string, unknown> = {},
  ttlSeconds = lane.profile.ttlSeconds,
  keys = lane.keys,
): Promise<string> {
  lane.t += lane.latency.signMs;
  const iat = Math.floor(lane.now() / 1000);
  const token = await new SignJWT({ ...lane.profile.claims, ...extra })
    .setProtectedHeader({ typ: 'JWT', ...lane.profile.header, alg: keys.alg })
    .setIssuer(lane.profile.issuer)
    .setAudience(lane.profile.audience)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttlSeconds)
    .setJti(lane.random.id(lane.profile.jtiBytes ?? 16))
    .sign(keys.signingKey);
  lane.counters.credentialBytes = Math.max(lane.counters.credentialBytes, byteLength(token));
  return token;
}

/** A server's check of the token a request carries: the signature and claims, then the blocklist. */
export async function jwtAuth(
  lane: Lane,
  server: string,
  token: string | undefined,
  keys = lane.keys,
): Promise<AuthResult> {
  if (!token) return { ok: false, status: 401, reason: 'no token arrived with the request' };
  const verdict = await verifyToken(lane, token, keys);
  lane.counters.signatureChecks++;
  lane.counters.verifyMs += lane.latency.verifyMs;
  lane.t += lane.latency.verifyMs;
  lane.act(
    server,
    `verify ${keys.alg} signature + exp: ${verdict.ok ? 'valid' : 'invalid'}`,
    verdict.ok
      ? `${server} checks the signature with the key it already holds and reads the claims from the token itself: no lookup, no network.`
      : `${server} checks the token locally: ${verdict.reason}.`,
  );
  if (!verdict.ok || !lane.blocklist) return verdict;
  return checkBlocklist(lane, lane.blocklist, server, verdict);
}

/** With a blocklist, every valid token costs a store lookup again: the state comes back. */
function checkBlocklist(lane: Lane, blocklist: Set<string>, server: string, verdict: AuthResult): AuthResult {
  const jti = String(verdict.payload?.jti ?? '');
  lane.counters.storeLookups++;
  lane.counters.lookupMs += 2 * lane.latency.internalOneWayMs + lane.latency.storeLookupMs;
  lane.send({
    from: server,
    to: lane.storeName,
    label: 'EXISTS revoked:<jti> (blocklist)',
    kind: 'store',
    narration: `${server} must also ask the blocklist whether this token was revoked: the lookup per request is back.`,
    wire: respCommand('EXISTS', `revoked:${jti}`),
  });
  if (!lane.storeUp) {
    lane.t += storeTimeoutMs;
    return {
      ok: false,
      status: 503,
      reason: 'the blocklist store is down: the server cannot tell revoked tokens from good ones',
    };
  }
  lane.t += lane.latency.storeLookupMs;
  const revoked = blocklist.has(jti);
  storeAnswers(
    lane,
    server,
    revoked ? '1 (revoked)' : '0 (not revoked)',
    revoked ? 'The token is on the blocklist.' : 'Not on the blocklist.',
    respReply(revoked ? 1 : 0),
  );
  return revoked
    ? { ok: false, status: 401, reason: 'the signature is valid, but this token is on the blocklist' }
    : verdict;
}

/**
 * jose's check as a careful server makes it (RFC 8725 §3.1: the algorithm pinned, issuer and
 * audience checked), at the simulated time. Rejects with jose's error.
 */
export const verifyWithJose = (lane: Lane, token: string, keys = lane.keys) =>
  jwtVerify(token, keys.verifyingKey, {
    algorithms: [keys.alg],
    issuer: lane.profile.issuer,
    audience: lane.profile.audience,
    currentDate: new Date(lane.now()),
  });

/** jose's verdict on a token at the simulated time, in words; records nothing. */
export async function verifyToken(lane: Lane, token: string, keys = lane.keys): Promise<AuthResult> {
  try {
    const { payload } = await verifyWithJose(lane, token, keys);
    return {
      ok: true,
      reason: `signature valid, expires at ${clockText(Number(payload.exp) * 1000)}: this is ${String(payload.sub)}`,
      payload,
    };
  } catch (error) {
    return { ok: false, status: 401, reason: joseReason(error, token) };
  }
}

/** jose's error codes, in a person's words (one table, as the house rules ask). */
const joseReasons: Record<string, (token: string) => string> = {
  ERR_JWT_EXPIRED: (token) => `the token expired at ${clockText(expiresAtMs(token))}`,
  ERR_JWS_SIGNATURE_VERIFICATION_FAILED: () =>
    'the signature does not match the server\u2019s key (forged or tampered)',
  ERR_JOSE_ALG_NOT_ALLOWED: () => 'the token\u2019s algorithm is not the one this server accepts',
  ERR_JWT_CLAIM_VALIDATION_FAILED: () => 'a claim (issuer or audience) is not what this server expects',
  ERR_JWS_INVALID: () => 'the token is not a well-formed signed token',
  ERR_JWT_INVALID: () => 'the token\u2019s payload is not a valid set of claims',
};

function joseReason(error: unknown, token: string): string {
  const code = (error as { code?: string }).code ?? '';
  try {
    return joseReasons[code]?.(token) ?? 'the token could not be verified';
  } catch {
    return 'the token could not be verified';
  }
}
