import { noteAttacker } from '../attacker';
import type { Lane } from '../lane';
import { copyCredential, logIn, revoke, sendRequest } from '../steps';
import type { ScenarioDefinition } from './definition';

async function story(lane: Lane) {
  await logIn(lane);
  for (let i = 0; i < 2; i++) {
    lane.advance(1000);
    await sendRequest(lane);
  }
  await copyCredential(
    lane,
    lane.flow === 'session'
      ? 'a support ticket\u2019s HAR log, Cookie header included'
      : 'a token pasted into a support ticket',
  );
  lane.advance(2000);
  await revoke(lane);
  await sendRequest(lane, { client: 'attacker', credential: lane.stolen?.value });
  await noteAttacker(lane);
  lane.advance(1000);
  lane.storeUp = false;
  lane.act(lane.storeName, `${lane.storeName} goes down`, 'The store every request depends on fails.');
  await logIn(lane);
  lane.advance(1000);
  await sendRequest(lane);
}

export const blocklistScenario: ScenarioDefinition = {
  id: 'blocklist',
  title: 'A JWT blocklist: the state comes back',
  description:
    'To revoke JWTs at once, every server checks each token\u2019s jti against a shared blocklist. Revocation becomes instant, and the JWT flow now makes exactly as many store lookups per request as sessions do, and fails when that store fails.',
  session: story,
  async jwt(lane) {
    lane.blocklist = new Set();
    lane.storeName = 'blocklist-store';
    lane.act(
      'ops',
      'every server checks a shared blocklist',
      'The JWT servers now consult a shared blocklist of revoked token IDs (jti) on every request.',
    );
    await story(lane);
  },
};
