/**
 * The browser's cookie jar, with the rules that decide when a cookie travels
 * (RFC 6265bis): host-only vs Domain scope (§5.1.3), Path (§5.1.4), Secure (§5.8.3),
 * HttpOnly hiding the cookie from scripts (§5.8.2), SameSite (§5.6.7).
 */

export type SameSite = 'Strict' | 'Lax' | 'None';

export interface Cookie {
  name: string;
  value: string;
  /** The host that set it, or the Domain attribute (without a leading dot). */
  domain: string;
  hostOnly: boolean;
  path: string;
  secure: boolean;
  httpOnly: boolean;
  sameSite: SameSite;
}

export interface CookieRequestContext {
  host: string;
  path: string;
  scheme: 'https' | 'http';
  /** The site (registrable domain) of the page that started the request. */
  initiatorSite: string;
  method: string;
  /** A top-level navigation (a link click, a form), not a fetch from a script. */
  topLevel: boolean;
}

/** The registrable domain, simplified to the last two labels (enough for example.com hosts). */
export const siteOf = (host: string): string => host.split('.').slice(-2).join('.');

export function parseSetCookie(header: string, requestHost: string): Cookie {
  const [pair = '', ...attributes] = header.split(';').map((part) => part.trim());
  const eq = pair.indexOf('=');
  const cookie: Cookie = {
    name: pair.slice(0, eq),
    value: pair.slice(eq + 1),
    domain: requestHost,
    hostOnly: true,
    path: '/',
    secure: false,
    httpOnly: false,
    // Chromium treats a cookie without SameSite as Lax (RFC 6265bis §5.6.7.1).
    sameSite: 'Lax',
  };
  for (const attribute of attributes) {
    const [rawName = '', rawValue = ''] = attribute.split('=');
    const name = rawName.toLowerCase();
    if (name === 'domain') {
      cookie.domain = rawValue.replace(/^\./, '').toLowerCase();
      cookie.hostOnly = false;
    } else if (name === 'path') cookie.path = rawValue || '/';
    else if (name === 'secure') cookie.secure = true;
    else if (name === 'httponly') cookie.httpOnly = true;
    else if (name === 'samesite') {
      const value = rawValue.toLowerCase();
      cookie.sameSite = value === 'strict' ? 'Strict' : value === 'none' ? 'None' : 'Lax';
    }
  }
  return cookie;
}

/** Why a cookie was or was not attached, for the narration. */
export interface CookieDecision {
  cookie: Cookie;
  sent: boolean;
  reason: string;
}

/**
 * `label` names the cookie in the reasons; the jar passes one when two cookies share a name
 * (a host-only `sid` and a `Domain=example.com` one), so the narration can tell them apart.
 */
export function decideCookie(
  cookie: Cookie,
  request: CookieRequestContext,
  label = cookie.name,
): CookieDecision {
  const host = request.host.toLowerCase();
  const domainMatches = cookie.hostOnly
    ? host === cookie.domain
    : host === cookie.domain || host.endsWith(`.${cookie.domain}`);
  if (!domainMatches)
    return {
      cookie,
      sent: false,
      reason: cookie.hostOnly
        ? `${label} belongs to ${cookie.domain} only (no Domain attribute), not ${host}`
        : `${label} is scoped to ${cookie.domain}, not ${host}`,
    };
  if (!(request.path === cookie.path || request.path.startsWith(cookie.path.replace(/\/?$/, '/'))))
    return { cookie, sent: false, reason: `${label} is limited to Path=${cookie.path}` };
  if (cookie.secure && request.scheme !== 'https')
    return { cookie, sent: false, reason: `${label} is Secure and this request is plain http` };
  const crossSite = request.initiatorSite !== siteOf(host);
  if (crossSite) {
    if (cookie.sameSite === 'Strict')
      return {
        cookie,
        sent: false,
        reason: `${label} is SameSite=Strict and this request is cross-site`,
      };
    if (cookie.sameSite === 'Lax' && !(request.topLevel && request.method === 'GET'))
      return {
        cookie,
        sent: false,
        reason: `${label} is SameSite=Lax: a cross-site ${request.method} from a script does not carry it`,
      };
    if (cookie.sameSite === 'None' && !cookie.secure)
      return {
        cookie,
        sent: false,
        reason: `${label} is SameSite=None without Secure, which browsers refuse`,
      };
  }
  return { cookie, sent: true, reason: `${label} matches ${host}${request.path}` };
}

export class CookieJar {
  #cookies: Cookie[] = [];

  set(header: string, requestHost: string): Cookie {
    const cookie = parseSetCookie(header, requestHost);
    this.#cookies = this.#cookies.filter(
      (c) => !(c.name === cookie.name && c.domain === cookie.domain && c.path === cookie.path),
    );
    this.#cookies.push(cookie);
    return cookie;
  }

  delete(name: string) {
    this.#cookies = this.#cookies.filter((c) => c.name !== name);
  }

  get all(): readonly Cookie[] {
    return this.#cookies;
  }

  /** The `Cookie` request header for this request, and why each cookie went or stayed. */
  headerFor(request: CookieRequestContext): { header: string; decisions: CookieDecision[] } {
    const decisions = this.#cookies.map((cookie) =>
      decideCookie(
        cookie,
        request,
        this.#cookies.some((other) => other !== cookie && other.name === cookie.name)
          ? scopedName(cookie)
          : cookie.name,
      ),
    );
    const header = decisions
      .filter((d) => d.sent)
      .map((d) => `${d.cookie.name}=${d.cookie.value}`)
      .join('; ');
    return { header, decisions };
  }

  /** What `document.cookie` returns to a script on the page: HttpOnly cookies are invisible. */
  visibleToScript(): string {
    return this.#cookies
      .filter((c) => !c.httpOnly)
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }
}

/** A cookie's name with its scope: `sid (host-only, app.example.com)`, `sid (Domain=example.com)`. */
export function scopedName(cookie: Cookie): string {
  return `${cookie.name} (${cookie.hostOnly ? `host-only, ${cookie.domain}` : `Domain=${cookie.domain}`})`;
}

export function describeCookie(cookie: Cookie): string {
  const flags = [
    cookie.hostOnly ? `host ${cookie.domain}` : `Domain=${cookie.domain}`,
    cookie.path !== '/' ? `Path=${cookie.path}` : '',
    cookie.httpOnly ? 'HttpOnly' : '',
    cookie.secure ? 'Secure' : '',
    `SameSite=${cookie.sameSite}`,
  ].filter(Boolean);
  return `${cookie.name} (cookie: ${flags.join(', ')})`;
}
