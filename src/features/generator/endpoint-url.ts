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
  | { status: 'ok'; url: string; warnings: string[] }
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
        reason: `The URL has no scheme: start it with https:// (or http:// for a server on your own machine), as in https://${trimmed.replace(/^\/+/, '')}.`,
      };
    return {
      status: 'invalid',
      reason:
        protocol === 'javascript'
          ? 'A javascript: URL runs code, it is not an endpoint: enter the http:// or https:// address of your API.'
          : `Only http:// and https:// endpoints can be tested with the tokens: this URL starts with "${protocol}:".`,
    };
  }
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { status: 'invalid', reason: unparsable(trimmed) };
  }
  const warnings: string[] = [];
  if (url.username || url.password)
    warnings.push(
      'The URL has a user name or password in it ("user:pass@"): the script would hold it in plain text, and curl sends the token\'s Authorization header instead of it anyway. Remove it.',
    );
  if (url.protocol === 'http:' && !isLoopback(url.hostname))
    warnings.push(
      'http:// sends the tokens unencrypted, the valid one included: use https:// for a server that is not on your own machine.',
    );
  return { status: 'ok', url: url.href, warnings };
}

/** Why the URL parser refused an http(s) URL, as specifically as the text allows. */
function unparsable(text: string): string {
  const port = /^[a-z]+:\/\/(?:[^/?#@]*@)?(?:\[[^\]]*\]|[^/?#:]*):(\d*)(?:[/?#]|$)/i.exec(text);
  if (port && (port[1] === '' || Number(port[1]) > 65535))
    return `The port "${port[1]}" is not a port number: it is 1 to 65535, as in https://api.example.com:8443/.`;
  if (/^[a-z]+:\/*$/i.test(text)) return 'The URL has no host name after its scheme.';
  return 'This is not a URL curl could reach: check the host name (letters, digits, dots and hyphens).';
}

/** The URL for the commands: the person's endpoint when it is usable, the example otherwise. */
export function commandUrl(text: string): string {
  const checked = checkEndpoint(text);
  return checked.status === 'ok' ? checked.url : exampleEndpoint;
}
