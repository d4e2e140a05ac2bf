import { byteLength, serializeRequest, serializeResponse, type HttpResponse } from '../http';
import { siteOf } from '../cookies';
import { issueAccessToken, jwtAuth } from '../jwt-auth';
import type { AuthResult, Lane } from '../lane';
import { browserHeaders, roundTrip, sessionIdIn } from '../round-trip';
import { sessionAuth } from '../session-store';
import { clockText } from '../time';
import { browserToken, logIn } from '../steps';
import type { ScenarioDefinition } from './definition';

/*
 * Cross-origin calls from a page's script to api.example.com, made the way the Fetch standard
 * has the browser make them (the CORS protocol, Fetch §3.2):
 * - a script's fetch sends cookies to another origin only when it asks (credentials: 'include'),
 *   and the browser hands the answer to the script only if it names the origin exactly (`*` is
 *   refused with credentials) and carries Access-Control-Allow-Credentials: true (Fetch §3.2.5);
 * - Authorization is not a CORS-safelisted request header, so the browser asks first (a preflight)
 *   and keeps the answer for Access-Control-Max-Age seconds in its CORS-preflight cache, keyed by
 *   origin and URL (Fetch §4.8): a second call from the same origin goes straight out.
 */

const api = { method: 'GET', host: 'api.example.com', path: '/v1/orders' };
/** The origins api.example.com's CORS policy lets in. */
const allowedOrigins = new Set(['https://app.example.com', 'https://partner.example.org']);
const preflightMaxAgeSeconds = 600;
const partnerOrigin = 'https://partner.example.org';
/** The partner's OAuth client ID at the auth server (RFC 9068 §2.2 puts it in the token). */
const partnerClientId = 'partner.example.org';

/** Each lane's CORS-preflight cache: `origin url` → when the cached answer expires (epoch ms). */
const preflightCaches = new WeakMap<Lane, Map<string, number>>();

/** What api.example.com adds to an answer for `origin`; `Vary: Origin` because it echoes it. */
function corsHeaders(origin: string, credentialed: boolean): [string, string][] {
  if (!allowedOrigins.has(origin)) return [];
  return [
    ['Access-Control-Allow-Origin', origin],
    ...(credentialed ? ([['Access-Control-Allow-Credentials', 'true']] as [string, string][]) : []),
    ['Vary', 'Origin'],
  ];
}

function apiAnswer(origin: string, credentialed: boolean) {
  return (auth: AuthResult): HttpResponse => ({
    status: auth.ok ? 200 : (auth.status ?? 401),
    headers: [['Content-Type', 'application/json'], ...corsHeaders(origin, credentialed)],
    body: auth.ok ? '{"orders":[{"id":"o-1042","status":"shipped"}]}' : '{"error":"unauthorized"}',
  });
}

/** The preflight for a Bearer call, unless the browser still holds an answer for this origin. */
function preflight(lane: Lane, client: string, pageHost: string) {
  const origin = `https://${pageHost}`;
  const cache = preflightCaches.get(lane) ?? new Map<string, number>();
  preflightCaches.set(lane, cache);
  const key = `${origin} https://${api.host}${api.path}`;
  const cachedUntil = cache.get(key);
  if (cachedUntil !== undefined && cachedUntil > lane.now()) {
    lane.act(
      client,
      `reuse cached preflight (Max-Age ${preflightMaxAgeSeconds} s)`,
      `The browser still holds api.example.com’s answer to ${pageHost}’s preflight (Access-Control-Max-Age: ${preflightMaxAgeSeconds}, until ${clockText(cachedUntil)}), so no OPTIONS goes out: the call is sent straight away (Fetch standard, CORS-preflight cache).`,
    );
    return;
  }
  lane.send({
    from: client,
    to: 'api-server',
    label: 'OPTIONS preflight (may I send Authorization?)',
    kind: 'request',
    narration: `Before sending a custom Authorization header to another origin, the browser asks api.example.com whether ${pageHost} may.`,
    wire: serializeRequest({
      ...api,
      method: 'OPTIONS',
      headers: [
        ['Origin', origin],
        ['Access-Control-Request-Method', 'GET'],
        ['Access-Control-Request-Headers', 'authorization'],
      ],
    }),
  });
  lane.send({
    from: 'api-server',
    to: client,
    label: '204 allowed (CORS)',
    kind: 'response',
    narration: `api.example.com’s CORS policy lets ${pageHost} send an Authorization header, and the browser may keep this answer for ${preflightMaxAgeSeconds} s (Access-Control-Max-Age).`,
    wire: serializeResponse({
      status: 204,
      headers: [
        ['Access-Control-Allow-Origin', origin],
        ['Access-Control-Allow-Headers', 'authorization'],
        ['Access-Control-Max-Age', String(preflightMaxAgeSeconds)],
        ['Vary', 'Origin'],
      ],
    }),
  });
  cache.set(key, lane.now() + preflightMaxAgeSeconds * 1000);
}

/** A session call: the page's script asks for cookies with fetch(…, { credentials: 'include' }). */
async function callApiWithCookie(lane: Lane, client: 'browser' | 'partner-page', pageHost: string) {
  const origin = `https://${pageHost}`;
  const { headers, decisions } = browserHeaders(lane, api, { site: siteOf(pageHost) });
  const sid = sessionIdIn(headers);
  await roundTrip(lane, {
    client,
    server: 'api-server',
    request: { ...api, headers: [['Origin', origin], ...headers] },
    label: `GET api.example.com/v1/orders from ${pageHost}${sid ? ' + Cookie' : ' (no cookie)'}`,
    narration: `A script on ${pageHost} calls api.example.com with fetch(…, { credentials: 'include' }): without it, no cookie goes to another origin. The browser decides which cookies go: ${decisions.map((d) => d.reason).join('; ')}.`,
    presented: sid,
    credentials: sid ? [{ kind: 'session-id', value: sid }] : undefined,
    authenticate: (server) => sessionAuth(lane, server, sid),
    respond: apiAnswer(origin, true),
    answerNarration: (auth, server) =>
      `${server}: ${auth.reason}. The answer names ${origin} in Access-Control-Allow-Origin and says Access-Control-Allow-Credentials: true; without both (or with * as the origin) the browser would keep a credentialed answer from the script.`,
  });
}

/** A JWT call: the script puts a token in the Authorization header; cookie scope plays no part. */
async function callApiWithBearer(
  lane: Lane,
  client: 'browser' | 'partner-page',
  pageHost: string,
  token: string | undefined,
  narration: string,
) {
  const origin = `https://${pageHost}`;
  preflight(lane, client, pageHost);
  await roundTrip(lane, {
    client,
    server: 'api-server',
    request: {
      ...api,
      headers: [
        ['Origin', origin],
        ...(token ? ([['Authorization', `Bearer ${token}`]] as [string, string][]) : []),
      ],
    },
    label: `GET api.example.com/v1/orders from ${pageHost} + Bearer`,
    narration,
    presented: token,
    credentials: token ? [{ kind: 'access-token', value: token }] : undefined,
    authenticate: (server) => jwtAuth(lane, server, token),
    respond: apiAnswer(origin, false),
    answerNarration: (auth, server) =>
      `${server}: ${auth.reason}. The answer names ${origin} in Access-Control-Allow-Origin, so the browser lets the script read it.`,
  });
}

/**
 * partner.example.org gets a token of its own: Ada approved it at the auth server (OAuth
 * consent) and was sent back with an authorization code, which the partner's page redeems
 * (RFC 6749 §4.1.3, with PKCE, RFC 7636). It could never use Ada's token: that one sits in
 * app.example.com's localStorage, and storage is per origin.
 */
async function partnerGetsItsOwnToken(lane: Lane): Promise<string> {
  let token = '';
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    code: lane.random.id(16),
    redirect_uri: `${partnerOrigin}/callback`,
    client_id: partnerClientId,
    code_verifier: lane.random.id(32),
  }).toString();
  await roundTrip(lane, {
    client: 'partner-page',
    server: 'auth-server',
    request: {
      method: 'POST',
      host: 'auth.example.com',
      path: '/oauth/token',
      // A form POST is a CORS "simple" request: no preflight, but the answer must name the origin.
      headers: [
        ['Origin', partnerOrigin],
        ['Content-Type', 'application/x-www-form-urlencoded'],
      ],
      body,
    },
    label: 'POST /oauth/token (the partner’s own code)',
    narration:
      'Earlier, Ada let partner.example.org act for her at the auth server (OAuth consent) and came back with an authorization code. The partner’s page redeems it for a token of its own: Ada’s token in app.example.com’s localStorage is out of its reach, since storage is per origin.',
    authenticate: async () => {
      token = await issueAccessToken(lane, { client_id: partnerClientId, scope: 'orders' });
      lane.act(
        'auth-server',
        `sign a token for ${partnerClientId} (${lane.keys.alg}, ${byteLength(token)} B)`,
        `The auth server signs a token issued to partner.example.org: Ada’s ID as sub, client_id ${partnerClientId}, scope orders, aud ${[lane.profile.audience].flat().join(', ')}.`,
        [{ kind: 'access-token', value: token }],
      );
      return { ok: true, reason: 'the code and its PKCE verifier match; a token was signed' };
    },
    respond: () => ({
      status: 200,
      headers: [
        ['Content-Type', 'application/json'],
        ['Cache-Control', 'no-store'],
        ['Access-Control-Allow-Origin', partnerOrigin],
        ['Vary', 'Origin'],
      ],
      body: JSON.stringify({
        access_token: token,
        token_type: 'Bearer',
        expires_in: lane.profile.ttlSeconds,
        scope: 'orders',
      }),
    }),
    answerNarration: () =>
      'partner.example.org holds its own token, issued to it by the auth server; it keeps it in its own page.',
  });
  lane.otherOrigins.set(partnerClientId, new Map([['access_token', token]]));
  return token;
}

export const crossDomainScenario: ScenarioDefinition = {
  id: 'cross-domain',
  title: 'Cross-domain: app.example.com calls api.example.com',
  description:
    "A host-only session cookie set by app.example.com never reaches api.example.com; widening it to Domain=example.com works, with fetch(…, { credentials: 'include' }) and a CORS policy that allows credentials from app.example.com, but hands it to every subdomain, and a partner site on another domain still cannot use it. A JWT goes in the Authorization header to any API that trusts the issuer and whose CORS policy allows the calling origin; the browser asks first (a preflight) and reuses the answer for Access-Control-Max-Age. The partner site uses a token the auth server issued to it.",
  async session(lane) {
    await logIn(lane);
    lane.advance(1000);
    await callApiWithCookie(lane, 'browser', 'app.example.com');
    lane.advance(1000);
    lane.act(
      'ops',
      'widen the cookie: Domain=example.com',
      'The team widens the cookie to the parent domain so the API receives it, and configures CORS on the API to name app.example.com and allow credentials: sharing a session across domains takes both. Now every subdomain, blog.example.com included, receives the cookie too.',
    );
    await logIn(lane, { cookieAttributes: 'Domain=example.com; Path=/; HttpOnly; Secure; SameSite=Lax' });
    lane.advance(1000);
    await callApiWithCookie(lane, 'browser', 'app.example.com');
    lane.advance(1000);
    await callApiWithCookie(lane, 'partner-page', 'partner.example.org');
  },
  async jwt(lane) {
    await logIn(lane);
    const fromAppPage =
      'The script on app.example.com reads Ada’s token from its own localStorage and puts it in the Authorization header: cookie scope does not matter, the API’s CORS policy does.';
    lane.advance(1000);
    await callApiWithBearer(lane, 'browser', 'app.example.com', browserToken(lane), fromAppPage);
    lane.advance(1000);
    await callApiWithBearer(lane, 'browser', 'app.example.com', browserToken(lane), fromAppPage);
    lane.advance(1000);
    const partnerToken = await partnerGetsItsOwnToken(lane);
    await callApiWithBearer(
      lane,
      'partner-page',
      'partner.example.org',
      partnerToken,
      'The script on partner.example.org sends its own token, issued to it by the auth server, in the Authorization header. Ada’s token in app.example.com’s localStorage is out of its reach.',
    );
  },
};
