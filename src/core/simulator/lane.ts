/**
 * One flow of a scenario (session-based or JWT-based): its actors, their state, a simulated
 * clock and the counters. Every operation is a step of the state machine: it changes the
 * state, advances the clock by the latency model and records the events it caused.
 */
import { SignJWT, jwtVerify, decodeJwt, type JWTPayload } from 'jose';
import { CookieJar, describeCookie, siteOf, type CookieDecision } from './cookies';
import {
  byteLength,
  respCommand,
  respReply,
  serializeRequest,
  serializeResponse,
  type HttpRequest,
  type HttpResponse,
} from './http';
import type { SigningKeys } from './keys';
import type { SeededRandom } from './random';
import type {
  CarriedCredential,
  EventKind,
  Flow,
  FlowSummary,
  LatencyModel,
  HeldCredential,
  LaneSnapshot,
  Outcome,
  ServerRecords,
  SimEvent,
} from './types';

export interface TokenProfile {
  alg: string;
  ttlSeconds: number;
  /** One audience, or several (a person's token may name more than one, RFC 7519 §4.1.3). */
  audience: string | string[];
  issuer: string;
  /** Claims every access token carries besides iss, aud, iat, exp, jti. */
  claims: Record<string, unknown>;
  /** Header parameters besides alg (a person's token's typ, kid…), so sizes stay true. */
  header?: Record<string, unknown>;
  /** Bytes of randomness in each jti (16 by default; a person's token's own length). */
  jtiBytes?: number;
  /** Simulated wall-clock time at t = 0, epoch ms. */
  epochMs: number;
}

export interface SessionRecord {
  user: string;
  expiresAt: number;
}

export interface AuthResult {
  ok: boolean;
  /** In words, for the narration: why the server said yes or no. */
  reason: string;
  status?: number;
  payload?: JWTPayload;
}

export type ClientActor = 'browser' | 'attacker';

/** Actors outside the data centre: their messages cross the internet. */
const clientActors = new Set(['browser', 'attacker', 'evil-page', 'partner-page']);

export const clockText = (epochMs: number): string => new Date(epochMs).toISOString().slice(11, 19);

const cookieName = 'sid';

export class Lane {
  readonly flow: Flow;
  t = 0;
  readonly events: SimEvent[] = [];
  readonly random: SeededRandom;
  readonly latency: LatencyModel;
  readonly profile: TokenProfile;
  readonly keys: SigningKeys;

  // The browser's three places to keep a credential.
  readonly jar = new CookieJar();
  readonly localStorage = new Map<string, string>();
  readonly memory = new Map<string, string>();
  /**
   * What pages on other origins keep in their own memory (partner.example.org's own token).
   * Apart from the rest: a page on one origin cannot read another origin's storage.
   */
  readonly otherOrigins = new Map<string, Map<string, string>>();

  // Server-side state.
  storeMode: 'none' | 'shared' | 'memory';
  storeUp = true;
  storeName = 'session-store';
  readonly sharedSessions = new Map<string, SessionRecord>();
  readonly serverMemory = new Map<string, Map<string, SessionRecord>>();
  servers = ['app-server'];
  /** Session IDs each server lost from its memory when it restarted, so a miss says why. */
  readonly #lostInRestart = new Map<string, Set<string>>();
  balancer = { enabled: false, sticky: false, next: 0, pins: new Map<string, string>() };
  /** A JWT blocklist (`jti`s of revoked tokens), when the flow keeps one. */
  blocklist: Set<string> | null = null;

  /**
   * Server-side records a scenario keeps outside the session store and the blocklist (the
   * refresh-token families of expiry-refresh), counted into every snapshot.
   */
  readonly extraRecords: { where: string; what: ServerRecords['what']; count: () => number }[] = [];

  /** The copy of a credential the attacker holds, if any. */
  stolen: { kind: CarriedCredential['kind']; value: string } | null = null;
  /** Each revoked credential and when it was revoked (a logout and a later revoke keep the first). */
  readonly #revoked = new Map<string, number>();
  #revocationLagMs: number | undefined;

  #bytesOnWire = 0;

  readonly counters = {
    requests: 0,
    accepted: 0,
    rejected: 0,
    storeLookups: 0,
    signatureChecks: 0,
    lookupMs: 0,
    verifyMs: 0,
    credentialBytes: 0,
    authenticatedRequests: 0,
    authenticatedRequestBytes: 0,
    latencies: [] as number[],
  };

  constructor(
    flow: Flow,
    random: SeededRandom,
    latency: LatencyModel,
    profile: TokenProfile,
    keys: SigningKeys,
  ) {
    this.flow = flow;
    this.random = random;
    this.latency = latency;
    this.profile = profile;
    this.keys = keys;
    this.storeMode = flow === 'session' ? 'shared' : 'none';
  }

  /** Simulated wall-clock time, epoch ms. */
  now(): number {
    return this.profile.epochMs + this.t;
  }

  // ---- Recording ---------------------------------------------------------------------------

  snapshot(): LaneSnapshot {
    const browser = this.jar.all.map(describeCookie);
    for (const [key, value] of this.localStorage)
      browser.push(`${key} (localStorage, ${byteLength(value)} B)`);
    for (const [key, value] of this.memory) browser.push(`${key} (page memory, ${byteLength(value)} B)`);
    for (const [origin, memory] of this.otherOrigins)
      for (const [key, value] of memory)
        browser.push(`${key} (${origin} page memory, ${byteLength(value)} B)`);
    let storeEntries = this.sharedSessions.size;
    if (this.storeMode === 'memory')
      storeEntries = [...this.serverMemory.values()].reduce((sum, map) => sum + map.size, 0);
    if (this.blocklist) storeEntries = this.blocklist.size;
    return {
      browser,
      held: this.#held(),
      serverRecords: this.#serverRecords(),
      store: this.storeMode === 'none' && !this.blocklist ? 'none' : this.storeUp ? 'up' : 'down',
      storeEntries,
      servers: this.servers.length,
      replicas: this.balancer.enabled ? this.servers.length : 1,
      now: this.now(),
      counters: {
        requests: this.counters.requests,
        bytesOnWire: this.#bytesOnWire,
        storeLookups: this.counters.storeLookups,
        signatureChecks: this.counters.signatureChecks,
        accepted: this.counters.accepted,
        rejected: this.counters.rejected,
      },
    };
  }

  #held(): HeldCredential[] {
    const held: HeldCredential[] = this.jar.all.map((cookie) => ({
      name: cookie.name,
      // A Domain cookie goes to the domain itself as well as every subdomain (RFC 6265bis §5.1.3).
      where: cookie.hostOnly
        ? `cookie for ${cookie.domain}${cookie.path === '/' ? '' : cookie.path}`
        : `cookie for ${cookie.domain} and its subdomains${cookie.path === '/' ? '' : `, Path=${cookie.path}`}`,
      bytes: byteLength(cookie.value),
    }));
    for (const [name, value] of this.localStorage)
      held.push({ name, where: 'localStorage', bytes: byteLength(value) });
    for (const [name, value] of this.memory)
      held.push({ name, where: 'page memory', bytes: byteLength(value) });
    for (const [origin, memory] of this.otherOrigins)
      for (const [name, value] of memory)
        held.push({ name, where: `${origin} page memory`, bytes: byteLength(value) });
    return held;
  }

  /** Sessions are counted wherever they live, whatever the flow (the hybrid JWT flow keeps one too). */
  #serverRecords(): ServerRecords[] {
    const records: ServerRecords[] = [];
    if (this.sharedSessions.size || this.storeMode === 'shared')
      records.push({ where: 'session-store', what: 'session', count: this.sharedSessions.size });
    for (const [server, sessions] of this.serverMemory)
      records.push({ where: `${server} memory`, what: 'session', count: sessions.size });
    if (this.blocklist)
      records.push({ where: this.storeName, what: 'revoked jti', count: this.blocklist.size });
    for (const extra of this.extraRecords)
      records.push({ where: extra.where, what: extra.what, count: extra.count() });
    return records;
  }

  emit(event: {
    from: string;
    to: string;
    label: string;
    kind: EventKind;
    narration: string;
    wire?: string;
    outcome?: Outcome;
    credentials?: CarriedCredential[];
    attackerDriven?: boolean;
  }): SimEvent {
    if (event.wire !== undefined) this.#bytesOnWire += byteLength(event.wire);
    const recorded: SimEvent = {
      flow: this.flow,
      t: round(this.t),
      from: event.from,
      to: event.to,
      label: event.label,
      bytes: event.wire === undefined ? 0 : byteLength(event.wire),
      kind: event.kind,
      narration: event.narration,
      snapshot: this.snapshot(),
    };
    if (event.outcome) recorded.outcome = event.outcome;
    if (event.wire !== undefined) recorded.wire = event.wire;
    if (event.credentials?.length) recorded.credentials = event.credentials;
    if (event.attackerDriven) recorded.attackerDriven = true;
    this.events.push(recorded);
    return recorded;
  }

  /** A message between two actors: the clock moves by one trip, the event records its bytes. */
  send(event: Parameters<Lane['emit']>[0]): SimEvent {
    const external = clientActors.has(event.from) || clientActors.has(event.to);
    this.t += external ? this.latency.clientOneWayMs : this.latency.internalOneWayMs;
    return this.emit(event);
  }

  /** Something one actor does by itself (no bytes travel). */
  act(actor: string, label: string, narration: string, credentials?: CarriedCredential[]): SimEvent {
    return this.emit({ from: actor, to: actor, label, kind: 'action', narration, credentials });
  }

  advance(ms: number, narration?: string) {
    this.t += ms;
    if (narration) this.act('clock', `+${formatDuration(ms)} → ${clockText(this.now())}`, narration);
  }

  advanceTo(epochMs: number, narration?: string) {
    this.advance(Math.max(0, epochMs - this.now()), narration);
  }

  // ---- Revocation bookkeeping ------------------------------------------------------------

  markRevoked(values: string[]) {
    for (const value of values) if (value && !this.#revoked.has(value)) this.#revoked.set(value, this.t);
  }

  get revocationLagMs(): number | undefined {
    return this.#revocationLagMs;
  }

  #noteAnswer(outcome: Outcome, presented: string | undefined) {
    if (outcome === 'accepted') this.counters.accepted++;
    else this.counters.rejected++;
    this.counters.requests++;
    const revokedAt = presented === undefined ? undefined : this.#revoked.get(presented);
    if (outcome === 'rejected' && revokedAt !== undefined && this.#revocationLagMs === undefined)
      this.#revocationLagMs = round(this.t - revokedAt);
  }

  // ---- Requests ----------------------------------------------------------------------------

  /** The server a request lands on: round robin behind the balancer, pinned when sticky. */
  route(client: string): string {
    if (!this.balancer.enabled) return this.servers[0]!;
    const pinned = this.balancer.sticky ? this.balancer.pins.get(client) : undefined;
    if (pinned && this.servers.includes(pinned)) return pinned;
    const server = this.servers[this.balancer.next % this.servers.length]!;
    this.balancer.next++;
    if (this.balancer.sticky) this.balancer.pins.set(client, server);
    return server;
  }

  /** The browser builds a request: its cookie jar decides which cookies ride along. */
  browserHeaders(
    request: HttpRequest,
    page: { site?: string; topLevel?: boolean } = {},
  ): { headers: [string, string][]; decisions: CookieDecision[] } {
    const { header, decisions } = this.jar.headerFor({
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

  /**
   * One request and its answer: client → (load balancer) → server, the server authenticates
   * (store lookups and signature checks happen inside `authenticate`), and answers.
   */
  async request(options: {
    client: string;
    request: HttpRequest;
    label: string;
    narration: string;
    server?: string;
    presented?: string;
    credentials?: CarriedCredential[];
    /** The attacker drives this request through another client (see SimEvent.attackerDriven). */
    attackerDriven?: boolean;
    authenticate: (server: string) => Promise<AuthResult>;
    respond?: (auth: AuthResult, server: string) => HttpResponse;
    answerNarration?: (auth: AuthResult, server: string) => string;
  }): Promise<AuthResult & { server: string; response: HttpResponse }> {
    const started = this.t;
    const server = options.server ?? this.route(options.client);
    const wire = serializeRequest(options.request);
    const hasCredential = options.presented !== undefined;
    if (hasCredential) {
      this.counters.authenticatedRequests++;
      this.counters.authenticatedRequestBytes += byteLength(wire);
    }
    const viaBalancer = this.balancer.enabled && options.server === undefined;
    if (viaBalancer) {
      this.send({
        from: options.client,
        to: 'load-balancer',
        label: options.label,
        kind: 'request',
        narration: options.narration,
        wire,
        credentials: options.credentials,
        attackerDriven: options.attackerDriven,
      });
      this.send({
        from: 'load-balancer',
        to: server,
        label: `forward to ${server}${this.balancer.sticky ? ' (sticky)' : ' (round robin)'}`,
        kind: 'request',
        narration: `The load balancer picks ${server}${this.balancer.sticky ? ': this browser is pinned to it' : ': the next server in turn'}.`,
        wire,
      });
    } else {
      this.send({
        from: options.client,
        to: server,
        label: options.label,
        kind: 'request',
        narration: options.narration,
        wire,
        credentials: options.credentials,
        attackerDriven: options.attackerDriven,
      });
    }
    const auth = await options.authenticate(server);
    const response =
      options.respond?.(auth, server) ??
      (auth.ok
        ? {
            status: 200,
            headers: [['Content-Type', 'application/json']],
            body: '{"name":"Ada Lovelace","plan":"pro"}',
          }
        : {
            status: auth.status ?? 401,
            headers: [['Content-Type', 'application/json']],
            body: '{"error":"unauthorized"}',
          });
    const outcome: Outcome = auth.ok ? 'accepted' : 'rejected';
    const answerWire = serializeResponse(response as HttpResponse);
    const answerNarration = options.answerNarration?.(auth, server) ?? `${server}: ${auth.reason}`;
    const answerLabel = `${response.status} ${auth.ok ? 'OK' : 'rejected'}`;
    if (viaBalancer) {
      this.send({
        from: server,
        to: 'load-balancer',
        label: answerLabel,
        kind: 'response',
        narration: answerNarration,
        wire: answerWire,
      });
      this.#noteAnswerAt(outcome, options.presented, () =>
        this.send({
          from: 'load-balancer',
          to: options.client,
          label: answerLabel,
          kind: 'response',
          narration: `The load balancer relays ${server}’s answer (${answerLabel}) to the ${options.client === 'browser' ? 'browser' : options.client}; it decides nothing itself.`,
          wire: answerWire,
          outcome,
          attackerDriven: options.attackerDriven,
        }),
      );
    } else {
      this.#noteAnswerAt(outcome, options.presented, () =>
        this.send({
          from: server,
          to: options.client,
          label: answerLabel,
          kind: 'response',
          narration: answerNarration,
          wire: answerWire,
          outcome,
          attackerDriven: options.attackerDriven,
        }),
      );
    }
    this.counters.latencies.push(this.t - started);
    return { ...auth, server, response: response as HttpResponse };
  }

  #noteAnswerAt(outcome: Outcome, presented: string | undefined, send: () => SimEvent) {
    const event = send();
    this.#noteAnswer(outcome, presented);
    event.snapshot = this.snapshot();
  }

  /** A server's answer to a downstream call counts like any answer (microservices). */
  countAnswer(outcome: Outcome, presented?: string) {
    this.#noteAnswer(outcome, presented);
    const last = this.events[this.events.length - 1];
    if (last) last.snapshot = this.snapshot();
  }

  // ---- Session store -------------------------------------------------------------------

  /** A server restarts (a deploy): the sessions it kept in its own memory are gone. */
  restartServer(server: string) {
    const memory = this.serverMemory.get(server);
    if (!memory) return;
    this.#lostInRestart.set(server, new Set(memory.keys()));
    memory.clear();
  }

  #memoryOf(server: string): Map<string, SessionRecord> {
    let map = this.serverMemory.get(server);
    if (!map) this.serverMemory.set(server, (map = new Map()));
    return map;
  }

  /** Create a session: a fresh 256-bit random ID, written to the store. */
  async createSession(server: string, user: string, lifetimeMs = 8 * 3600_000): Promise<string | null> {
    const id = this.random.id(32);
    const record: SessionRecord = { user, expiresAt: this.now() + lifetimeMs };
    if (this.storeMode === 'memory') {
      this.t += this.latency.memoryLookupMs;
      this.#memoryOf(server).set(id, record);
      this.act(
        server,
        `keep session in ${server}'s own memory`,
        `${server} stores the session in its own memory: no other server knows it.`,
        [{ kind: 'session-id', value: id }],
      );
      return id;
    }
    const command = respCommand('SET', `sess:${id}`, JSON.stringify(record), 'PX', String(lifetimeMs));
    this.send({
      from: server,
      to: this.storeName,
      label: 'SET sess:… (new session)',
      kind: 'store',
      narration: `${server} writes the new session to the shared store: the state lives on the server side.`,
      wire: command,
      credentials: [{ kind: 'session-id', value: id }],
    });
    if (!this.storeUp) {
      this.t += 100;
      this.act(
        server,
        'store unreachable (100 ms timeout)',
        'The session store does not answer: no session can be created.',
      );
      return null;
    }
    this.t += this.latency.storeLookupMs;
    this.sharedSessions.set(id, record);
    this.send({
      from: this.storeName,
      to: server,
      label: '+OK',
      kind: 'store',
      narration: 'The store confirms.',
      wire: '+OK\r\n',
    });
    return id;
  }

  /** Delete a session: from then on, every request that carries its ID is refused. */
  deleteSession(server: string, id: string) {
    if (this.storeMode === 'memory') {
      for (const map of this.serverMemory.values()) map.delete(id);
      this.act(server, 'delete session from memory', 'The session is gone.');
      return;
    }
    const existed = this.sharedSessions.has(id);
    this.send({
      from: server,
      to: this.storeName,
      label: 'DEL sess:…',
      kind: 'store',
      narration: existed
        ? 'The server deletes the session record. Nothing else is needed: the ID now points at nothing.'
        : 'The server asks the store to delete the session, to be sure.',
      wire: respCommand('DEL', `sess:${id}`),
    });
    this.t += this.latency.storeLookupMs;
    this.sharedSessions.delete(id);
    this.send({
      from: this.storeName,
      to: server,
      label: existed ? ':1 (deleted)' : ':0 (nothing to delete)',
      kind: 'store',
      narration: existed ? 'Deleted.' : 'There was no such session left: it was already deleted.',
      wire: respReply(existed ? 1 : 0),
    });
  }

  /** The server looks the session ID up: in its own memory or in the shared store. */
  async sessionAuth(server: string, sid: string | undefined): Promise<AuthResult> {
    if (!sid)
      return {
        ok: false,
        status: 401,
        reason: 'no session cookie arrived with the request, so there is nothing to look up',
      };
    const cost =
      this.storeMode === 'memory'
        ? this.latency.memoryLookupMs
        : 2 * this.latency.internalOneWayMs + this.latency.storeLookupMs;
    this.counters.storeLookups++;
    let record: SessionRecord | undefined;
    if (this.storeMode === 'memory') {
      this.t += this.latency.memoryLookupMs;
      this.counters.lookupMs += cost;
      record = this.#memoryOf(server).get(sid);
      this.act(
        server,
        `look up sid in ${server}'s memory: ${record ? 'found' : 'not found'}`,
        record
          ? `${server} finds the session in its own memory.`
          : this.#lostInRestart.get(server)?.has(sid)
            ? `${server} no longer has this session: it was lost when ${server} restarted.`
            : `${server} has never seen this session: it was created on another server.`,
      );
    } else {
      const command = respCommand('GET', `sess:${sid}`);
      this.send({
        from: server,
        to: this.storeName,
        label: 'GET sess:… (lookup)',
        kind: 'store',
        narration: `${server} asks the session store who this session ID belongs to: one lookup per request.`,
        wire: command,
      });
      if (!this.storeUp) {
        this.t += 100;
        this.counters.lookupMs += 100;
        this.act(
          server,
          'session store down: no answer (100 ms timeout)',
          `${server} cannot reach the session store, so it cannot tell who is asking.`,
        );
        return {
          ok: false,
          status: 503,
          reason: 'the session store is down: no session can be checked, every user is locked out',
        };
      }
      this.t += this.latency.storeLookupMs;
      this.counters.lookupMs += cost;
      record = this.sharedSessions.get(sid);
      this.send({
        from: this.storeName,
        to: server,
        label: record ? 'session found' : 'nil (no such session)',
        kind: 'store',
        narration: record
          ? `The store returns the session of ${record.user}.`
          : 'The store has no session with this ID.',
        wire: respReply(record ? JSON.stringify(record) : null),
      });
    }
    if (!record && this.storeMode === 'memory' && this.#lostInRestart.get(server)?.has(sid))
      return { ok: false, status: 401, reason: 'this session was lost when the server restarted' };
    if (!record)
      return {
        ok: false,
        status: 401,
        reason: 'no session with this ID exists (deleted, expired or never created here)',
      };
    if (record.expiresAt <= this.now()) return { ok: false, status: 401, reason: 'the session has expired' };
    return { ok: true, reason: `session found: this is ${record.user}` };
  }

  /** Probe, without sending anything: would this session ID be accepted right now? */
  sessionAlive(sid: string): boolean {
    if (this.storeMode === 'memory') return [...this.serverMemory.values()].some((map) => map.has(sid));
    const record = this.sharedSessions.get(sid);
    return this.storeUp && !!record && record.expiresAt > this.now();
  }

  // ---- Tokens ----------------------------------------------------------------------------

  async issueAccessToken(
    extra: Record<string, unknown> = {},
    ttlSeconds = this.profile.ttlSeconds,
    keys = this.keys,
  ): Promise<string> {
    this.t += this.latency.signMs;
    const iat = Math.floor(this.now() / 1000);
    const token = await new SignJWT({ ...this.profile.claims, ...extra })
      .setProtectedHeader({ typ: 'JWT', ...this.profile.header, alg: keys.alg })
      .setIssuer(this.profile.issuer)
      .setAudience(this.profile.audience)
      .setIssuedAt(iat)
      .setExpirationTime(iat + ttlSeconds)
      .setJti(this.random.id(this.profile.jtiBytes ?? 16))
      .sign(keys.signingKey);
    this.counters.credentialBytes = Math.max(this.counters.credentialBytes, byteLength(token));
    return token;
  }

  /** A real signature check with jose at the simulated time (RFC 7519 §7.2), plus the blocklist. */
  async jwtAuth(server: string, token: string | undefined, keys = this.keys): Promise<AuthResult> {
    if (!token) return { ok: false, status: 401, reason: 'no token arrived with the request' };
    const verdict = await this.verifyToken(token, keys);
    this.counters.signatureChecks++;
    this.counters.verifyMs += this.latency.verifyMs;
    this.t += this.latency.verifyMs;
    this.act(
      server,
      `verify ${keys.alg} signature + exp: ${verdict.ok ? 'valid' : 'invalid'}`,
      verdict.ok
        ? `${server} checks the signature with the key it already holds and reads the claims from the token itself: no lookup, no network.`
        : `${server} checks the token locally: ${verdict.reason}.`,
    );
    if (!verdict.ok || !this.blocklist) return verdict;
    const jti = String(verdict.payload?.jti ?? '');
    this.counters.storeLookups++;
    this.counters.lookupMs += 2 * this.latency.internalOneWayMs + this.latency.storeLookupMs;
    this.send({
      from: server,
      to: this.storeName,
      label: 'EXISTS revoked:<jti> (blocklist)',
      kind: 'store',
      narration: `${server} must also ask the blocklist whether this token was revoked: the lookup per request is back.`,
      wire: respCommand('EXISTS', `revoked:${jti}`),
    });
    if (!this.storeUp) {
      this.t += 100;
      return {
        ok: false,
        status: 503,
        reason: 'the blocklist store is down: the server cannot tell revoked tokens from good ones',
      };
    }
    this.t += this.latency.storeLookupMs;
    const revoked = this.blocklist.has(jti);
    this.send({
      from: this.storeName,
      to: server,
      label: revoked ? '1 (revoked)' : '0 (not revoked)',
      kind: 'store',
      narration: revoked ? 'The token is on the blocklist.' : 'Not on the blocklist.',
      wire: respReply(revoked ? 1 : 0),
    });
    return revoked
      ? { ok: false, status: 401, reason: 'the signature is valid, but this token is on the blocklist' }
      : verdict;
  }

  async verifyToken(token: string, keys = this.keys): Promise<AuthResult> {
    try {
      const { payload } = await jwtVerify(token, keys.verifyingKey, {
        algorithms: [keys.alg],
        issuer: this.profile.issuer,
        audience: this.profile.audience,
        currentDate: new Date(this.now()),
      });
      return {
        ok: true,
        reason: `signature valid, expires at ${clockText(Number(payload.exp) * 1000)}: this is ${String(payload.sub)}`,
        payload,
      };
    } catch (error) {
      return { ok: false, status: 401, reason: joseReason(error, token) };
    }
  }

  // ---- The attacker's view ---------------------------------------------------------------

  /** After an action: what the attacker's copy of a credential allows now (tested, not assumed). */
  async noteAttacker(): Promise<void> {
    const last = this.events[this.events.length - 1];
    if (!last || !this.stolen) return;
    last.attacker = await this.describeStolen();
  }

  async describeStolen(): Promise<string> {
    const stolen = this.stolen;
    if (!stolen) return 'The attacker holds nothing.';
    if (stolen.kind === 'session-id') {
      if (this.sessionAlive(stolen.value))
        return 'The copied session ID works: the store still has its session, so the attacker is the user until the session is deleted.';
      if (this.storeMode === 'shared' && !this.storeUp)
        return 'The copied session ID is useless right now: the store is down (so is the user).';
      return 'The copied session ID is worthless: its session no longer exists on the server.';
    }
    if (stolen.kind === 'refresh-token')
      return 'The attacker holds a refresh token; only the auth server can tell whether its family is still alive.';
    const verdict = await this.verifyToken(stolen.value);
    if (!verdict.ok) return `The copied token is refused: ${verdict.reason}.`;
    if (this.blocklist?.has(String(verdict.payload?.jti)))
      return 'The copied token has a valid signature, but it is on the blocklist: refused.';
    const left = Number(verdict.payload?.exp) * 1000 - this.now();
    return `The copied token still works: every server accepts it until ${clockText(Number(verdict.payload?.exp) * 1000)} (${formatDuration(left)} from now), and nobody can take it back.`;
  }

  // ---- Summary ---------------------------------------------------------------------------

  summary(): FlowSummary {
    const c = this.counters;
    const bytesOnWire = this.events.reduce((sum, event) => sum + event.bytes, 0);
    const meanLatencyMs = c.latencies.length
      ? round(c.latencies.reduce((a, b) => a + b, 0) / c.latencies.length)
      : 0;
    const summary: FlowSummary = {
      requests: c.requests,
      bytesOnWire,
      storeLookups: c.storeLookups,
      signatureChecks: c.signatureChecks,
      accepted: c.accepted,
      rejected: c.rejected,
      lookupMs: round(c.lookupMs),
      verifyMs: round(c.verifyMs),
      credentialBytes: c.credentialBytes,
      authenticatedRequests: c.authenticatedRequests,
      authenticatedRequestBytes: c.authenticatedRequestBytes,
      meanLatencyMs,
    };
    if (this.#revocationLagMs !== undefined) summary.revocationLagMs = this.#revocationLagMs;
    return summary;
  }

  noteCredential(value: string) {
    this.counters.credentialBytes = Math.max(this.counters.credentialBytes, byteLength(value));
  }

  get cookieName(): string {
    return cookieName;
  }
}

/** jose's error codes, in a person's words (one table, as the house rules ask). */
const joseReasons: Record<string, (token: string) => string> = {
  ERR_JWT_EXPIRED: (token) => `the token expired at ${clockText(Number(decodeJwt(token).exp) * 1000)}`,
  ERR_JWS_SIGNATURE_VERIFICATION_FAILED: () =>
    'the signature does not match the server\u2019s key (forged or tampered)',
  ERR_JOSE_ALG_NOT_ALLOWED: () => 'the token\u2019s algorithm is not the one this server accepts',
  ERR_JWT_CLAIM_VALIDATION_FAILED: () => 'a claim (issuer or audience) is not what this server expects',
  ERR_JWS_INVALID: () => 'the token is not a well-formed signed token',
  ERR_JWT_INVALID: () => 'the token\u2019s payload is not a valid set of claims',
};

export function joseReason(error: unknown, token: string): string {
  const code = (error as { code?: string }).code ?? '';
  try {
    return joseReasons[code]?.(token) ?? 'the token could not be verified';
  } catch {
    return 'the token could not be verified';
  }
}

export const round = (value: number): number => Math.round(value * 1000) / 1000;

export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < 1) return `${round(ms * 1000)} µs`;
  if (abs < 1000) return `${round(ms)} ms`;
  if (abs < 120_000) return `${round(ms / 1000)} s`;
  if (abs < 7_200_000) return `${round(ms / 60_000)} min`;
  return `${round(ms / 3_600_000)} h`;
}

export { cookieName };
