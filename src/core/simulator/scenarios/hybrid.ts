import { noteAttacker } from '../attacker';
import { expiresAtMs, issueAccessToken } from '../jwt-auth';
import type { Lane } from '../lane';
import { browserHeaders, roundTrip, sessionIdIn } from '../round-trip';
import { deleteSession, sessionAuth } from '../session-store';
import { browserSessionId, copyCredential, logIn, revoke, sendRequest } from '../steps';
import type { ScenarioDefinition } from './definition';

const apiLifetimeSeconds = (lane: Lane) => Math.min(lane.profile.ttlSeconds, 300);

/** The web app exchanges its session for a short-lived API token (seed 002, "Can you use both?"). */
async function mintApiToken(lane: Lane): Promise<string | null> {
  const request = { method: 'POST', host: 'app.example.com', path: '/auth/api-token' };
  const { headers } = browserHeaders(lane, request);
  const sid = sessionIdIn(headers);
  let token: string | null = null;
  await roundTrip(lane, {
    client: 'browser',
    server: 'web-server',
    request: { ...request, headers },
    label: 'POST /auth/api-token + Cookie sid',
    narration: `The web app needs to call the API from the page: it trades its session for a JWT that lives ${apiLifetimeSeconds(lane) / 60} minutes.`,
    presented: sid,
    credentials: sid ? [{ kind: 'session-id', value: sid }] : undefined,
    authenticate: async (server) => {
      const auth = await sessionAuth(lane, server, sid);
      if (!auth.ok) return auth;
      token = await issueAccessToken(lane, { scope: 'api' }, apiLifetimeSeconds(lane));
      lane.act(
        server,
        `sign ${apiLifetimeSeconds(lane) / 60}-minute API token`,
        'The session is valid, so the server signs a short-lived token for the API.',
        [{ kind: 'access-token', value: token }],
      );
      return { ...auth, reason: 'session valid: short-lived API token issued' };
    },
    respond: (auth) =>
      auth.ok
        ? { status: 200, body: JSON.stringify({ access_token: token, expires_in: apiLifetimeSeconds(lane) }) }
        : { status: 401, body: '{"error":"log in again"}' },
  });
  if (token) lane.memory.set('access_token', token);
  return token;
}

export const hybridScenario: ScenarioDefinition = {
  id: 'hybrid',
  title: 'Hybrid: sessions for the web app, a short-lived JWT for the API',
  description:
    'The web app uses a session cookie (instant revocation); when a page needs the API it trades the session for a 5-minute JWT kept in page memory. Revoking the session stops the web app at once and the API within the short token\u2019s remaining life, because no new token can be minted.',
  async session(lane) {
    lane.servers = ['web-server'];
    await logIn(lane);
    for (const path of ['/dashboard', '/settings']) {
      lane.advance(1000);
      await sendRequest(lane, { path, server: 'web-server' });
    }
    await copyCredential(lane, 'a shared computer');
    lane.advance(30_000);
    await revoke(lane);
    await sendRequest(lane, { path: '/dashboard', server: 'web-server' });
    await sendRequest(lane, { client: 'attacker', credential: lane.stolen?.value, server: 'web-server' });
    await noteAttacker(lane);
  },
  async jwt(lane) {
    lane.servers = ['web-server'];
    lane.act(
      'ops',
      'web app: sessions; API: short-lived JWTs',
      'The same users, the same revocation: the API side runs on 5-minute tokens minted from the session.',
    );
    await logIn(lane, { mode: 'session' });
    lane.advance(1000);
    const token = await mintApiToken(lane);
    for (const path of ['/v1/orders', '/v1/invoices']) {
      lane.advance(1000);
      await sendRequest(lane, { host: 'api.example.com', path, server: 'api-server' });
    }
    await copyCredential(lane, 'a shared computer');
    lane.advance(30_000);
    const sid = browserSessionId(lane) ?? '';
    lane.act(
      'admin',
      'revoke: delete the session',
      'An admin revokes Ada\u2019s session. The API token already issued cannot be recalled, but it is short.',
    );
    lane.markRevoked([token ?? '']);
    deleteSession(lane, 'web-server', sid);
    await noteAttacker(lane);
    await sendRequest(lane, { host: 'api.example.com', path: '/v1/orders', server: 'api-server' });
    const expMs = token ? expiresAtMs(token) : lane.now();
    lane.advanceTo(expMs, 'The API token reaches its exp.');
    await sendRequest(lane, {
      host: 'api.example.com',
      path: '/v1/orders',
      server: 'api-server',
      client: 'attacker',
      credential: lane.stolen?.value,
    });
    await noteAttacker(lane);
    await mintApiToken(lane);
  },
};
