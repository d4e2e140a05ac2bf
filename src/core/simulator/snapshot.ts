/**
 * What a lane holds right after an event: the browser's credentials, the servers' records, the
 * store's state and the live counters. Every event carries one, so the view can show any step
 * without replaying the run.
 */
import { describeCookie, type Cookie } from './cookies';
import { byteLength } from './http';
import type { Lane } from './lane';
import type { HeldCredential, LaneSnapshot, ServerRecords } from './types';

export function snapshotOf(lane: Lane): LaneSnapshot {
  const stored = keptByPages(lane);
  return {
    browser: [
      ...lane.jar.all.map(describeCookie),
      ...stored.map(({ name, where, value }) => `${name} (${where}, ${byteLength(value)} B)`),
    ],
    held: [
      ...lane.jar.all.map(heldCookie),
      ...stored.map(({ name, where, value }) => ({ name, where, bytes: byteLength(value) })),
    ],
    serverRecords: serverRecordsOf(lane),
    store: lane.storeMode === 'none' && !lane.blocklist ? 'none' : lane.storeUp ? 'up' : 'down',
    storeEntries: storeEntriesOf(lane),
    servers: lane.servers.length,
    replicas: lane.balancer.enabled ? lane.servers.length : 1,
    now: lane.now(),
    counters: {
      requests: lane.counters.requests,
      bytesOnWire: lane.bytesOnWire,
      storeLookups: lane.counters.storeLookups,
      signatureChecks: lane.counters.signatureChecks,
      accepted: lane.counters.accepted,
      rejected: lane.counters.rejected,
    },
  };
}

/** What pages keep outside cookies: localStorage, the page's memory, other origins' pages. */
function keptByPages(lane: Lane): { name: string; where: string; value: string }[] {
  const kept = [
    ...[...lane.localStorage].map(([name, value]) => ({ name, where: 'localStorage', value })),
    ...[...lane.memory].map(([name, value]) => ({ name, where: 'page memory', value })),
  ];
  for (const [origin, memory] of lane.otherOrigins)
    for (const [name, value] of memory) kept.push({ name, where: `${origin} page memory`, value });
  return kept;
}

function heldCookie(cookie: Cookie): HeldCredential {
  const path = cookie.path === '/' ? '' : cookie.path;
  return {
    name: cookie.name,
    // A Domain cookie goes to the domain itself as well as every subdomain (RFC 6265bis §5.1.3).
    where: cookie.hostOnly
      ? `cookie for ${cookie.domain}${path}`
      : `cookie for ${cookie.domain} and its subdomains${path && `, Path=${path}`}`,
    bytes: byteLength(cookie.value),
  };
}

/** Sessions are counted wherever they live, whatever the flow (the hybrid JWT flow keeps one too). */
function serverRecordsOf(lane: Lane): ServerRecords[] {
  const records: ServerRecords[] = [];
  if (lane.sharedSessions.size || lane.storeMode === 'shared')
    records.push({ where: 'session-store', what: 'session', count: lane.sharedSessions.size });
  for (const [server, sessions] of lane.serverMemory)
    records.push({ where: `${server} memory`, what: 'session', count: sessions.size });
  if (lane.blocklist)
    records.push({ where: lane.storeName, what: 'revoked jti', count: lane.blocklist.size });
  for (const extra of lane.extraRecords)
    records.push({ where: extra.where, what: extra.what, count: extra.count() });
  return records;
}

/** The entries of the store this flow depends on: the blocklist, the servers' memories or the shared store. */
function storeEntriesOf(lane: Lane): number {
  if (lane.blocklist) return lane.blocklist.size;
  if (lane.storeMode === 'memory')
    return [...lane.serverMemory.values()].reduce((sum, sessions) => sum + sessions.size, 0);
  return lane.sharedSessions.size;
}
