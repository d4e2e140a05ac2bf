/**
 * Server-side sessions: created, looked up and deleted in the shared store (Redis, spoken in
 * RESP on the wire) or in each server's own memory. Each lookup costs a round trip to the store
 * and is counted: the price the seeds put on sessions.
 */
import { respCommand, respReply } from './http';
import type { AuthResult, Lane, SessionRecord } from './lane';

/** How long a store that is down keeps a server waiting before it gives up. */
export const storeTimeoutMs = 100;

/** Create a session: a fresh 256-bit random ID, written to the store. */
export async function createSession(
  lane: Lane,
  server: string,
  user: string,
  lifetimeMs = 8 * 3600_000,
): Promise<string | null> {
  const id = lane.random.id(32);
  const record: SessionRecord = { user, expiresAt: lane.now() + lifetimeMs };
  if (lane.storeMode === 'memory') {
    lane.t += lane.latency.memoryLookupMs;
    memoryOf(lane, server).set(id, record);
    lane.act(
      server,
      `keep session in ${server}'s own memory`,
      `${server} stores the session in its own memory: no other server knows it.`,
      [{ kind: 'session-id', value: id }],
    );
    return id;
  }
  lane.send({
    from: server,
    to: lane.storeName,
    label: 'SET sess:… (new session)',
    kind: 'store',
    narration: `${server} writes the new session to the shared store: the state lives on the server side.`,
    wire: respCommand('SET', `sess:${id}`, JSON.stringify(record), 'PX', String(lifetimeMs)),
    credentials: [{ kind: 'session-id', value: id }],
  });
  if (!lane.storeUp) {
    lane.t += storeTimeoutMs;
    lane.act(
      server,
      'store unreachable (100 ms timeout)',
      'The session store does not answer: no session can be created.',
    );
    return null;
  }
  lane.t += lane.latency.storeLookupMs;
  lane.sharedSessions.set(id, record);
  storeAnswers(lane, server, '+OK', 'The store confirms.', '+OK\r\n');
  return id;
}

/** Delete a session: from then on, every request that carries its ID is refused. */
export function deleteSession(lane: Lane, server: string, id: string) {
  if (lane.storeMode === 'memory') {
    for (const sessions of lane.serverMemory.values()) sessions.delete(id);
    lane.act(server, 'delete session from memory', 'The session is gone.');
    return;
  }
  const existed = lane.sharedSessions.has(id);
  lane.send({
    from: server,
    to: lane.storeName,
    label: 'DEL sess:…',
    kind: 'store',
    narration: existed
      ? 'The server deletes the session record. Nothing else is needed: the ID now points at nothing.'
      : 'The server asks the store to delete the session, to be sure.',
    wire: respCommand('DEL', `sess:${id}`),
  });
  lane.t += lane.latency.storeLookupMs;
  lane.sharedSessions.delete(id);
  storeAnswers(
    lane,
    server,
    existed ? ':1 (deleted)' : ':0 (nothing to delete)',
    existed ? 'Deleted.' : 'There was no such session left: it was already deleted.',
    respReply(existed ? 1 : 0),
  );
}

/** The server looks the session ID up: in its own memory or in the shared store. */
export async function sessionAuth(lane: Lane, server: string, sid: string | undefined): Promise<AuthResult> {
  if (!sid)
    return {
      ok: false,
      status: 401,
      reason: 'no session cookie arrived with the request, so there is nothing to look up',
    };
  lane.counters.storeLookups++;
  const record =
    lane.storeMode === 'memory' ? lookUpInMemory(lane, server, sid) : lookUpInStore(lane, server, sid);
  if (record === 'store down')
    return {
      ok: false,
      status: 503,
      reason: 'the session store is down: no session can be checked, every user is locked out',
    };
  if (!record && lane.storeMode === 'memory' && lane.lostInRestart.get(server)?.has(sid))
    return { ok: false, status: 401, reason: 'this session was lost when the server restarted' };
  if (!record)
    return {
      ok: false,
      status: 401,
      reason: 'no session with this ID exists (deleted, expired or never created here)',
    };
  if (record.expiresAt <= lane.now()) return { ok: false, status: 401, reason: 'the session has expired' };
  return { ok: true, reason: `session found: this is ${record.user}` };
}

function lookUpInMemory(lane: Lane, server: string, sid: string): SessionRecord | undefined {
  lane.t += lane.latency.memoryLookupMs;
  lane.counters.lookupMs += lane.latency.memoryLookupMs;
  const record = memoryOf(lane, server).get(sid);
  lane.act(
    server,
    `look up sid in ${server}'s memory: ${record ? 'found' : 'not found'}`,
    record
      ? `${server} finds the session in its own memory.`
      : lane.lostInRestart.get(server)?.has(sid)
        ? `${server} no longer has this session: it was lost when ${server} restarted.`
        : `${server} has never seen this session: it was created on another server.`,
  );
  return record;
}

function lookUpInStore(lane: Lane, server: string, sid: string): SessionRecord | undefined | 'store down' {
  lane.send({
    from: server,
    to: lane.storeName,
    label: 'GET sess:… (lookup)',
    kind: 'store',
    narration: `${server} asks the session store who this session ID belongs to: one lookup per request.`,
    wire: respCommand('GET', `sess:${sid}`),
  });
  if (!lane.storeUp) {
    lane.t += storeTimeoutMs;
    lane.counters.lookupMs += storeTimeoutMs;
    lane.act(
      server,
      'session store down: no answer (100 ms timeout)',
      `${server} cannot reach the session store, so it cannot tell who is asking.`,
    );
    return 'store down';
  }
  lane.t += lane.latency.storeLookupMs;
  lane.counters.lookupMs += 2 * lane.latency.internalOneWayMs + lane.latency.storeLookupMs;
  const record = lane.sharedSessions.get(sid);
  storeAnswers(
    lane,
    server,
    record ? 'session found' : 'nil (no such session)',
    record ? `The store returns the session of ${record.user}.` : 'The store has no session with this ID.',
    respReply(record ? JSON.stringify(record) : null),
  );
  return record;
}

/** The store's reply to the server that asked it. */
export function storeAnswers(lane: Lane, server: string, label: string, narration: string, wire: string) {
  lane.send({ from: lane.storeName, to: server, label, kind: 'store', narration, wire });
}

/** Probe, without sending anything: would this session ID be accepted right now? */
export function sessionAlive(lane: Lane, sid: string): boolean {
  if (lane.storeMode === 'memory')
    return [...lane.serverMemory.values()].some((sessions) => sessions.has(sid));
  const record = lane.sharedSessions.get(sid);
  return lane.storeUp && !!record && record.expiresAt > lane.now();
}

/** A server restarts (a deploy): the sessions it kept in its own memory are gone. */
export function restartServer(lane: Lane, server: string) {
  const memory = lane.serverMemory.get(server);
  if (!memory) return;
  lane.lostInRestart.set(server, new Set(memory.keys()));
  memory.clear();
}

function memoryOf(lane: Lane, server: string): Map<string, SessionRecord> {
  let sessions = lane.serverMemory.get(server);
  if (!sessions) lane.serverMemory.set(server, (sessions = new Map()));
  return sessions;
}
