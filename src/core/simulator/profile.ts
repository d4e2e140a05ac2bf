/**
 * The token profile a scenario signs with: a default (15 minutes, HS256, a realistic set
 * of claims), or the person's own decoded token, whose exp, iat, aud and alg drive it.
 */
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { simulatorAlgorithms } from './keys';
import type { TokenProfile } from './lane';

/** 2026-01-15 02:00:00 UTC: the seeds' "compromised at 2 AM" example starts here. */
export const defaultEpochMs = Date.UTC(2026, 0, 15, 2, 0, 0);

export const defaultClaims = {
  sub: 'user-8731',
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  roles: ['customer'],
  scope: 'profile orders billing',
};

export function defaultProfile(alg = 'HS256'): TokenProfile {
  return {
    alg,
    ttlSeconds: 15 * 60,
    audience: 'https://api.example.com',
    issuer: 'https://auth.example.com',
    claims: { ...defaultClaims },
    epochMs: defaultEpochMs,
  };
}

export interface ProfileFromToken {
  profile: TokenProfile;
  /** In words: what was taken from the token and what was not. */
  note: string;
}

/** Reads a person's token; throws an Error with a readable message when it is not a JWT. */
export function profileFromToken(token: string, fallbackAlg: string, useAlg: boolean): ProfileFromToken {
  let header: { alg?: string };
  let payload: Record<string, unknown>;
  try {
    header = decodeProtectedHeader(token.trim());
    payload = decodeJwt(token.trim());
  } catch {
    throw new Error(
      'The token given to the simulator is not a readable JWT (three base64url parts with a JSON payload).',
    );
  }
  const profile = defaultProfile(fallbackAlg);
  const used: string[] = [];
  const { iat, exp, aud, iss, nbf, jti, ...claims } = payload as Record<string, unknown>;
  void nbf;
  void jti;
  if (Object.keys(claims).length) profile.claims = claims;
  if (typeof iat === 'number' && Number.isFinite(iat)) {
    profile.epochMs = iat * 1000;
    used.push('iat');
  }
  if (typeof exp === 'number' && typeof iat === 'number' && exp > iat) {
    profile.ttlSeconds = Math.min(exp - iat, 366 * 24 * 3600);
    used.push('exp');
  }
  const audience = Array.isArray(aud) ? aud[0] : aud;
  if (typeof audience === 'string' && audience) {
    profile.audience = audience;
    used.push('aud');
  }
  if (typeof iss === 'string' && iss) profile.issuer = iss;
  const alg = header.alg ?? '';
  const supported = (simulatorAlgorithms as readonly string[]).includes(alg);
  if (useAlg && supported) {
    profile.alg = alg;
    used.push('alg');
  }
  const skipped = !useAlg
    ? ` This scenario signs with ${fallbackAlg} whatever the token says.`
    : supported
      ? ''
      : ` Its alg ${alg ? `"${alg}"` : '(none)'} cannot sign here, so ${fallbackAlg} is used.`;
  return {
    profile,
    note: `Driven by your token: ${used.length ? used.join(', ') : 'its claims only'} (re-signed with the simulation\u2019s own key).${skipped}`,
  };
}
