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
  let header: { alg?: string } & Record<string, unknown>;
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
  if (Object.keys(claims).length) profile.claims = claims;
  // The header's other parameters (typ, kid…) and a jti of the same length keep every size on
  // the wire the size of the person's token, give or take the signature of another key.
  const { alg: _alg, crit: _crit, b64: _b64, ...headerRest } = header as Record<string, unknown>;
  if (Object.keys(headerRest).length) {
    profile.header = headerRest;
    used.push(...Object.keys(headerRest).map((name) => `header ${name}`));
  }
  if (typeof jti === 'string' && jti) {
    // base64url: 4 characters for 3 bytes; a jti is random-looking text of that length.
    profile.jtiBytes = Math.max(1, Math.min(64, Math.floor((jti.length * 3) / 4)));
    used.push('the length of jti');
  }
  if (typeof iat === 'number' && Number.isFinite(iat)) {
    profile.epochMs = iat * 1000;
    used.push('iat');
  }
  if (typeof exp === 'number' && typeof iat === 'number' && exp > iat) {
    profile.ttlSeconds = Math.min(exp - iat, 366 * 24 * 3600);
    used.push('exp');
  }
  const audiences = (Array.isArray(aud) ? aud : [aud]).filter(
    (value): value is string => typeof value === 'string' && value !== '',
  );
  if (audiences.length) {
    profile.audience = audiences.length === 1 ? audiences[0]! : audiences;
    used.push('aud');
  }
  if (typeof iss === 'string' && iss) {
    profile.issuer = iss;
    used.push('iss');
  }
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
    note: `Driven by your token: ${used.length ? used.join(', ') : 'its claims only'}, and its other claims as they are (re-signed with the simulation\u2019s own key, so only the signature's size may differ).${skipped}`,
  };
}
