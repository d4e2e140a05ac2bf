import type { Lane } from '../lane';
import { logIn, sendRequest } from '../steps';
import type { ScenarioDefinition } from './definition';

const paths = ['/api/profile', '/api/orders', '/api/settings'];

async function story(lane: Lane) {
  await logIn(lane);
  for (const path of paths) {
    lane.advance(1000);
    await sendRequest(lane, { path });
  }
}

/** Seeds: the basic lifecycle of both approaches, "login, then every request carries the credential". */
export const loginScenario: ScenarioDefinition = {
  id: 'login',
  title: 'Log in and send three requests',
  description:
    'The basic lifecycle. The session flow sends a 43-character reference and looks it up on every request; the JWT flow sends the whole signed token and checks its signature locally.',
  session: story,
  jwt: story,
};
