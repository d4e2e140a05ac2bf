/**
 * One request and its answer, hop by hop: client → (load balancer) → server, the server
 * authenticates, and the answer travels back the same way. The scenarios and steps build on it.
 */
import { siteOf, type CookieDecision } from './cookies';
import { byteLength, serializeRequest, serializeResponse, type HttpRequest, type HttpResponse } from './http';
import type { AuthResult, Lane } from './lane';
import type { CarriedCredential, Outcome } from './types';

export interface RoundTrip {
  client: string;
  request: HttpRequest;
  label: string;
  narration: string;
  /** A server of the caller's choosing; otherwise the balancer (or the only server) picks. */
  server?: string;
  /** The credential the request carries, so revocation can be timed to its first refusal. */
  presented?: string;
  credentials?: CarriedCredential[];
  /** The attacker drives this request through another client (see SimEvent.attackerDriven). */
  attackerDriven?: boolean;
  /** The server's check; store lookups and signature checks happen inside. */
  authenticate: (server: string) => Promise<AuthResult>;
  respond?: (auth: AuthResult, server: string) => HttpResponse;
  answerNarration?: (auth: AuthResult, server: string) => string;
}

export async function roundTrip(
  lane: Lane,
  options: RoundTrip,
): Promise<AuthResult & { server: string; response: HttpResponse }> {
  const started = lane.t;
  const server = options.server ?? route(lane, options.client);
  const hops = { server, viaBalancer: lane.balancer.enabled && options.server === undefined };
  carryRequest(lane, options, hops);
  const auth = await options.authenticate(server);
  const response = options.respond?.(auth, server) ?? defaultAnswer(auth);
  carryAnswer(lane, options, hops, auth, response);
  lane.counters.latencies.push(lane.t - started);
  return { ...auth, server, response };
}

/** Which server answers, and whether the balancer stands between it and the client. */
interface Hops {
  server: string;
  viaBalancer: boolean;
}

/** The request travels to the server, through the balancer when there is one. */
function carryRequest(lane: Lane, options: RoundTrip, { server, viaBalancer }: Hops) {
  const wire = serializeRequest(options.request);
  if (options.presented !== undefined) {
    lane.counters.authenticatedRequests++;
    lane.counters.authenticatedRequestBytes += byteLength(wire);
  }
  lane.send({
    from: options.client,
    to: viaBalancer ? 'load-balancer' : server,
    label: options.label,
    kind: 'request',
    narration: options.narration,
    wire,
    credentials: options.credentials,
    attackerDriven: options.attackerDriven,
  });
  if (!viaBalancer) return;
  const how = lane.balancer.sticky
    ? { label: 'sticky', why: 'this browser is pinned to it' }
    : { label: 'round robin', why: 'the next server in turn' };
  lane.send({
    from: 'load-balancer',
    to: server,
    label: `forward to ${server} (${how.label})`,
    kind: 'request',
    narration: `The load balancer picks ${server}: ${how.why}.`,
    wire,
  });
}

/** The answer travels back the same way; its arrival at the client is counted. */
function carryAnswer(
  lane: Lane,
  options: RoundTrip,
  { server, viaBalancer }: Hops,
  auth: AuthResult,
  response: HttpResponse,
) {
  const { client, attackerDriven } = options;
  const outcome: Outcome = auth.ok ? 'accepted' : 'rejected';
  const label = `${response.status} ${auth.ok ? 'OK' : 'rejected'}`;
  const answer = { label, kind: 'response', wire: serializeResponse(response) } as const;
  const narration = options.answerNarration?.(auth, server) ?? `${server}: ${auth.reason}`;
  if (viaBalancer) {
    lane.send({ ...answer, from: server, to: 'load-balancer', narration });
    lane.send({
      ...answer,
      from: 'load-balancer',
      to: client,
      narration: `The load balancer relays ${server}’s answer (${label}) to the ${client}; it decides nothing itself.`,
      outcome,
      attackerDriven,
    });
  } else {
    lane.send({ ...answer, from: server, to: client, narration, outcome, attackerDriven });
  }
  lane.countAnswer(outcome, options.presented);
}

/** The app's answer when a scenario does not write its own: the profile, or a refusal. */
function defaultAnswer(auth: AuthResult): HttpResponse {
  return auth.ok
    ? {
        status: 200,
        headers: [['Content-Type', 'application/json']],
        body: '{"name":"Ada Lovelace","plan":"pro"}',
      }
    : {
        status: auth.status ?? 401,
        headers: [['Content-Type', 'application/json']],
        body: '{"error":"unauthorized"}',
      };
}

/** The server a request lands on: round robin behind the balancer, pinned when sticky. */
function route(lane: Lane, client: string): string {
  const balancer = lane.balancer;
  if (!balancer.enabled) return lane.servers[0]!;
  const pinned = balancer.sticky ? balancer.pins.get(client) : undefined;
  if (pinned && lane.servers.includes(pinned)) return pinned;
  const server = lane.servers[balancer.next % lane.servers.length]!;
  balancer.next++;
  if (balancer.sticky) balancer.pins.set(client, server);
  return server;
}

/** The browser builds a request: its cookie jar decides which cookies ride along. */
export function browserHeaders(
  lane: Lane,
  request: HttpRequest,
  page: { site?: string; topLevel?: boolean } = {},
): { headers: [string, string][]; decisions: CookieDecision[] } {
  const { header, decisions } = lane.jar.headerFor({
    host: request.host,
    path: request.path,
    scheme: request.scheme ?? 'https',
    initiatorSite: page.site ?? siteOf(request.host),
    method: request.method,
    topLevel: page.topLevel ?? false,
  });
  const headers = [...(request.headers ?? [])];
  if (header) headers.push(['Cookie', header]);
  return { headers, decisions };
}

/** The session ID a request's Cookie header carries, if any. */
export const sessionIdIn = (headers: [string, string][]): string | undefined =>
  headers.find(([name]) => name === 'Cookie')?.[1].match(/sid=([^;]+)/)?.[1];
