import { noteAttacker } from '../attacker';
import type { Lane } from '../lane';
import { restartServer } from '../session-store';
import { logIn, sendRequest } from '../steps';
import type { ScenarioDefinition } from './definition';

const threeServers = (lane: Lane) => {
  lane.servers = ['app-1', 'app-2', 'app-3'];
  lane.balancer.enabled = true;
};

async function requests(lane: Lane, count: number) {
  for (let i = 0; i < count; i++) {
    lane.advance(1000);
    await sendRequest(lane);
    await noteAttacker(lane);
  }
}

export const scaleOutScenario: ScenarioDefinition = {
  id: 'scale-out',
  title: 'Scale out: three servers behind a load balancer',
  description:
    'Sessions kept in each server\u2019s memory break behind a round-robin balancer; sticky sessions patch it until a server restarts; a shared store (Redis) fixes it at the cost of a network lookup per request, and takes everyone down with it. JWTs are verified by any server, including one added later.',
  async session(lane) {
    threeServers(lane);
    lane.storeMode = 'memory';
    lane.act(
      'ops',
      '3 servers, sessions in each server\u2019s memory',
      'Phase 1: three app servers, each keeping sessions in its own memory, behind a round-robin balancer.',
    );
    await logIn(lane);
    await requests(lane, 3);
    lane.balancer.sticky = true;
    lane.balancer.pins.set('browser', 'app-1');
    lane.act(
      'load-balancer',
      'enable sticky sessions',
      'Phase 2: sticky sessions. The balancer pins Ada\u2019s browser to app-1, the server that knows her session.',
    );
    await requests(lane, 3);
    restartServer(lane, 'app-1');
    lane.act(
      'app-1',
      'app-1 restarts (deploy): its memory is wiped',
      'app-1 is redeployed. The sessions it held in memory are gone.',
    );
    await requests(lane, 1);
    lane.storeMode = 'shared';
    lane.balancer.sticky = false;
    lane.act(
      'ops',
      'move sessions to a shared store (Redis)',
      'Phase 3: a shared session store that every server asks. Ada has to log in again.',
    );
    await logIn(lane);
    lane.servers.push('app-4');
    lane.act(
      'ops',
      'add server app-4',
      'A fourth server joins: it works at once, because it asks the same store.',
    );
    await requests(lane, 4);
    lane.storeUp = false;
    lane.act(
      'session-store',
      'the shared store goes down',
      'Phase 4: the shared store fails. It is a single point of failure: every server depends on it for every request.',
    );
    await requests(lane, 3);
  },
  async jwt(lane) {
    threeServers(lane);
    lane.act(
      'ops',
      '3 servers, each holds the verification key',
      'Phase 1: three app servers behind a round-robin balancer. Each holds the key to verify tokens; none keeps any session.',
    );
    await logIn(lane);
    await requests(lane, 3);
    lane.act(
      'load-balancer',
      'no stickiness needed',
      'Phase 2: any server can answer any request, so the balancer needs no stickiness.',
    );
    await requests(lane, 3);
    lane.act('app-1', 'app-1 restarts (deploy)', 'app-1 is redeployed. It had nothing in memory to lose.');
    await requests(lane, 1);
    lane.servers.push('app-4');
    lane.act(
      'ops',
      'add server app-4',
      'A fourth server joins with the same key: it verifies tokens at once. Ada does not log in again.',
    );
    await requests(lane, 4);
    lane.act(
      'ops',
      'the shared store goes down (nothing here uses one)',
      'Phase 4: the shared store fails. Token verification never called it.',
    );
    await requests(lane, 3);
  },
};
