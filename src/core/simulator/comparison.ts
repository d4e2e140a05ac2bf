/**
 * The seeds' comparison table (seed 002's "TL;DR", seed 004's table), rebuilt from one run's
 * own events and counters: every cell is a figure this run measured, or says that this
 * scenario does not exercise the row (and which one does).
 */
import { formatDuration } from './lane';
import type { Flow, FlowSummary, SimEvent, SimulationRun } from './types';

export interface ComparisonRow {
  aspect: string;
  /** What the seed documents claim, to be checked against the cells. */
  claim: string;
  session: string;
  jwt: string;
}

const perRequest = (value: number, requests: number) =>
  requests ? (value / requests).toFixed(2).replace(/\.00$/, '') : '0';

function flowEvents(run: SimulationRun, flow: Flow): SimEvent[] {
  return run.events.filter((event) => event.flow === flow);
}

function stateCell(run: SimulationRun, flow: Flow, summary: FlowSummary): string {
  const events = flowEvents(run, flow);
  const records = Math.max(0, ...events.map((event) => event.snapshot.storeEntries));
  const holds = new Set(
    events.flatMap((event) =>
      event.snapshot.browser.map((item) => item.split(' (')[1]?.split(/[,)]/)[0] ?? ''),
    ),
  );
  const where = [...holds].filter(Boolean).join(', ');
  const server = events.some((event) => event.snapshot.store !== 'none')
    ? `${records} record${records === 1 ? '' : 's'} on the server`
    : 'nothing on the server';
  return `${server}; browser holds a ${summary.credentialBytes} B credential${where ? ` (${where})` : ''}`;
}

function scalabilityCell(run: SimulationRun, flow: Flow): string {
  const events = flowEvents(run, flow);
  const servers = Math.max(...events.map((event) => event.snapshot.servers));
  const down = events.filter((event) => event.snapshot.store === 'down');
  const answers = events.filter((event) => event.outcome);
  if (servers < 2 && !down.length) return 'not exercised here (see scale-out)';
  const downAnswers = answers.filter((event) => event.snapshot.store === 'down');
  const downAccepted = downAnswers.filter((event) => event.outcome === 'accepted').length;
  const spread = new Set(
    events
      .filter((event) => event.kind === 'request' && /^(app|api|naive|hardened|web)-/.test(event.to))
      .map((e) => e.to),
  ).size;
  const parts = [
    `${answers.filter((e) => e.outcome === 'accepted').length}/${answers.length} answers accepted across ${servers} servers`,
  ];
  if (spread) parts[0] += ` (requests reached ${spread})`;
  if (downAnswers.length) parts.push(`with the store down: ${downAccepted}/${downAnswers.length} accepted`);
  return parts.join('; ');
}

function revocationCell(summary: FlowSummary, run: SimulationRun, flow: Flow): string {
  if (summary.revocationLagMs !== undefined)
    return `${formatDuration(summary.revocationLagMs)} from revoke to first refusal`;
  const revoked = flowEvents(run, flow).some((event) => /revoke|log out/.test(event.label));
  return revoked
    ? 'revoked credential never refused in this run'
    : 'not exercised here (see logout-revocation)';
}

function crossDomainCell(run: SimulationRun, flow: Flow): string {
  const answers = flowEvents(run, flow).filter((event) => event.outcome && event.from === 'api-server');
  if (!answers.length) return 'not exercised here (see cross-domain)';
  const accepted = answers.filter((event) => event.outcome === 'accepted').length;
  const preflights = flowEvents(run, flow).filter((event) => event.label.startsWith('OPTIONS')).length;
  return `${accepted}/${answers.length} calls to api.example.com accepted${preflights ? ` (+${preflights} CORS preflights)` : ''}`;
}

function microservicesCell(run: SimulationRun, flow: Flow, summary: FlowSummary): string {
  const events = flowEvents(run, flow);
  const checkouts = events.filter((event) => event.from === 'browser' && event.to === 'api-gateway').length;
  if (!checkouts) return 'not exercised here (see microservices)';
  const hops = events.filter(
    (event) => event.kind === 'request' && /-(service|gateway)$/.test(event.to),
  ).length;
  return `${summary.storeLookups} store lookups and ${summary.signatureChecks} signature checks for ${checkouts} checkouts (${hops} service hops)`;
}

function attackCell(run: SimulationRun, flow: Flow): string {
  const answers = flowEvents(run, flow).filter((event) => event.outcome && event.to === 'attacker');
  if (!answers.length) return 'no attack in this run (see attacks, stolen-credential)';
  const accepted = answers.filter((event) => event.outcome === 'accepted');
  const naive = accepted.filter((event) => event.from.startsWith('naive')).length;
  const hardened = accepted.filter((event) => event.from.startsWith('hardened')).length;
  const split = naive || hardened ? ` (naive ${naive}, hardened ${hardened})` : '';
  return `${accepted.length}/${answers.length} attacker requests accepted${split}`;
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
      ...cell((summary, flow) => stateCell(run, flow, summary)),
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
      ...cell(
        (summary) =>
          `credential ${summary.credentialBytes} B; ${perRequest(summary.authenticatedRequestBytes, summary.authenticatedRequests)} B per authenticated request; ${summary.bytesOnWire} B on the wire in all`,
      ),
    },
    {
      aspect: 'Cross-domain',
      claim: 'Cookies are bound to their domain; an Authorization header goes anywhere.',
      ...cell((_, flow) => crossDomainCell(run, flow)),
    },
    {
      aspect: 'Offline verification',
      claim: 'A JWT is verified with a key alone; a session needs a lookup.',
      ...cell(
        (summary) => `${summary.signatureChecks} signature checks, ${summary.storeLookups} store lookups`,
      ),
    },
    {
      aspect: 'Lookups per request',
      claim: 'Sessions: one per request. JWT: none (until a blocklist brings them back).',
      ...cell(
        (summary) =>
          `${perRequest(summary.storeLookups, summary.authenticatedRequests)} (${summary.storeLookups} over ${summary.authenticatedRequests} requests)`,
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
