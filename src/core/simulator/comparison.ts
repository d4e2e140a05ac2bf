/**
 * The seeds' comparison table (seed 002's "TL;DR", seed 004's table), rebuilt from one run's
 * own events and counters: every cell is a figure this run measured, or says that this
 * scenario does not exercise the row (and which one does).
 */
import { eventsOf } from './flow-events';
import { formatDuration } from './time';
import type { Flow, FlowSummary, ServerRecords, SimEvent, SimulationRun } from './types';

export interface ComparisonRow {
  aspect: string;
  /** What the seed documents claim, to be checked against the cells. */
  claim: string;
  session: string;
  jwt: string;
}

const perRequest = (value: number, requests: number) =>
  requests ? (value / requests).toFixed(2).replace(/\.00$/, '') : '0';

/** `1 server`, `3 servers`: a count with its noun. */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

const recordNouns: Record<ServerRecords['what'], [string, string]> = {
  session: ['session', 'sessions'],
  'refresh-token family': ['refresh-token family', 'refresh-token families'],
  'revoked jti': ['revoked jti', 'revoked jtis'],
};

/** Each credential the browser held during the run, once, at its largest: `sid 43 B (cookie for app.example.com)`. */
function heldCredentials(events: SimEvent[]): string[] {
  const largest = new Map<string, { name: string; where: string; bytes: number }>();
  for (const event of events)
    for (const held of event.snapshot.held) {
      const key = `${held.name}\u0000${held.where}`;
      if ((largest.get(key)?.bytes ?? -1) < held.bytes) largest.set(key, held);
    }
  return [...largest.values()].map((held) => `${held.name} ${held.bytes} B (${held.where})`);
}

/**
 * What the servers keep and what the browser keeps. Every server-side record counts (sessions,
 * refresh-token families, blocklisted jtis), at the most there were at once in this run.
 */
function stateCell(run: SimulationRun, flow: Flow): string {
  const events = eventsOf(run, flow);
  const most = new Map<string, ServerRecords>();
  for (const event of events)
    for (const records of event.snapshot.serverRecords) {
      const key = `${records.what}\u0000${records.where}`;
      if ((most.get(key)?.count ?? -1) < records.count) most.set(key, records);
    }
  const kept = [...most.values()].filter((records) => records.count > 0);
  const server = kept.length
    ? `the server keeps ${kept.map((records) => `${count(records.count, ...recordNouns[records.what])} (${records.where})`).join(', ')}`
    : 'nothing on the server';
  const held = heldCredentials(events);
  return `${server}; the browser holds ${held.length ? held.join(', ') : 'nothing'}`;
}

/** The credential's size, each credential on its own where the browser held more than one. */
function sizeCell(run: SimulationRun, flow: Flow, summary: FlowSummary): string {
  const held = heldCredentials(eventsOf(run, flow));
  const credentials =
    held.length > 1 ? `credentials ${held.join(', ')}` : `credential ${summary.credentialBytes} B`;
  return `${credentials}; ${perRequest(summary.authenticatedRequestBytes, summary.authenticatedRequests)} B per authenticated request; ${summary.bytesOnWire} B on the wire in all`;
}

/**
 * Scaling out means replicas of one app behind a load balancer (or the shared store they all
 * depend on failing). Two different apps in one run, such as the attacks scenario's naive-api
 * and hardened-api, say nothing about scalability.
 */
function scalabilityCell(run: SimulationRun, flow: Flow): string {
  const events = eventsOf(run, flow);
  const replicas = Math.max(...events.map((event) => event.snapshot.replicas));
  const down = events.filter((event) => event.snapshot.store === 'down');
  const answers = events.filter((event) => event.outcome);
  if (replicas < 2 && !down.length) return 'not exercised here (see scale-out)';
  const downAnswers = answers.filter((event) => event.snapshot.store === 'down');
  const downAccepted = downAnswers.filter((event) => event.outcome === 'accepted').length;
  const spread = new Set(
    events
      .filter((event) => event.kind === 'request' && /^(app|api|naive|hardened|web)-/.test(event.to))
      .map((e) => e.to),
  ).size;
  const parts = [
    `${answers.filter((e) => e.outcome === 'accepted').length}/${answers.length} answers accepted across ${count(replicas, 'server')}`,
  ];
  if (spread) parts[0] += ` (requests reached ${spread})`;
  if (downAnswers.length) parts.push(`with the store down: ${downAccepted}/${downAnswers.length} accepted`);
  return parts.join('; ');
}

function revocationCell(summary: FlowSummary, run: SimulationRun, flow: Flow): string {
  if (summary.revocationLagMs !== undefined)
    return `${formatDuration(summary.revocationLagMs)} from revocation (logout or revoke) to the first refusal`;
  const revoked = eventsOf(run, flow).some((event) => /revoke|log out/.test(event.label));
  return revoked
    ? 'revoked credential never refused in this run'
    : 'not exercised here (see logout-revocation)';
}

function crossDomainCell(run: SimulationRun, flow: Flow): string {
  const answers = eventsOf(run, flow).filter((event) => event.outcome && event.from === 'api-server');
  if (!answers.length) return 'not exercised here (see cross-domain)';
  const accepted = answers.filter((event) => event.outcome === 'accepted').length;
  const preflights = eventsOf(run, flow).filter((event) => event.label.startsWith('OPTIONS')).length;
  return `${accepted}/${answers.length} calls to api.example.com accepted${preflights ? ` (+${count(preflights, 'CORS preflight')})` : ''}`;
}

function microservicesCell(run: SimulationRun, flow: Flow, summary: FlowSummary): string {
  const events = eventsOf(run, flow);
  const checkouts = events.filter((event) => event.from === 'browser' && event.to === 'api-gateway').length;
  if (!checkouts) return 'not exercised here (see microservices)';
  const hops = events.filter(
    (event) => event.kind === 'request' && /-(service|gateway)$/.test(event.to),
  ).length;
  return `${count(summary.storeLookups, 'store lookup')} and ${count(summary.signatureChecks, 'signature check')} for ${count(checkouts, 'checkout')} (${count(hops, 'service hop')})`;
}

/** Answers to the attacker's own machine, and to requests it drove through Ada's browser or its page. */
function attackCell(run: SimulationRun, flow: Flow): string {
  const answers = eventsOf(run, flow).filter(
    (event) => event.outcome && (event.to === 'attacker' || event.attackerDriven),
  );
  if (!answers.length) return 'no attack in this run (see attacks, stolen-credential)';
  const accepted = answers.filter((event) => event.outcome === 'accepted');
  const naive = accepted.filter((event) => event.from.startsWith('naive')).length;
  const hardened = accepted.filter((event) => event.from.startsWith('hardened')).length;
  const split = naive || hardened ? ` (naive ${naive}, hardened ${hardened})` : '';
  return `${accepted.length}/${count(answers.length, 'attacker request')} accepted${split}`;
}

export function compareFlows(run: SimulationRun): ComparisonRow[] {
  const { session, jwt } = run.summary;
  const cell = (fn: (summary: FlowSummary, flow: Flow) => string) => ({
    session: fn(session, 'session'),
    jwt: fn(jwt, 'jwt'),
  });
  return [
    {
      aspect: 'State storage',
      claim: 'Sessions keep state on the server; a JWT carries it in the client.',
      ...cell((_, flow) => stateCell(run, flow)),
    },
    {
      aspect: 'Scalability',
      claim: 'JWTs scale without shared state; sessions need a shared store (a single point of failure).',
      ...cell((_, flow) => scalabilityCell(run, flow)),
    },
    {
      aspect: 'Revocation',
      claim: 'Deleting a session is instant; a JWT stays valid until exp unless a blocklist is added.',
      ...cell((summary, flow) => revocationCell(summary, run, flow)),
    },
    {
      aspect: 'Size',
      claim: 'A session ID is ~32 bytes; a JWT is much larger (seeds: 1–2 KB typical).',
      ...cell((summary, flow) => sizeCell(run, flow, summary)),
    },
    {
      aspect: 'Cross-domain',
      claim:
        'Cookies are bound to their domain; an Authorization header goes anywhere whose CORS policy allows it.',
      ...cell((_, flow) => crossDomainCell(run, flow)),
    },
    {
      aspect: 'Offline verification',
      claim: 'A JWT is verified with a key alone; a session needs a lookup.',
      ...cell(
        (summary) =>
          `${count(summary.signatureChecks, 'signature check')}, ${count(summary.storeLookups, 'store lookup')}`,
      ),
    },
    {
      aspect: 'Lookups per request',
      claim: 'Sessions: one per request. JWT: none (until a blocklist brings them back).',
      ...cell(
        (summary) =>
          `${perRequest(summary.storeLookups, summary.authenticatedRequests)} (${count(summary.storeLookups, 'lookup')} over ${count(summary.authenticatedRequests, 'request')})`,
      ),
    },
    {
      aspect: 'Latency',
      claim: 'A store lookup costs 1–2 ms; a signature check costs microseconds.',
      ...cell(
        (summary) =>
          `${formatDuration((summary.lookupMs + summary.verifyMs) / Math.max(1, summary.authenticatedRequests))} of auth work per request; ${formatDuration(summary.meanLatencyMs)} mean round trip`,
      ),
    },
    {
      aspect: 'Microservices',
      claim: 'Each service verifies a JWT alone; with sessions every service asks the shared store.',
      ...cell((summary, flow) => microservicesCell(run, flow, summary)),
    },
    {
      aspect: 'Attack surface',
      claim: 'JWTs have more pitfalls (alg none, key confusion, weak secrets); sessions fewer.',
      ...cell((_, flow) => attackCell(run, flow)),
    },
  ];
}
