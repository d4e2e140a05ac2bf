/**
 * The simulator driven by hand: the person logs in, sends requests, logs out, revokes,
 * lets the attacker steal the credential, advances the clock, adds a server or takes the
 * store down, and both flows take the same step. Each input is one call of the step
 * function; the result is the run so far, in the same shape as a scenario's.
 */
import { noteAttacker } from './attacker';
import type { Lane } from './lane';
import { defaultProfile, profileFromToken } from './profile';
import { buildRun, createLanes } from './run-scenario';
import { browserSessionId, browserToken, copyCredential, logIn, logOut, revoke, sendRequest } from './steps';
import { flows, type Flow, type RunOptions, type SimulationRun } from './types';

export const playgroundInputs = [
  'login',
  'request',
  'logout',
  'revoke',
  'steal',
  'attacker-request',
  'advance',
  'add-server',
  'store-down',
  'store-up',
] as const;
export type PlaygroundInput = (typeof playgroundInputs)[number];

export class Playground {
  readonly lanes: Record<Flow, Lane>;
  readonly #note: string | undefined;

  private constructor(lanes: Record<Flow, Lane>, note?: string) {
    this.lanes = lanes;
    this.#note = note;
  }

  static async create(options: RunOptions = {}): Promise<Playground> {
    const fromToken = options.token?.trim() ? profileFromToken(options.token, 'HS256', true) : undefined;
    const lanes = await createLanes(fromToken?.profile ?? defaultProfile(), options);
    for (const lane of Object.values(lanes)) {
      lane.servers = ['app-1'];
      lane.balancer.enabled = true;
    }
    return new Playground(lanes, fromToken?.note);
  }

  /** One step on both flows. */
  async apply(input: PlaygroundInput): Promise<SimulationRun> {
    for (const flow of flows) await step(this.lanes[flow], input);
    return this.run();
  }

  run(): SimulationRun {
    return buildRun(
      'playground',
      'Playground: drive it yourself',
      'Every button is one input of the step function, applied to both flows.',
      this.lanes,
      this.#note,
    );
  }
}

/** The JWT flow keeps no store: its operator reports the outage, nothing in the flow waits on it. */
const storeActor = (lane: Lane) => (lane.flow === 'session' || lane.blocklist ? lane.storeName : 'ops');

async function step(lane: Lane, input: PlaygroundInput): Promise<void> {
  switch (input) {
    case 'login':
      await logIn(lane);
      break;
    case 'request':
      await sendRequest(lane);
      break;
    case 'logout':
      await logOut(lane);
      break;
    case 'revoke':
      await revoke(lane);
      break;
    case 'steal':
      if (lane.flow === 'session' ? browserSessionId(lane) : browserToken(lane))
        await copyCredential(lane, 'malware on Ada\u2019s laptop');
      else lane.act('attacker', 'nothing to steal', 'The browser holds no credential yet: log in first.');
      break;
    case 'attacker-request':
      await sendRequest(lane, { client: 'attacker', credential: lane.stolen?.value });
      break;
    case 'advance':
      lane.advance(5 * 60_000, 'Five minutes pass.');
      break;
    case 'add-server':
      lane.servers.push(`app-${lane.servers.length + 1}`);
      lane.act(
        'ops',
        `add server app-${lane.servers.length}`,
        `A server joins: ${lane.flow === 'session' ? 'it answers by asking the shared session store' : 'it verifies tokens with the key it was given'}.`,
      );
      break;
    case 'store-down':
      lane.storeUp = false;
      lane.act(
        storeActor(lane),
        'store goes down',
        lane.flow === 'session'
          ? 'The session store fails: no server can check a session.'
          : 'The shared store fails: token checks never used it.',
      );
      break;
    case 'store-up':
      lane.storeUp = true;
      lane.act(storeActor(lane), 'store is back', 'The store answers again.');
      break;
  }
  await noteAttacker(lane);
}
