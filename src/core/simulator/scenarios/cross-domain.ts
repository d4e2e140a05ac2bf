import { serializeRequest, serializeResponse } from '../http';
import { siteOf } from '../cookies';
import type { Lane } from '../lane';
import { browserToken, logIn } from '../steps';
import type { ScenarioDefinition } from './definition';

/** The page at `pageHost` calls api.example.com from a script (fetch with credentials). */
async function callApi(lane: Lane, client: 'browser' | 'partner-page', pageHost: string) {
  const request = { method: 'GET', host: 'api.example.com', path: '/v1/orders' };
  if (lane.flow === 'session') {
    const { headers, decisions } = lane.browserHeaders(request, { site: siteOf(pageHost) });
    const sid = headers.find(([name]) => name === 'Cookie')?.[1].match(/sid=([^;]+)/)?.[1];
    await lane.request({
      client,
      server: 'api-server',
      request: { ...request, headers: [['Origin', `https://${pageHost}`], ...headers] },
      label: `GET api.example.com/v1/orders from ${pageHost}${sid ? ' + Cookie' : ' (no cookie)'}`,
      narration: `A script on ${pageHost} calls api.example.com. The browser decides which cookies go: ${decisions.map((d) => d.reason).join('; ')}.`,
      presented: sid,
      credentials: sid ? [{ kind: 'session-id', value: sid }] : undefined,
      authenticate: (server) => lane.sessionAuth(server, sid),
    });
    return;
  }
  const token = browserToken(lane);
  // Authorization is not a CORS-safelisted header, so the browser asks first (Fetch standard, CORS preflight).
  const origin = `https://${pageHost}`;
  lane.send({
    from: client,
    to: 'api-server',
    label: 'OPTIONS preflight (may I send Authorization?)',
    kind: 'request',
    narration: `Before sending a custom Authorization header to another origin, the browser asks api.example.com whether ${pageHost} may.`,
    wire: serializeRequest({
      method: 'OPTIONS',
      host: 'api.example.com',
      path: '/v1/orders',
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
    narration: 'The API allows it: the header is explicit, so any domain the API trusts can send it.',
    wire: serializeResponse({
      status: 204,
      headers: [
        ['Access-Control-Allow-Origin', origin],
        ['Access-Control-Allow-Headers', 'authorization'],
        ['Access-Control-Max-Age', '600'],
      ],
    }),
  });
  await lane.request({
    client,
    server: 'api-server',
    request: {
      ...request,
      headers: [
        ['Origin', origin],
        ['Authorization', `Bearer ${token}`],
      ],
    },
    label: `GET api.example.com/v1/orders from ${pageHost} + Bearer`,
    narration: `The script on ${pageHost} attaches the token itself: cookie scope does not matter.`,
    presented: token,
    credentials: token ? [{ kind: 'access-token', value: token }] : undefined,
    authenticate: (server) => lane.jwtAuth(server, token),
  });
}

export const crossDomainScenario: ScenarioDefinition = {
  id: 'cross-domain',
  title: 'Cross-domain: app.example.com calls api.example.com',
  description:
    'A host-only session cookie set by app.example.com never reaches api.example.com; widening it to Domain=example.com works but hands it to every subdomain, and a partner site on another domain still cannot use it. A JWT goes in the Authorization header to any API that trusts the issuer, after a CORS preflight.',
  async session(lane) {
    await logIn(lane);
    lane.advance(1000);
    await callApi(lane, 'browser', 'app.example.com');
    lane.advance(1000);
    lane.act(
      'ops',
      'widen the cookie: Domain=example.com',
      'The team widens the cookie to the parent domain so the API receives it. Now every subdomain, blog.example.com included, receives it too.',
    );
    await logIn(lane, { cookieAttributes: 'Domain=example.com; Path=/; HttpOnly; Secure; SameSite=Lax' });
    lane.advance(1000);
    await callApi(lane, 'browser', 'app.example.com');
    lane.advance(1000);
    await callApi(lane, 'partner-page', 'partner.example.org');
  },
  async jwt(lane) {
    await logIn(lane);
    lane.advance(1000);
    await callApi(lane, 'browser', 'app.example.com');
    lane.advance(1000);
    await callApi(lane, 'browser', 'app.example.com');
    lane.advance(1000);
    await callApi(lane, 'partner-page', 'partner.example.org');
  },
};
