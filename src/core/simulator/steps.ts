/**
 * The steps a person (or a scenario) can take: log in, send a request, log out, revoke,
 * steal the credential, take the store down, add a server. Each is an input to the
 * step function: it changes a lane's state and records the events it caused.
 */
import { decodeJwt } from 'jose';
import { noteAttacker } from './attacker';
import { byteLength, respCommand, type HttpRequest } from './http';
import { expiresAtMs, issueAccessToken, jwtAuth } from './jwt-auth';
import type { AuthResult, Lane } from './lane';
import { browserHeaders, roundTrip, sessionIdIn } from './round-trip';
import { createSession, deleteSession, sessionAlive, sessionAuth } from './session-store';
import { clockText } from './time';

const appHost = 'app.example.com';
const accessKey = 'access_token';
const cookieName = 'sid';

const sessionCookieAttributes = 'Path=/; HttpOnly; Secure; SameSite=Lax';

/** The access token the page keeps (localStorage, or a variable in the hybrid flow), if any. */
export function browserToken(lane: Lane): string | undefined {
  return lane.localStorage.get(accessKey) ?? lane.memory.get(accessKey);
}

/** The session ID in the browser's cookie jar, if any. */
export function browserSessionId(lane: Lane): string | undefined {
  return lane.jar.all.find((cookie) => cookie.name === cookieName)?.value;
}

/** Ada's email and password, posted to a login endpoint. */
const loginRequest = (host: string): HttpRequest => ({
  method: 'POST',
  host,
  path: '/login',
  headers: [['Content-Type', 'application/json']],
  body: JSON.stringify({ username: 'ada@example.com', password: 'correct horse battery staple' }),
});

/** Log in: the session flow creates a server-side session; the JWT flow signs a token. */
export async function logIn(
  lane: Lane,
  options: {
    /** The session cookie's attributes (a scenario widens it to Domain=example.com). */
    cookieAttributes?: string;
    /** Log in the session way inside the JWT flow (the hybrid approach). */
    mode?: 'session' | 'jwt';
    /** Also issue a refresh token, as an HttpOnly cookie for the refresh endpoint only. */
    refreshToken?: () => Promise<string>;
  } = {},
): Promise<string> {
  return (options.mode ?? lane.flow) === 'session'
    ? logInWithSession(lane, options.cookieAttributes ?? sessionCookieAttributes)
    : logInWithToken(lane, options.refreshToken);
}

async function logInWithSession(lane: Lane, cookieAttributes: string): Promise<string> {
  let sid: string | null = null;
  await roundTrip(lane, {
    client: 'browser',
    request: loginRequest(appHost),
    label: 'POST /login (email + password)',
    narration: 'Ada logs in: the browser sends her email and password.',
    authenticate: async (server) => {
      sid = await createSession(lane, server, 'ada');
      return sid
        ? { ok: true, reason: 'password correct; a session was created' }
        : { ok: false, status: 503, reason: 'the session store is down, so no session can be created' };
    },
    respond: (auth) =>
      auth.ok
        ? {
            status: 200,
            headers: [['Set-Cookie', `${cookieName}=${sid}; ${cookieAttributes}`]],
            body: '{"ok":true}',
          }
        : { status: 503, body: '{"error":"try again later"}' },
    answerNarration: (auth) =>
      auth.ok
        ? `The server answers with the session ID in a cookie (${cookieAttributes}): a 43-character reference, nothing about Ada inside.`
        : 'Login fails: the session store is down.',
  });
  if (!sid) return '';
  const id: string = sid;
  lane.jar.set(`${cookieName}=${id}; ${cookieAttributes}`, appHost);
  lane.noteCredential(id);
  lane.act(
    'browser',
    'store cookie sid',
    'The browser keeps the cookie and will attach it to every matching request by itself.',
    [{ kind: 'session-id', value: id }],
  );
  return id;
}

async function logInWithToken(lane: Lane, refreshToken?: () => Promise<string>): Promise<string> {
  let token = '';
  let refresh = '';
  const refreshCookie = () => `rt=${refresh}; Path=/auth/refresh; HttpOnly; Secure; SameSite=Strict`;
  await roundTrip(lane, {
    client: 'browser',
    request: loginRequest('auth.example.com'),
    server: 'auth-server',
    label: 'POST /login (email + password)',
    narration: 'Ada logs in: the browser sends her email and password to the auth server.',
    authenticate: async () => {
      token = await issueAccessToken(lane);
      if (refreshToken) refresh = await refreshToken();
      lane.act(
        'auth-server',
        `sign access token (${lane.keys.alg}, ${byteLength(token)} B)`,
        `The auth server writes Ada\u2019s claims into a token and signs it. It keeps no record of it.`,
        [{ kind: 'access-token', value: token }],
      );
      return { ok: true, reason: 'password correct; a token was signed' };
    },
    respond: () => ({
      status: 200,
      headers: [
        ['Content-Type', 'application/json'],
        ...(refresh ? [['Set-Cookie', refreshCookie()] as [string, string]] : []),
      ],
      body: JSON.stringify({
        access_token: token,
        token_type: 'Bearer',
        expires_in: lane.profile.ttlSeconds,
      }),
    }),
    answerNarration: () =>
      `The auth server sends the signed token (${byteLength(token)} bytes): Ada\u2019s identity, roles and expiry travel with it, readable by anyone who decodes it.`,
  });
  if (refresh) lane.jar.set(refreshCookie(), 'auth.example.com');
  lane.localStorage.set(accessKey, token);
  lane.act(
    'browser',
    'store token in localStorage',
    'The page keeps the token in localStorage: any script on the page can read it.',
    [
      { kind: 'access-token', value: token },
      ...(refresh ? [{ kind: 'refresh-token' as const, value: refresh }] : []),
    ],
  );
  return token;
}

/** Who sends an API call, where, and with what (the attacker brings its stolen copy). */
interface ApiCall {
  client?: 'browser' | 'attacker';
  path?: string;
  host?: string;
  credential?: string;
  server?: string;
  narration?: string;
  /** The attacker sends this from Ada's browser (an injected script): see SimEvent.attackerDriven. */
  attackerDriven?: boolean;
}

/** An authenticated API call by the browser (with what it holds) or by the attacker (with the stolen copy). */
export async function sendRequest(lane: Lane, call: ApiCall = {}): Promise<AuthResult & { server: string }> {
  return lane.flow === 'session' ? callWithSessionId(lane, call) : callWithToken(lane, call);
}

const callerName = (client: 'browser' | 'attacker') =>
  client === 'browser' ? 'Ada\u2019s browser' : 'The attacker';

/** The browser's cookie jar adds the session cookie; the attacker writes the stolen ID in by hand. */
function callWithSessionId(lane: Lane, call: ApiCall) {
  const client = call.client ?? 'browser';
  const path = call.path ?? '/api/profile';
  const request = { method: 'GET', host: call.host ?? appHost, path };
  const headers =
    client === 'browser'
      ? browserHeaders(lane, request).headers
      : call.credential
        ? ([['Cookie', `${cookieName}=${call.credential}`]] as [string, string][])
        : [];
  const sid = sessionIdIn(headers);
  return roundTrip(lane, {
    client,
    request: { ...request, headers },
    label: `GET ${path}${sid ? ' + Cookie sid' : ' (no cookie)'}`,
    narration:
      call.narration ??
      `${callerName(client)} asks for ${path}; ${sid ? `the ${byteLength(sid)}-byte session ID rides along in the Cookie header` : 'no session cookie goes with it'}.`,
    server: call.server,
    presented: sid,
    credentials: sid ? [{ kind: 'session-id', value: sid }] : undefined,
    attackerDriven: call.attackerDriven,
    authenticate: (server) => sessionAuth(lane, server, sid),
  });
}

/** The page's code puts its token in the Authorization header; the attacker puts the stolen one. */
function callWithToken(lane: Lane, call: ApiCall) {
  const client = call.client ?? 'browser';
  const path = call.path ?? '/api/profile';
  const token = client === 'browser' ? browserToken(lane) : call.credential;
  const headers: [string, string][] = token ? [['Authorization', `Bearer ${token}`]] : [];
  return roundTrip(lane, {
    client,
    request: { method: 'GET', host: call.host ?? appHost, path, headers },
    label: `GET ${path}${token ? ' + Bearer token' : ' (no token)'}`,
    narration:
      call.narration ??
      `${callerName(client)} asks for ${path}; ${token ? `the whole ${byteLength(token)}-byte token rides along in the Authorization header` : 'no token goes with it'}.`,
    server: call.server,
    presented: token,
    credentials: token ? [{ kind: 'access-token', value: token }] : undefined,
    attackerDriven: call.attackerDriven,
    authenticate: (server) => jwtAuth(lane, server, token),
  });
}

/**
 * Logging out (seed 004: "logout = delete session from store"). The session flow sends the
 * cookie to POST /logout and the server deletes the record, so every copy of the ID dies with
 * it. A JWT logout only deletes the browser's own copy: no server holds anything to delete,
 * so a copy made earlier keeps working until its exp (seed 002, "Token Revocation").
 */
export async function logOut(lane: Lane): Promise<void> {
  if (lane.flow === 'session') await endSession(lane);
  else forgetToken(lane);
  await noteAttacker(lane);
}

async function endSession(lane: Lane) {
  const request = { method: 'POST', host: appHost, path: '/logout' };
  const { headers } = browserHeaders(lane, request);
  const sid = sessionIdIn(headers);
  await roundTrip(lane, {
    client: 'browser',
    request: { ...request, headers },
    label: `POST /logout${sid ? ' + Cookie sid' : ' (no cookie)'}`,
    narration: `Ada logs out at ${clockText(lane.now())}: the browser sends the session cookie to /logout.`,
    presented: sid,
    credentials: sid ? [{ kind: 'session-id', value: sid }] : undefined,
    authenticate: async (server) => {
      // The server loads the session like on any request (one lookup), then destroys it.
      const auth = await sessionAuth(lane, server, sid);
      if (!sid || !auth.ok) return auth;
      lane.markRevoked([sid]);
      deleteSession(lane, server, sid);
      return { ok: true, reason: 'the session record is deleted' };
    },
    respond: (auth) => ({
      status: auth.ok ? 200 : 401,
      headers: auth.ok ? [['Set-Cookie', `${cookieName}=; Max-Age=0; ${sessionCookieAttributes}`]] : [],
      body: auth.ok ? '{"ok":true}' : '{"error":"unauthorized"}',
    }),
    answerNarration: (auth) =>
      auth.ok
        ? 'The server deleted the session record and tells the browser to drop its cookie (Max-Age=0). The ID now points at nothing: a copy of it is worthless.'
        : `Nothing to end: ${auth.reason}.`,
  });
  lane.jar.delete(cookieName);
  lane.act('browser', 'drop cookie sid', 'The browser forgets the cookie.');
}

function forgetToken(lane: Lane) {
  const token = browserToken(lane);
  const where = lane.localStorage.has(accessKey)
    ? 'localStorage'
    : lane.memory.has(accessKey)
      ? 'page memory'
      : 'its cookie';
  lane.localStorage.delete(accessKey);
  lane.memory.delete(accessKey);
  if (token) lane.markRevoked([token]);
  const exp = token ? clockText(expiresAtMs(token)) : '';
  lane.act(
    'browser',
    `log out at ${clockText(lane.now())}: delete the token from ${where}`,
    token
      ? `Ada logs out: the page deletes its own copy of the token. No server is told, and none could act on it: they keep no record of the token. Every other copy still works until its exp (${exp}).`
      : 'Ada logs out, but the page held no token.',
  );
}

/**
 * An admin revokes Ada's access: the session flow deletes her session; the JWT flow has
 * nothing to delete unless it keeps a blocklist, where revoking writes the token's jti.
 */
export async function revoke(lane: Lane): Promise<void> {
  if (lane.flow === 'session') {
    const sid = browserSessionId(lane) ?? lane.stolen?.value ?? '';
    const alive = sessionAlive(lane, sid);
    lane.act(
      'admin',
      `revoke at ${clockText(lane.now())}`,
      alive
        ? 'The account is compromised: an admin revokes Ada\u2019s session.'
        : 'The account is compromised: an admin goes to revoke Ada\u2019s session and finds it already gone (logging out deleted it).',
    );
    lane.markRevoked([sid]);
    deleteSession(lane, lane.servers[0]!, sid);
    await noteAttacker(lane);
    return;
  }
  const token = browserToken(lane) ?? lane.stolen?.value ?? '';
  lane.act(
    'admin',
    lane.blocklist
      ? `revoke at ${clockText(lane.now())}: blocklist the jti`
      : `revoke at ${clockText(lane.now())}: nothing to delete`,
    lane.blocklist
      ? 'An admin revokes Ada\u2019s token. The servers keep no record of issued tokens, so revoking one means adding its jti to the shared blocklist.'
      : 'An admin wants to revoke Ada\u2019s token, but the servers keep no record of it: there is nothing to delete. It stays valid until exp.',
  );
  lane.markRevoked([token]);
  if (lane.blocklist) {
    lane.blocklist.add(jtiOf(token));
    lane.send({
      from: 'admin',
      to: lane.storeName,
      label: 'SET revoked:<jti> (blocklist)',
      kind: 'store',
      narration:
        'The jti goes into the shared store that every server now checks on each request: from this moment, the token is refused.',
      wire: respCommand('SET', `revoked:${jtiOf(token)}`, '1'),
    });
  }
  await noteAttacker(lane);
}

/** The token's `jti`, or '' when it has none or cannot be read. */
function jtiOf(token: string): string {
  try {
    return String(decodeJwt(token).jti ?? '');
  } catch {
    return '';
  }
}

/** The attacker obtains a copy of the credential (malware, a leaked log, a shared machine). */
export async function copyCredential(lane: Lane, how: string): Promise<void> {
  const value = lane.flow === 'session' ? browserSessionId(lane) : browserToken(lane);
  if (!value) return;
  lane.stolen = { kind: lane.flow === 'session' ? 'session-id' : 'access-token', value };
  lane.act(
    'attacker',
    `copies the ${lane.flow === 'session' ? 'session ID' : 'token'} (${how})`,
    `The attacker gets a copy of Ada\u2019s ${lane.flow === 'session' ? 'session ID' : 'access token'} through ${how}.`,
    [{ kind: lane.stolen.kind, value }],
  );
  await noteAttacker(lane);
}
