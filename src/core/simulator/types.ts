/**
 * The simulator's data: what one run of a scenario produced, event by event. The view
 * animates exactly these events, so the page and the model never disagree (DESIGN.md).
 */

export type Flow = 'session' | 'jwt';
export const flows: readonly Flow[] = ['session', 'jwt'];

export type Outcome = 'accepted' | 'rejected';

/** What an event is: a request, a server's answer, a store round trip, or an action. */
export type EventKind = 'request' | 'response' | 'store' | 'action' | 'attack' | 'check';

/** A credential an event carries, so the view can open it in the Decoder. */
export interface CarriedCredential {
  kind: 'session-id' | 'access-token' | 'refresh-token' | 'forged-token';
  value: string;
}

/** What the browser holds and what the servers hold, right after the event. */
export interface LaneSnapshot {
  /** Each entry in words: `sid (cookie: HttpOnly, Secure, SameSite=Lax)`. */
  browser: string[];
  /** The credentials the browser holds, each on its own (a refresh cookie and an access token are two). */
  held: HeldCredential[];
  /** Every record the servers keep for this flow: sessions, refresh-token families, blocklisted jtis. */
  serverRecords: ServerRecords[];
  store: 'none' | 'up' | 'down';
  storeEntries: number;
  servers: number;
  /**
   * Copies of one app behind the load balancer (1 without a balancer): what scaling out means.
   * Two different apps side by side (naive-api and hardened-api) are not replicas.
   */
  replicas: number;
  /** Simulated wall-clock time, epoch ms. */
  now: number;
  /** The flow's counters so far, this event included: the live counters of the view. */
  counters: LiveCounters;
}

export interface HeldCredential {
  /** The cookie or storage key: `sid`, `access_token`, `rt`. */
  name: string;
  /** In words: `cookie for app.example.com`, `localStorage`, `page memory`. */
  where: string;
  bytes: number;
}

export interface ServerRecords {
  /** Which store or server holds them: `session-store`, `token-store`, `app-1 memory`. */
  where: string;
  what: 'session' | 'refresh-token family' | 'revoked jti';
  count: number;
}

/** A flow's counters so far: the view shows them live, the run's summary ends with them. */
export interface LiveCounters {
  requests: number;
  bytesOnWire: number;
  storeLookups: number;
  signatureChecks: number;
  accepted: number;
  rejected: number;
}

export interface SimEvent {
  flow: Flow;
  /** Simulated milliseconds since the scenario started. */
  t: number;
  from: string;
  to: string;
  label: string;
  /** What the message carries on the wire, in bytes (0 for an action inside one actor). */
  bytes: number;
  /** On a server's answer to a request that needed authentication (or a login). */
  outcome?: Outcome;
  kind: EventKind;
  /** One sentence in plain words: what happens and why it matters. */
  narration: string;
  /** The message as it would travel (HTTP text, a store command), when there is one. */
  wire?: string;
  credentials?: CarriedCredential[];
  /**
   * Set where the attacker drives a request through someone else's client (a script injected
   * into Ada's tab, a page on the attacker's site): it counts as an attacker request.
   */
  attackerDriven?: boolean;
  /** What a credential the attacker holds still allows right now, when the attacker holds one. */
  attacker?: string;
  snapshot: LaneSnapshot;
}

export interface FlowSummary extends LiveCounters {
  /** From "revoke" to the first rejection of the revoked credential; absent where nothing was revoked. */
  revocationLagMs?: number;
  /** Simulated time spent looking up stores and checking signatures. */
  lookupMs: number;
  verifyMs: number;
  /** Bytes of the credential itself (session ID or access token), the largest one seen. */
  credentialBytes: number;
  /** Requests sent with a credential, and the bytes those requests carried. */
  authenticatedRequests: number;
  authenticatedRequestBytes: number;
  /** Mean simulated time from a request leaving the client to its answer arriving. */
  meanLatencyMs: number;
}

export interface SimulationRun {
  /** The scenario, or `playground` for a run driven by hand. */
  id: ScenarioId | 'playground';
  title: string;
  /** What the scenario shows, in a sentence or two. */
  description: string;
  events: SimEvent[];
  summary: Record<Flow, FlowSummary>;
  /** The key that verifies the run's access tokens, as text the Verifier accepts (JWK or PEM). */
  verificationKey: string;
  alg: string;
  /** Where the person's own token drove the scenario: what was taken from it. */
  fromToken?: string;
}

export const scenarioIds = [
  'login',
  'logout-revocation',
  'expiry-refresh',
  'stolen-credential',
  'scale-out',
  'microservices',
  'cross-domain',
  'blocklist',
  'hybrid',
  'attacks',
] as const;

export type ScenarioId = (typeof scenarioIds)[number];

export interface RunOptions {
  seed?: number;
  /** A person's own token: its exp, iat, aud and alg drive the scenario. */
  token?: string;
  latency?: Partial<LatencyModel>;
}

/**
 * Simulated costs. Defaults follow the seed documents: a session-store lookup costs
 * "1–2 ms" (a Redis round trip inside a data centre); a signature check costs microseconds.
 */
export interface LatencyModel {
  /** Browser or attacker to the edge of the system, one way. */
  clientOneWayMs: number;
  /** Between machines inside the data centre, one way. */
  internalOneWayMs: number;
  /** Time the store takes to answer a lookup (on top of the internal trip). */
  storeLookupMs: number;
  /** A lookup in the app server's own memory. */
  memoryLookupMs: number;
  /** One signature verification. */
  verifyMs: number;
  /** One signature creation. */
  signMs: number;
}

export const defaultLatency: LatencyModel = {
  clientOneWayMs: 20,
  internalOneWayMs: 0.25,
  storeLookupMs: 1,
  memoryLookupMs: 0.01,
  verifyMs: 0.05,
  signMs: 0.05,
};
