import type { DecodedToken } from '../token/types';
import type { Finding, RuleId } from './types';
import { quote } from './claims';

/** The host of a URL, or undefined when the text is not an absolute URL. */
export function hostOf(text: unknown): string | undefined {
  if (typeof text !== 'string') return undefined;
  try {
    return new URL(text).hostname.toLowerCase() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * `jku` and `x5u` name a URL the verifier should fetch keys from (RFC 7515 §4.1.2, §4.1.5).
 * A verifier that follows it lets the token choose its own key (forgery) and makes the
 * server fetch attacker-chosen URLs (SSRF, RFC 8725 §3.10). Both rules share this check.
 */
export function keyUrlFindings(token: DecodedToken, parameter: 'jku' | 'x5u', rule: RuleId): Finding[] {
  const value = token.header[parameter];
  if (value === undefined) return [];
  const what = parameter === 'jku' ? 'a JWK Set' : 'an X.509 certificate';
  const reference = `RFC 8725 §3.10, RFC 7515 §${parameter === 'jku' ? '4.1.2' : '4.1.5'}`;
  const fix = `Never fetch keys from a URL the token names. Configure the verifier with its issuer's keys (or a fixed ${parameter === 'jku' ? 'JWKS URL' : 'certificate'} per issuer) and ignore "${parameter}", or accept it only when it exactly matches an allow-list.`;
  const why =
    'A verifier that follows this URL lets whoever wrote the token choose the key it is checked with, so a forged token verifies; fetching it also makes the server request attacker-chosen URLs (server-side request forgery).';
  let url: URL | undefined;
  try {
    url = typeof value === 'string' ? new URL(value) : undefined;
  } catch {
    url = undefined;
  }
  if (!url) {
    return [
      {
        rule,
        severity: 'danger',
        message: `The header has a "${parameter}" of ${quote(value)}, which is not an absolute URL. A verifier that resolves it may read keys from a path or host the token chose.`,
        why,
        fix,
        reference,
      },
    ];
  }
  const payload = token.payload as Record<string, unknown> | undefined;
  const issHost = typeof payload === 'object' && payload !== null ? hostOf(payload.iss) : undefined;
  const host = url.hostname.toLowerCase();
  const notes: string[] = [];
  if (url.protocol !== 'https:') notes.push(`it is fetched over ${url.protocol.replace(':', '')}, not https`);
  if (url.username || url.password) notes.push('it carries credentials');
  let severity: Finding['severity'] = 'danger';
  let where: string;
  if (!issHost) where = `The token has no URL-shaped "iss" to compare the host "${host}" with.`;
  else if (issHost !== host && !host.endsWith(`.${issHost}`))
    where = `Its host "${host}" differs from the issuer's host "${issHost}": this is what a forged token looks like.`;
  else {
    where = `Its host matches the issuer's host "${issHost}".`;
    severity = 'warn';
  }
  return [
    {
      rule,
      severity,
      message: `The header points at ${what} by URL ("${parameter}": ${quote(url.href, 100)}). ${where}${notes.length ? ` Also, ${notes.join(' and ')}.` : ''}`,
      why,
      fix,
      reference,
    },
  ];
}
