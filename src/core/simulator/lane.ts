/**
 * One flow of a scenario (session-based or JWT-based): its actors, their state, a simulated
 * clock and the counters. Every operation is a step of the state machine: it changes the
 * state, advances the clock by the latency model and records the events it caused.
 *
 * This class holds the state and records events; the operations live beside it, one module a
 * concern: round-trip.ts (a request through the balancer and its answer), session-store.ts,
 * jwt-auth.ts (signing and checking access tokens), attacker.ts (what a stolen copy allows),
 * snapshot.ts (what every event says the lane holds).
 */
import { CookieJar } from './cookies';
import { byteLength } from './http';
import type { SigningKeys } from './keys';
import type { SeededRandom } from './random';
import { snapshotOf } from './snapshot';
import { clockText, formatDuration, round } from './time';
import type {
  CarriedCredential,
  EventKind,
  Flow,
  FlowSummary,
  LatencyModel,
  Outcome,
  ServerRecords,
  SimEvent,
} from './types';
import type { JWTPayload } from 'jose';

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

/** One event as an operation describes it; the lane adds the time, the size and the snapshot. */
export interface EventInput {
  from: string;
  to: string;
  label: string;
  kind: EventKind;
  narration: string;
  wire?: string;
  outcome?: Outcome;
  credentials?: CarriedCredential[];
  attackerDriven?: boolean;
}

/** Actors outside the data centre: their messages cross the internet. */
const clientActors = new Set(['browser', 'attacker', 'evil-page', 'partner-page']);

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
  /** Session IDs each server lost from its memory when it restarted, so a miss says why. */
  readonly lostInRestart = new Map<string, Set<string>>();
  servers = ['app-server'];
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

  /** Bytes on the wire so far, for the live counters. */
  bytesOnWire = 0;

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

  /** Records an event at the current time, with what the lane holds right after it. */
  emit(event: EventInput): SimEvent {
    const bytes = event.wire === undefined ? 0 : byteLength(event.wire);
    this.bytesOnWire += bytes;
    const recorded: SimEvent = {
      flow: this.flow,
      t: round(this.t),
      from: event.from,
      to: event.to,
      label: event.label,
      bytes,
      kind: event.kind,
      narration: event.narration,
      snapshot: snapshotOf(this),
    };
    if (event.outcome) recorded.outcome = event.outcome;
    if (event.wire !== undefined) recorded.wire = event.wire;
    if (event.credentials?.length) recorded.credentials = event.credentials;
    if (event.attackerDriven) recorded.attackerDriven = true;
    this.events.push(recorded);
    return recorded;
  }

  /** A message between two actors: the clock moves by one trip, the event records its bytes. */
  send(event: EventInput): SimEvent {
    const external = clientActors.has(event.from) || clientActors.has(event.to);
    this.t += external ? this.latency.clientOneWayMs : this.latency.internalOneWayMs;
    return this.emit(event);
  }

  /** Something one actor does by itself (no bytes travel). */
  act(actor: string, label: string, narration: string, credentials?: CarriedCredential[]): SimEvent {
    return this.emit({ from: actor, to: actor, label, kind: 'action', narration, credentials });
  }

  /** Time passes; with a narration, the clock says so as an event of its own. */
  advance(ms: number, narration?: string) {
    this.t += ms;
    if (narration) this.act('clock', `+${formatDuration(ms)} → ${clockText(this.now())}`, narration);
  }

  advanceTo(epochMs: number, narration?: string) {
    this.advance(Math.max(0, epochMs - this.now()), narration);
  }

  // ---- Counting answers and revocations -----------------------------------------------------

  markRevoked(values: string[]) {
    for (const value of values) if (value && !this.#revoked.has(value)) this.#revoked.set(value, this.t);
  }

  /**
   * Counts a server's answer to a request (the event just recorded), and refreshes that event's
   * snapshot so its counters include it. The first refusal of a revoked credential ends the
   * revocation lag.
   */
  countAnswer(outcome: Outcome, presented?: string) {
    if (outcome === 'accepted') this.counters.accepted++;
    else this.counters.rejected++;
    this.counters.requests++;
    const revokedAt = presented === undefined ? undefined : this.#revoked.get(presented);
    if (outcome === 'rejected' && revokedAt !== undefined && this.#revocationLagMs === undefined)
      this.#revocationLagMs = round(this.t - revokedAt);
    const last = this.events[this.events.length - 1];
    if (last) last.snapshot = snapshotOf(this);
  }

  /** The largest credential seen, for the comparison's size row. */
  noteCredential(value: string) {
    this.counters.credentialBytes = Math.max(this.counters.credentialBytes, byteLength(value));
  }

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
}
