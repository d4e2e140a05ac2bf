/**
 * Claim helpers: small edits to the payload JSON text. Each returns new text, or a reason why
 * it cannot (the payload must be a JSON object: RFC 7519 §7.2).
 */
import { base64url } from 'jose';
import { parseJson } from '../../core/token/json';
import { randomBytes } from '../../core/keys/generate';

export type ClaimEdit = { ok: true; text: string } | { ok: false; reason: string };

export function editClaims(text: string, change: (claims: Record<string, unknown>) => void): ClaimEdit {
  const parsed = parseJson(text);
  if (!parsed.ok) return { ok: false, reason: 'Fix the payload JSON first.' };
  if (typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value))
    return { ok: false, reason: 'A JWT payload must be a JSON object (RFC 7519 §7.2).' };
  const claims = { ...(parsed.value as Record<string, unknown>) };
  change(claims);
  return { ok: true, text: JSON.stringify(claims, null, 2) };
}

/** 128 random bits, base64url: a `jti` no two tokens share by chance (RFC 7519 §4.1.7). */
export const randomJti = () => base64url.encode(randomBytes(16));

export const lifetimes = [
  { label: '5 min', seconds: 5 * 60 },
  { label: '15 min', seconds: 15 * 60 },
  { label: '1 h', seconds: 60 * 60 },
  { label: '1 day', seconds: 24 * 60 * 60 },
] as const;
