/**
 * The steps a person (or a scenario) can take: log in, send a request, log out, revoke,
 * steal the credential, take the store down, add a server. Each is an input to the
 * step function: it changes a lane's state and records the events it caused.
 */
import { decodeJwt } from 'jose';
import { byteLength, respCommand } from './http';
import { clockText, cookieName, type AuthResult, type Lane } from './lane';

export type JwtStorage = 'localStorage' | 'memory' | 'cookie';

const appHost = 'app.example.com';
const accessKey = 'access_token';

export const sessionCookieAttributes = 'Path=/; HttpOnly; Secure; SameSite=Lax';

/** Where the browser keeps its access token, if it has one. */
export function browserToken(lane: Lane): string | undefined {
  return (
    lane.localStorage.get(accessKey) ??
    lane.memory.get(accessKey) ??
    lane.jar.all.find((cookie) => cookie.name === 'access_token')?.value
  );
}

export function browserSessionId(lane: Lane): string | undefined {
  return lane.jar.all.find((cookie) => cookie.name === cookieName)?.value;
}

const loginBody = JSON.stringify({ username: 'ada@example.com', password: 'correct horse battery staple' });

/** Log in: the session flow creates a server-side session; the JWT flow signs a token. */
export async function logIn(
  lane: Lane,
  options: {
    jwtStorage?: JwtStorage;
    cookieAttributes?: string;
    host?: string;
    /** Log in the session way inside the JWT flow (the hybrid approach). */
    mode?: 'session' | 'jwt';
    /** Also issue a refresh token, as an HttpOnly cookie for the refresh endpoint only. */
    refreshToken?: () => Promise<string>;
  } = {},
): Promise<string> {
  const host = options.host ?? appHost;
  if ((options.mode ?? lane.flow) === 'session') {
    let sid: string | null = null;
    await lane.request({
      client: 'browser',
      request: {
        method: 'POST',
        host,
        path: '/login',
        headers: [['Content-Type', 'application/json']],
        body: loginBody,
      },
      label: 'POST /login (email + password)',
      narration: 'Ada logs in: the browser sends her email and password.',
      authenticate: async (server) => {
        sid = await lane.createSession(server, 'ada');
        return sid
          ? { ok: true, reason: 'password correct; a session was created' }
          : { ok: false, status: 503, reason: 'the session store is down, so no session can be created' };
      },
      respond: (auth) =>
        auth.ok
          ? {
              status: 200,
              headers: [
                [
                  'Set-Cookie',
                  `${cookieName}=${sid}; ${options.cookieAttributes ?? sessionCookieAttributes}`,
                ],
              ],
              body: '{"ok":true}',
            }
          : { status: 503, body: '{"error":"try again later"}' },
      answerNarration: (auth) =>
        auth.ok
          ? `The server answers with the session ID in a cookie (${options.cookieAttributes ?? sessionCookieAttributes}): a 43-character reference, nothing about Ada inside.`
          : 'Login fails: the session store is down.',
    });
    if (!sid) return '';
    const id: string = sid;
    lane.jar.set(`${cookieName}=${id}; ${options.cookieAttributes ?? sessionCookieAttributes}`, host);
    lane.noteCredential(id);
    lane.act(
      'browser',
      'store cookie sid',
      'The browser keeps the cookie and will attach it to every matching request by itself.',
      [{ kind: 'session-id', value: id }],
    );
    return id;
  }
  let token = '';
  let refresh = '';
  const refreshCookie = () => `rt=${refresh}; Path=/auth/refresh; HttpOnly; Secure; SameSite=Strict`;
  await lane.request({
    client: 'browser',
    request: {
      method: 'POST',
      host: 'auth.example.com',
      path: '/login',
      headers: [['Content-Type', 'application/json']],
      body: loginBody,
    },
    server: 'auth-server',
    label: 'POST /login (email + password)',
    narration: 'Ada logs in: the browser sends her email and password to the auth server.',
    authenticate: async () => {
      token = await lane.issueAccessToken();
      if (options.refreshToken) refresh = await options.refreshToken();
      lane.act(
        'auth-server',
        `sign access token (${lane.keys.alg}, ${byteLength(token)} B)`,
        `The auth server writes Ada\u2019s claims into a token and signs it. It keeps no record of it.`,
        [{ kind: 'access-token', value: token }],
      );
      return { ok: true, reason: 'password correct; a token was signed' };
    },
    respond: () => {
      const cookies: [string, string][] = refresh ? [['Set-Cookie', refreshCookie()]] : [];
      return options.jwtStorage === 'cookie'
        ? {
            status: 200,
            headers: [['Set-Cookie', `access_token=${token}; ${sessionCookieAttributes}`], ...cookies],
            body: '{"ok":true}',
          }
        : {
            status: 200,
            headers: [['Content-Type', 'application/json'], ...cookies],
            body: JSON.stringify({
              access_token: token,
              token_type: 'Bearer',
              expires_in: lane.profile.ttlSeconds,
            }),
          };
    },
    answerNarration: () =>
      `The auth server sends the signed token (${byteLength(token)} bytes): Ada\u2019s identity, roles and expiry travel with it, readable by anyone who decodes it.`,
    credentials: [],
  });
  if (refresh) lane.jar.set(refreshCookie(), 'auth.example.com');
  const storage = options.jwtStorage ?? 'localStorage';
  if (storage === 'cookie')
    lane.jar.set(`access_token=${token}; ${sessionCookieAttributes}`, 'auth.example.com');
  else (storage === 'memory' ? lane.memory : lane.localStorage).set(accessKey, token);
  lane.act(
    'browser',
    `store token in ${storage === 'cookie' ? 'an HttpOnly cookie' : storage === 'memory' ? 'page memory' : 'localStorage'}`,
    storage === 'localStorage'
      ? 'The page keeps the token in localStorage: any script on the page can read it.'
      : storage === 'memory'
        ? 'The page keeps the token in a variable: scripts cannot reach it by name, but a reload loses it.'
        : 'The token sits in an HttpOnly cookie: scripts cannot read it.',
    [
      { kind: 'access-token', value: token },
      ...(refresh ? [{ kind: 'refresh-token' as const, value: refresh }] : []),
    ],
  );
  return token;
}

/** An authenticated API call by the browser (with what it holds) or by the attacker (with the stolen copy). */
export async function sendRequest(
  lane: Lane,
  options: {
    client?: 'browser' | 'attacker';
    path?: string;
    host?: string;
    credential?: string;
    server?: string;
    narration?: string;
    mode?: 'session' | 'jwt';
    /** The attacker sends this from Ada's browser (an injected script): see SimEvent.attackerDriven. */
    attackerDriven?: boolean;
  } = {},
): Promise<AuthResult & { server: string }> {
  const client = options.client ?? 'browser';
  const host = options.host ?? appHost;
  const path = options.path ?? '/api/profile';
  const who = client === 'browser' ? 'Ada\u2019s browser' : 'The attacker';
  if ((options.mode ?? lane.flow) === 'session') {
    const request = { method: 'GET', host, path };
    const headers =
      client === 'browser'
        ? lane.browserHeaders(request).headers
        : options.credential
          ? ([['Cookie', `${cookieName}=${options.credential}`]] as [string, string][])
          : [];
    const sid = headers.find(([name]) => name === 'Cookie')?.[1].match(/sid=([^;]+)/)?.[1];
    return lane.request({
      client,
      request: { ...request, headers },
      label: `GET ${path}${sid ? ' + Cookie sid' : ' (no cookie)'}`,
      narration:
        options.narration ??
        `${who} asks for ${path}; ${sid ? `the ${byteLength(sid)}-byte session ID rides along in the Cookie header` : 'no session cookie goes with it'}.`,
      server: options.server,
      presented: sid,
      credentials: sid ? [{ kind: 'session-id', value: sid }] : undefined,
      attackerDriven: options.attackerDriven,
      authenticate: (server) => lane.sessionAuth(server, sid),
    });
  }
  const token = client === 'browser' ? browserToken(lane) : options.credential;
  const headers: [string, string][] = token ? [['Authorization', `Bearer ${token}`]] : [];
  return lane.request({
    client,
    request: { method: 'GET', host, path, headers },
    label: `GET ${path}${token ? ' + Bearer token' : ' (no token)'}`,
    narration:
      options.narration ??
      `${who} asks for ${path}; ${token ? `the whole ${byteLength(token)}-byte token rides along in the Authorization header` : 'no token goes with it'}.`,
    server: options.server,
    presented: token,
    credentials: token ? [{ kind: 'access-token', value: token }] : undefined,
    attackerDriven: options.attackerDriven,
    authenticate: (server) => lane.jwtAuth(server, token),
  });
}

/**
 * Logging out (seed 004: "logout = delete session from store"). The session flow sends the
 * cookie to POST /logout and the server deletes the record, so every copy of the ID dies with
 * it. A JWT logout only deletes the browser's own copy: no server holds anything to delete,
 * so a copy made earlier keeps working until its exp (seed 002, "Token Revocation").
 */
export async function logOut(lane: Lane): Promise<void> {
  if (lane.flow === 'session') {
    const request = { method: 'POST', host: appHost, path: '/logout' };
    const { headers } = lane.browserHeaders(request);
    const sid = headers.find(([name]) => name === 'Cookie')?.[1].match(/sid=([^;]+)/)?.[1];
    await lane.request({
      client: 'browser',
      request: { ...request, headers },
      label: `POST /logout${sid ? ' + Cookie sid' : ' (no cookie)'}`,
      narration: `Ada logs out at ${clockText(lane.now())}: the browser sends the session cookie to /logout.`,
      presented: sid,
      credentials: sid ? [{ kind: 'session-id', value: sid }] : undefined,
      authenticate: async (server) => {
        // The server loads the session like on any request (one lookup), then destroys it.
        const auth = await lane.sessionAuth(server, sid);
        if (!sid || !auth.ok) return auth;
        lane.markRevoked([sid]);
        lane.deleteSession(server, sid);
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
    await lane.noteAttacker();
    return;
  }
  const token = browserToken(lane);
  const where = lane.localStorage.has(accessKey)
    ? 'localStorage'
    : lane.memory.has(accessKey)
      ? 'page memory'
      : 'its cookie';
  lane.localStorage.delete(accessKey);
  lane.memory.delete(accessKey);
  lane.jar.delete(accessKey);
  if (token) lane.markRevoked([token]);
  const exp = token ? clockText(Number(decodeJwt(token).exp) * 1000) : '';
  lane.act(
    'browser',
    `log out at ${clockText(lane.now())}: delete the token from ${where}`,
    token
      ? `Ada logs out: the page deletes its own copy of the token. No server is told, and none could act on it: they keep no record of the token. Every other copy still works until its exp (${exp}).`
      : 'Ada logs out, but the page held no token.',
  );
  await lane.noteAttacker();
}

/**
 * An admin revokes Ada's access: the session flow deletes her session; the JWT flow has
 * nothing to delete unless it keeps a blocklist, where revoking writes the token's jti.
 */
export async function revoke(lane: Lane): Promise<void> {
  if (lane.flow === 'session') {
    const sid = browserSessionId(lane) ?? lane.stolen?.value ?? '';
    const alive = lane.sessionAlive(sid);
    lane.act(
      'admin',
      `revoke at ${clockText(lane.now())}`,
      alive
        ? 'The account is compromised: an admin revokes Ada\u2019s session.'
        : 'The account is compromised: an admin goes to revoke Ada\u2019s session and finds it already gone (logging out deleted it).',
    );
    lane.markRevoked([sid]);
    lane.deleteSession(lane.servers[0]!, sid);
    await lane.noteAttacker();
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
  await lane.noteAttacker();
}

export function jtiOf(token: string): string {
  try {
    const payload = JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as {
      jti?: string;
    };
    return payload.jti ?? '';
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
  await lane.noteAttacker();
}
