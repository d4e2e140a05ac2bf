/** What people paste is rarely a bare token: an Authorization header, quotes, line breaks. */

export interface NormalizedInput {
  token: string;
  notes: string[];
}

const headerPrefix = /^authorization\s*:\s*/i;
const bearerPrefix = /^bearer\s+/i;

export function normalizeTokenInput(input: string): NormalizedInput {
  const notes: string[] = [];
  let token = input.trim();
  if (headerPrefix.test(token)) {
    token = token.replace(headerPrefix, '');
    notes.push('An "Authorization:" header name was dropped.');
  }
  if (bearerPrefix.test(token)) {
    token = token.replace(bearerPrefix, '');
    notes.push('A leading "Bearer " was dropped.');
  }
  const quoted = /^(["'`])([\s\S]*)\1$/.exec(token);
  if (quoted) {
    token = quoted[2]!.trim();
    notes.push('Surrounding quotes were dropped.');
  }
  const fromResponse = tokenInResponse(token) ?? tokenInCookie(token);
  if (fromResponse) {
    token = fromResponse.token;
    notes.push(fromResponse.note);
  }
  if (!token.startsWith('{') && /\s/.test(token)) {
    token = token.replace(/\s+/g, '');
    notes.push('White space inside the token (line breaks from copying) was removed.');
  }
  return { token, notes };
}

/** A compact JWS (3 parts) or JWE (5 parts), as far as its shape goes. */
const compactShape = /^[\w-]+(?:\.[\w-]*){2}(?:(?:\.[\w-]*){2})?$/;

/**
 * An OAuth token response (RFC 6749 §5.1) pasted whole: `{"access_token": "eyJ…", "id_token":
 * …}`. The access token is taken, then the ID token; the note names the others. A JWS or JWE in
 * JSON serialization (it has "payload" or "ciphertext") is a token itself and is left alone.
 */
function tokenInResponse(text: string): { token: string; note: string } | undefined {
  if (!text.startsWith('{') || /"(?:payload|ciphertext)"\s*:/.test(text)) return undefined;
  let response: unknown;
  try {
    response = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof response !== 'object' || response === null || Array.isArray(response)) return undefined;
  const found = Object.entries(response).filter(
    (entry): entry is [string, string] =>
      /(?:^|_)token$/.test(entry[0]) && typeof entry[1] === 'string' && compactShape.test(entry[1]),
  );
  const order = (name: string) => ['access_token', 'id_token'].indexOf(name) >>> 0;
  const [chosen, ...others] = found.sort((a, b) => order(a[0]) - order(b[0]));
  if (!chosen) return undefined;
  const also = others.length
    ? ` It also holds ${others.map(([name]) => `"${name}"`).join(' and ')}: paste that value to decode it.`
    : '';
  return { token: chosen[1], note: `"${chosen[0]}" was taken from the pasted JSON.${also}` };
}

/** A cookie line (`Cookie:` or `Set-Cookie:` optional): `name=eyJ…; Path=/; HttpOnly`. */
function tokenInCookie(text: string): { token: string; note: string } | undefined {
  const cookie = /^(?:(?:set-)?cookie\s*:\s*)?([\w.-]+)=([^;\s]+)\s*(?:;.*)?$/is.exec(text);
  // A token's header is a JSON object, so its base64url starts with "e"; a name that starts like
  // one ("eyJhbG=…") is a damaged token with a "=" inside, not a cookie.
  if (!cookie || cookie[1]!.startsWith('ey') || !cookie[2]!.startsWith('e') || !compactShape.test(cookie[2]!))
    return undefined;
  return { token: cookie[2]!, note: `The value of the cookie "${cookie[1]}" was taken.` };
}
