import { Lane, type TokenProfile } from './lane';
import { createSigningKeys } from './keys';
import { defaultProfile, profileFromToken } from './profile';
import { SeededRandom } from './random';
import { scenarios } from './scenarios';
import {
  defaultLatency,
  scenarioIds,
  type Flow,
  type RunOptions,
  type ScenarioId,
  type SimEvent,
  type SimulationRun,
} from './types';

export const isScenarioId = (id: string): id is ScenarioId => (scenarioIds as readonly string[]).includes(id);

/**
 * Plays one scenario to its end on both flows and returns every event and the counters.
 * Deterministic for a seed: both lanes draw their IDs and keys from generators seeded from
 * it, and the clock is simulated (tokens are still really signed and verified with jose).
 */
export async function runScenario(id: string, options: RunOptions = {}): Promise<SimulationRun> {
  if (!isScenarioId(id))
    throw new Error(`Unknown scenario "${id}". Known scenarios: ${scenarioIds.join(', ')}.`);
  const scenario = scenarios[id];
  const fallbackAlg = scenario.defaultAlg ?? 'HS256';
  const fromToken = options.token?.trim()
    ? profileFromToken(options.token, fallbackAlg, scenario.tokenChoosesAlg !== false)
    : undefined;
  const lanes = await createLanes(fromToken?.profile ?? defaultProfile(fallbackAlg), options);
  await scenario.session(lanes.session);
  await scenario.jwt(lanes.jwt);
  return buildRun(id, scenario.title, scenario.description, lanes, fromToken?.note);
}

/**
 * The two lanes of a run. Each draws its IDs from a generator seeded from `options.seed`; both
 * sign with one key, so a token from either lane verifies with the run's `verificationKey`.
 */
export async function createLanes(profile: TokenProfile, options: RunOptions): Promise<Record<Flow, Lane>> {
  const seed = options.seed ?? 1;
  const latency = { ...defaultLatency, ...options.latency };
  const keys = await createSigningKeys(profile.alg, new SeededRandom(seed ^ 0x5eed));
  return {
    session: new Lane('session', new SeededRandom(seed * 2 + 1), latency, profile, keys),
    jwt: new Lane('jwt', new SeededRandom(seed * 2 + 2), latency, profile, keys),
  };
}

export function buildRun(
  id: SimulationRun['id'],
  title: string,
  description: string,
  lanes: Record<Flow, Lane>,
  note?: string,
): SimulationRun {
  const run: SimulationRun = {
    id,
    title,
    description,
    events: mergeByTime(lanes.session.events, lanes.jwt.events),
    summary: { session: lanes.session.summary(), jwt: lanes.jwt.summary() },
    verificationKey: lanes.jwt.keys.verificationKeyText,
    alg: lanes.jwt.keys.alg,
  };
  if (note) run.fromToken = note;
  return run;
}

/** Both flows on one timeline: by simulated time, the session flow first on a tie. */
function mergeByTime(session: SimEvent[], jwt: SimEvent[]): SimEvent[] {
  const merged: SimEvent[] = [];
  let i = 0;
  let j = 0;
  while (i < session.length || j < jwt.length) {
    if (j >= jwt.length || (i < session.length && session[i]!.t <= jwt[j]!.t)) merged.push(session[i++]!);
    else merged.push(jwt[j++]!);
  }
  return merged;
}
