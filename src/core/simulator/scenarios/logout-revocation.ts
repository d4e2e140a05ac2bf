import { noteAttacker } from '../attacker';
import { expiresAtMs } from '../jwt-auth';
import type { Lane } from '../lane';
import { browserToken, copyCredential, logIn, logOut, revoke, sendRequest } from '../steps';
import type { ScenarioDefinition } from './definition';

/**
 * Seed 004: "Easy to invalidate session (logout = delete session from store.)"; seed 002: "If
 * an account is compromised at 2 AM, you need it locked out at 2:00 AM, not when the JWT
 * expires at 2:15 AM." Malware copies the credential; Ada logs out and the attacker tries at
 * once; she calls support and an admin revokes; the attacker tries again at thirds of the
 * token's remaining life, the last try exactly at exp.
 */
async function story(lane: Lane) {
  await logIn(lane);
  lane.advance(1000);
  await sendRequest(lane);
  lane.advance(2000);
  const token = browserToken(lane);
  const expMs = token ? expiresAtMs(token) : lane.profile.epochMs + lane.profile.ttlSeconds * 1000;
  await copyCredential(lane, 'malware on Ada\u2019s laptop');
  lane.advance(2000, 'Ada is done for now and logs out.');
  await logOut(lane);
  await sendRequest(lane, { client: 'attacker', credential: lane.stolen?.value });
  await noteAttacker(lane);
  lane.advance(30_000, 'Ada gets an alert about her account and calls support.');
  await revoke(lane);
  const revokedAt = lane.now();
  for (const fraction of [1 / 3, 2 / 3, 1]) {
    lane.advanceTo(revokedAt + (expMs - revokedAt) * fraction, 'Time passes; the attacker tries again.');
    await sendRequest(lane, { client: 'attacker', credential: lane.stolen?.value });
    await noteAttacker(lane);
  }
}

export const logoutRevocationScenario: ScenarioDefinition = {
  id: 'logout-revocation',
  title: 'Log out and revoke: locked out at 2:00, not 2:15',
  description:
    'Malware copies the credential; Ada logs out, then an admin revokes. Logging out deletes the session record, so the copied cookie is refused at once. A JWT logout only deletes the browser\u2019s copy, and the admin finds nothing to delete: the copied token keeps working until its exp.',
  session: story,
  jwt: story,
};
