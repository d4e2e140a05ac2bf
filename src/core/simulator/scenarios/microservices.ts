import { byteLength, serializeRequest, serializeResponse } from '../http';
import { jwtAuth } from '../jwt-auth';
import type { AuthResult, Lane } from '../lane';
import { sessionAuth } from '../session-store';
import { browserSessionId, browserToken, logIn } from '../steps';
import type { ScenarioDefinition } from './definition';

const chain = ['api-gateway', 'user-service', 'billing-service', 'notification-service'] as const;
const paths: Record<(typeof chain)[number], string> = {
  'api-gateway': '/api/checkout',
  'user-service': '/users/me',
  'billing-service': '/invoices',
  'notification-service': '/notify',
};

/**
 * One checkout: the gateway calls the user service, which calls billing, which calls
 * notification. Each service authenticates the caller's credential itself (zero trust
 * between services): with sessions that means a store lookup per hop, with a JWT a local
 * signature check per hop with the auth server's public key.
 */
async function checkout(lane: Lane) {
  const credential = lane.flow === 'session' ? browserSessionId(lane) : browserToken(lane);
  const header: [string, string] =
    lane.flow === 'session' ? ['Cookie', `sid=${credential}`] : ['Authorization', `Bearer ${credential}`];
  const started = lane.t;
  const results: AuthResult[] = [];
  let from = 'browser';
  for (const service of chain) {
    const wire = serializeRequest({
      method: 'POST',
      host: service === 'api-gateway' ? 'api.example.com' : `${service}.internal`,
      path: paths[service],
      headers: [header],
    });
    lane.counters.authenticatedRequests++;
    lane.counters.authenticatedRequestBytes += byteLength(wire);
    lane.send({
      from,
      to: service,
      label: `POST ${paths[service]} + ${lane.flow === 'session' ? 'session ID' : 'token'}`,
      kind: 'request',
      narration:
        from === 'browser'
          ? `Ada checks out: the request enters the API gateway with her ${lane.flow === 'session' ? 'session ID' : 'token'}.`
          : `${from} calls ${service} and passes the ${lane.flow === 'session' ? 'session ID' : 'token'} on.`,
      wire,
      credentials: credential
        ? [{ kind: lane.flow === 'session' ? 'session-id' : 'access-token', value: credential }]
        : undefined,
    });
    const auth =
      lane.flow === 'session'
        ? await sessionAuth(lane, service, credential)
        : await jwtAuth(lane, service, credential);
    results.push(auth);
    if (!auth.ok) break;
    from = service;
  }
  // The answers travel back along the chain.
  for (let i = results.length - 1; i >= 0; i--) {
    const service = chain[i]!;
    const to = i === 0 ? 'browser' : chain[i - 1]!;
    const ok = results.slice(i).every((r) => r.ok);
    const wire = serializeResponse(
      ok ? { status: 200, body: '{"ok":true}' } : { status: 401, body: '{"error":"unauthorized"}' },
    );
    lane.send({
      from: service,
      to,
      label: ok ? '200 OK' : '401 rejected',
      kind: 'response',
      narration: ok ? `${service} answers ${to}.` : `${service} refuses: ${results[i]!.reason}.`,
      wire,
      outcome: ok ? 'accepted' : 'rejected',
    });
    lane.countAnswer(ok ? 'accepted' : 'rejected', credential);
  }
  lane.counters.latencies.push(lane.t - started);
}

export const microservicesScenario: ScenarioDefinition = {
  id: 'microservices',
  title: 'Microservices: gateway → user → billing → notification',
  description:
    'One checkout crosses four services, each of which authenticates the caller. With sessions every hop asks the shared store (and depends on it); with a JWT signed by the auth server\u2019s private key (EdDSA), every hop verifies it alone with the public key.',
  defaultAlg: 'EdDSA',
  async session(lane) {
    await logIn(lane);
    for (let i = 0; i < 2; i++) {
      lane.advance(1000);
      await checkout(lane);
    }
  },
  async jwt(lane) {
    await logIn(lane);
    lane.act(
      'auth-server',
      `publish public key (${lane.keys.alg})`,
      'The services get the auth server\u2019s public key once. They can verify tokens but never sign one: asymmetric signing suits distributed systems.',
    );
    for (let i = 0; i < 2; i++) {
      lane.advance(1000);
      await checkout(lane);
    }
  },
};
