import { encodeBase64url, inspect, type Inspection, type VerificationProfile } from '../../core';
import { formatFragment } from '../../state/fragment';
import { formatSharedProfile } from './shared-profile';

/**
 * Share links. The token rides in the fragment (`#token=`), which browsers never send to a
 * server (RFC 3986 §3.5), so it stays out of every access log and Referer header. A key goes
 * in only when the person asks for it, and a secret or private key only after a warning.
 */

/** What a pasted key lets the holder of a link do. */
export type KeySecrecy = 'none' | 'public' | 'secret' | 'private';

export function classifyKey(text: string): KeySecrecy {
  const key = text.trim();
  if (!key) return 'none';
  if (key.includes('-----BEGIN')) {
    if (/-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/.test(key)) return 'private';
    if (/-----BEGIN (?:[A-Z0-9 ]*PUBLIC KEY|CERTIFICATE)-----/.test(key)) return 'public';
    return 'private';
  }
  if (key.startsWith('{')) {
    try {
      const value = JSON.parse(key) as { keys?: unknown };
      const jwks = Array.isArray(value.keys) ? value.keys : [value];
      let sawSecret = false;
      for (const jwk of jwks as Record<string, unknown>[]) {
        if (typeof jwk !== 'object' || jwk === null) continue;
        if (jwk.kty === 'oct' || typeof jwk.k === 'string') sawSecret = true;
        // RFC 7518 §6.2.2 / §6.3.2 / RFC 8037 §2: "d" is the private part of EC, RSA and OKP keys.
        else if (typeof jwk.d === 'string') return 'private';
      }
      return sawSecret ? 'secret' : 'public';
    } catch {
      return 'secret';
    }
  }
  // Anything else is read as an HMAC secret.
  return 'secret';
}

export const redactedValue = '[redacted]';

export interface ShareOptions {
  stripSignature: boolean;
  /** Top-level payload claims whose values are replaced by "[redacted]". */
  redact: string[];
  /** The key to include, if any; the caller has already had the person confirm a secret one. */
  key?: string;
  /** The Verifier's profile, which goes in with the key: the two together make the verdict. */
  profile?: VerificationProfile;
}

export type ShareResult =
  { ok: true; url: string; token: string; signatureRemoved: boolean } | { ok: false; reason: string };

/** True when the signature can be dropped and claims redacted: a decodable compact JWS. */
export function canEditToken(inspection: Inspection): boolean {
  return inspection.ok && inspection.format === 'jws-compact';
}

/**
 * The token as it will be shared. Redacting changes the payload, so its signature would no
 * longer match: redaction always drops the signature rather than ship one that fails.
 */
export function prepareSharedToken(
  token: string,
  options: Pick<ShareOptions, 'stripSignature' | 'redact'>,
): { ok: true; token: string; signatureRemoved: boolean } | { ok: false; reason: string } {
  const inspection = inspect(token);
  const wantsEdit = options.stripSignature || options.redact.length > 0;
  if (!wantsEdit)
    return { ok: true, token: inspection.ok ? inspection.token : token.trim(), signatureRemoved: false };
  if (!canEditToken(inspection) || !inspection.ok)
    return {
      ok: false,
      reason:
        'Only a signed token in compact form (three dot-separated parts) can have its signature removed or claims redacted.',
    };
  const [header, payload] = inspection.token.split('.');
  let payloadText = payload!;
  if (options.redact.length > 0) {
    const claims = inspection.payload;
    if (typeof claims !== 'object' || claims === null || Array.isArray(claims))
      return { ok: false, reason: 'The payload is not a JSON object, so there are no claims to redact.' };
    const copy: Record<string, unknown> = { ...(claims as Record<string, unknown>) };
    for (const name of options.redact) if (name in copy) copy[name] = redactedValue;
    payloadText = encodeBase64url(new TextEncoder().encode(JSON.stringify(copy)));
  }
  // An empty third part keeps the compact shape (RFC 7515 §7.1) and plainly carries no signature.
  return { ok: true, token: `${header}.${payloadText}.`, signatureRemoved: true };
}

/** The link: the site's own address, with everything in the fragment. */
export function buildShareLink(siteUrl: string, token: string, options: ShareOptions): ShareResult {
  const prepared = prepareSharedToken(token, options);
  if (!prepared.ok) return prepared;
  const base = new URL(siteUrl);
  base.search = '';
  base.hash = '';
  const key = options.key?.trim();
  const fragment = formatFragment(
    key
      ? {
          tool: 'verifier',
          token: prepared.token,
          key,
          profile: options.profile && formatSharedProfile(options.profile),
        }
      : { token: prepared.token },
  );
  return {
    ok: true,
    url: `${base.href}#${fragment}`,
    token: prepared.token,
    signatureRemoved: prepared.signatureRemoved,
  };
}
