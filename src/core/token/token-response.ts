/**
 * An OAuth token response (RFC 6749 §5.1; OpenID Connect Core 1.0 §3.1.3.3 adds `id_token`)
 * read whole: every token in it, and the one the decoder shows (normalize.ts takes that one
 * out of the paste). The others let the person switch between them, and the ID token's
 * `at_hash` be checked against the access token.
 */
import { compactShape, decodableInOrder, tokenResponseMembers } from './normalize';

export interface ResponseMember {
  /** The member's name: `access_token`, `id_token`, `refresh_token`… */
  name: string;
  value: string;
  /** Shaped like a compact JWS or JWE, so the decoder can show it (an access token may be opaque). */
  decodable: boolean;
}

export interface TokenResponse {
  /** Every string member whose name ends in "token", in the response's order. */
  members: ResponseMember[];
  accessToken?: string;
  idToken?: string;
  /** The member the decoder shows when the whole response is pasted (as normalize.ts picks it). */
  shown?: ResponseMember;
}

/**
 * The tokens of a pasted token response, or undefined when the text is not one (or holds no
 * token the decoder can show). Never throws. Right after inspect() of the same text it parses
 * nothing again: `tokenResponseMembers` keeps its last reading.
 */
export function readTokenResponse(text: string): TokenResponse | undefined {
  const entries = tokenResponseMembers(text.trim());
  const [first] = entries ? decodableInOrder(entries) : [];
  if (!entries || !first) return undefined;
  const members = entries.map(([name, value]) => ({ name, value, decodable: compactShape.test(value) }));
  const valueOf = (name: string) => members.find((member) => member.name === name)?.value;
  return {
    members,
    accessToken: valueOf('access_token'),
    idToken: valueOf('id_token'),
    shown: members.find((member) => member.name === first[0]),
  };
}
