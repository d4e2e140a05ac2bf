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
export const compactShape = /^[\w-]+(?:\.[\w-]*){2}(?:(?:\.[\w-]*){2})?$/;

/** A response's members as read from one text; read-only, as every caller shares it. */
export type ResponseMembers = readonly (readonly [name: string, value: string])[];

/**
 * The last text read as a token response, and what it held. The Decoder reads the same paste
 * twice per keystroke (inspect() takes a token out of it, the response view lists them all):
 * the JSON is parsed once. One entry, in memory only, like the text in the box itself.
 */
let lastReading: { text: string; members: ResponseMembers | undefined } | undefined;

/**
 * The members of an OAuth token response (RFC 6749 §5.1) pasted whole, `{"access_token": "eyJ…",
 * "id_token": …}`, whose names end in "token" and whose values are text, in the response's order;
 * undefined when the text is no JSON object. A JWS or JWE in JSON serialization (it has
 * "payload" or "ciphertext") is a token itself, not a response.
 */
export function tokenResponseMembers(text: string): ResponseMembers | undefined {
  if (!text.startsWith('{') || /"(?:payload|ciphertext)"\s*:/.test(text)) return undefined;
  if (lastReading?.text !== text) lastReading = { text, members: readMembers(text) };
  return lastReading.members;
}

function readMembers(text: string): ResponseMembers | undefined {
  let response: unknown;
  try {
    response = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof response !== 'object' || response === null || Array.isArray(response)) return undefined;
  return Object.freeze(
    Object.entries(response).filter(
      (entry): entry is [string, string] => /(?:^|_)token$/.test(entry[0]) && typeof entry[1] === 'string',
    ),
  );
}

/** The members the decoder can show, the one it shows first: the access token, then the ID token. */
export function decodableInOrder(members: ResponseMembers): ResponseMembers {
  const order = (name: string) => ['access_token', 'id_token'].indexOf(name) >>> 0;
  return members.filter(([, value]) => compactShape.test(value)).sort((a, b) => order(a[0]) - order(b[0]));
}

/** The token a pasted response is decoded as; the note names the others, which the Decoder offers. */
function tokenInResponse(text: string): { token: string; note: string } | undefined {
  const members = tokenResponseMembers(text);
  const [chosen, ...others] = members ? decodableInOrder(members) : [];
  if (!chosen) return undefined;
  const also = others.length
    ? ` It also holds ${others.map(([name]) => `"${name}"`).join(' and ')}: ${others.length === 1 ? `"Show the ${others[0]![0]}" switches to it` : 'a "Show the …" button switches to each'}.`
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
