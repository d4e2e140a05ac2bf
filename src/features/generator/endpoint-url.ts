/**
 * The person's own endpoint, typed into the attack presets: checked here, then written only into
 * the commands they copy. Tokenscope never requests it (the page's CSP has connect-src 'self').
 * The commands carry the URL as the browser's parser reads it (`URL.href`): ASCII only (a host
 * in punycode, the rest percent-encoded), so what is shown is what curl is given.
 */
import { exampleEndpoint } from './commands';
import { codePointLabel, invisibleCharacterName } from './json-warnings';

export type EndpointCheck =
  | { status: 'empty' }
  /** `note`: "curl will be given …", when the parser rewrote the URL beyond letter case. */
  | { status: 'ok'; url: string; warnings: string[]; note?: string }
  | { status: 'invalid'; reason: string };

/** "a.com:8080", "localhost:3000/x": a host and port, which the URL parser reads as a scheme. */
const hostAndPort = /^[^:/?#@]+:\d+(?:[/?#]|$)/;
const scheme = /^([a-z][a-z0-9+.-]*):/i;

/** What a character no one sees in a URL field is, in a person's words. */
function describeHidden(char: string): string {
  const code = char.codePointAt(0)!;
  if (/\s/u.test(char))
    return code === 0x20 ? 'a space' : `white space (${codePointLabel(code)}${code === 9 ? ', a tab' : ''})`;
  const name = invisibleCharacterName(code);
  return `an invisible character (${codePointLabel(code)}${name ? ` ${name}` : ''})`;
}

/** Loopback hosts, where http:// never leaves the machine. */
function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(hostname);
}

/**
 * Whether `text` is an http(s) URL the commands can send tokens to, and what to beware of.
 * White space at the ends is dropped (a paste often carries it); anything else that is not a
 * plain http:// or https:// URL is refused with the reason.
 */
export function checkEndpoint(text: string): EndpointCheck {
  const trimmed = text.trim();
  if (!trimmed) return { status: 'empty' };
  // The URL parser would silently drop a tab or a line break and percent-encode a space or a
  // bidi control: the URL used would then differ from the one the person reads.
  const hidden = /[\s\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.exec(trimmed);
  if (hidden)
    return {
      status: 'invalid',
      reason: `The URL has ${describeHidden(hidden[0])} at character ${hidden.index + 1}: remove it (a space inside a path is written %20).`,
    };
  const named = scheme.exec(trimmed);
  const protocol = named?.[1]!.toLowerCase();
  if (protocol !== 'http' && protocol !== 'https') {
    if (!named || hostAndPort.test(trimmed))
      return {
        status: 'invalid',
        reason:
          miswrittenScheme(trimmed) ??
          `The URL has no scheme: start it with https:// (or http:// for a server on your own machine), as in https://${trimmed.replace(/^\/+/, '')}.`,
      };
    return {
      status: 'invalid',
      reason:
        protocol === 'javascript'
          ? 'A javascript: URL runs code, it is not an endpoint: enter the http:// or https:// address of your API.'
          : otherScheme(protocol!),
    };
  }
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { status: 'invalid', reason: unparsable(trimmed) };
  }
  // The parser takes port 0, which no server listens on (curl refuses it too).
  if (url.port === '0') return { status: 'invalid', reason: notAPort(typedPort(trimmed) ?? '0') };
  const warnings: string[] = [];
  if (url.username || url.password)
    warnings.push(
      'The URL has a user name or password in it ("user:pass@"): the script would hold it in plain text, and curl sends the token\'s Authorization header instead of it anyway. Remove it.',
    );
  if (url.protocol === 'http:' && !isLoopback(url.hostname))
    warnings.push(
      'http:// sends the tokens unencrypted, the valid one included: use https:// for a server that is not on your own machine.',
    );
  // What curl is given is the parser's URL: say so when it is not what the person reads.
  const rewritten = comparable(url.href) !== comparable(trimmed);
  return {
    status: 'ok',
    url: url.href,
    warnings,
    ...(rewritten ? { note: `curl will be given ${url.href}` } : {}),
  };
}

/**
 * A URL with what the parser only normalises undone: the scheme and host (with any user name)
 * in lower case, and "/" for an empty path. What still differs after this was rewritten: a
 * "\\" made "/", "/%2e%2e/" resolved, a default port dropped, a host put in punycode (where a
 * look-alike letter shows, RFC 3492) or an IPv4 address written out.
 */
function comparable(text: string): string {
  return text.replace(
    /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)(.*)$/is,
    (_, start: string, rest: string) => `${start.toLowerCase()}${rest.startsWith('/') ? '' : '/'}${rest}`,
  );
}

const otherScheme = (written: string) =>
  `Only http:// and https:// endpoints can be tested with the tokens: this URL starts with "${written}:".`;

/**
 * A text with "://" in it has a scheme already, only not one the parser reads: suggesting
 * "https://" in front would double it. NFKC folds the fullwidth letters of an East Asian input
 * method ("ｈｔｔｐ：／／") to the ones they stand for, so they can be named.
 */
function miswrittenScheme(text: string): string | undefined {
  const folded = text.normalize('NFKC');
  const at = folded.indexOf('://');
  const written = folded.slice(0, at);
  if (at < 0 || /[/?#]/.test(written)) return undefined;
  if (/^https?$/i.test(written))
    return `The scheme is written in fullwidth letters ("${typedAs(text, `${written}://`)}"): type it in plain letters, as in ${written.toLowerCase()}${folded.slice(at)}.`;
  if (scheme.test(`${written}:`)) return otherScheme(written);
  // A quote or bracket copied with the URL ("<https://…>"), or a stray character.
  const extra = /^(.+?)(https?)$/i.exec(written);
  if (extra)
    return `The URL has "${extra[1]}" before its scheme: remove it, so that the URL starts with ${extra[2]!.toLowerCase()}://.`;
  return `The URL has ${written ? `"${written}"` : 'nothing'} where its scheme should be: start it with https:// (or http:// for a server on your own machine).`;
}

/** The start of `text` that NFKC folds to `folded`, as it was typed (or `folded`, if none). */
function typedAs(text: string, folded: string): string {
  let typed = '';
  for (const char of text) if ((typed += char).normalize('NFKC') === folded) return typed;
  return folded;
}

/** The port as typed, when the text has one after its host. */
const typedPort = (text: string) =>
  /^[a-z]+:\/\/(?:[^/?#@]*@)?(?:\[[^\]]*\]|[^/?#:]*):(\d*)(?:[/?#]|$)/i.exec(text)?.[1];

const notAPort = (port: string) =>
  `The port "${port}" is not a port number: it is 1 to 65535, as in https://api.example.com:8443/.`;

/** Why the URL parser refused an http(s) URL, as specifically as the text allows. */
function unparsable(text: string): string {
  const port = typedPort(text);
  if (port !== undefined && (port === '' || Number(port) > 65535)) return notAPort(port);
  if (/^[a-z]+:\/*$/i.test(text)) return 'The URL has no host name after its scheme.';
  return 'This is not a URL curl could reach: check the host name (letters, digits, dots and hyphens).';
}

/** The URL for the commands: the person's endpoint when it is usable, the example otherwise. */
export function commandUrl(text: string): string {
  const checked = checkEndpoint(text);
  return checked.status === 'ok' ? checked.url : exampleEndpoint;
}
