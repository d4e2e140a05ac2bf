import { decodeJwt } from 'jose';
import type { Lane } from '../lane';
import { browserToken, copyCredential, logIn, revoke, sendRequest } from '../steps';
import type { ScenarioDefinition } from './definition';

/**
 * Seed 002: "If an account is compromised at 2 AM, you need it locked out at 2:00 AM, not
 * when the JWT expires at 2:15 AM." The attacker tries again right after the revocation,
 * then at thirds of the token's remaining life, the last try exactly at exp.
 */
async function story(lane: Lane) {
  await logIn(lane);
  lane.advance(1000);
  await sendRequest(lane);
  lane.advance(2000);
  const token = browserToken(lane);
  const expMs = token
    ? Number(decodeJwt(token).exp) * 1000
    : lane.profile.epochMs + lane.profile.ttlSeconds * 1000;
  await copyCredential(lane, 'malware on Ada\u2019s laptop');
  lane.advance(2000, 'Ada notices strange activity and calls support.');
  await revoke(lane, 'admin');
  await sendRequest(lane, { client: 'attacker', credential: lane.stolen?.value });
  await lane.noteAttacker();
  const revokedAt = lane.now();
  for (const fraction of [1 / 3, 2 / 3, 1]) {
    lane.advanceTo(revokedAt + (expMs - revokedAt) * fraction, 'Time passes; the attacker tries again.');
    await sendRequest(lane, { client: 'attacker', credential: lane.stolen?.value });
    await lane.noteAttacker();
  }
}

export const logoutRevocationScenario: ScenarioDefinition = {
  id: 'logout-revocation',
  title: 'Log out and revoke: locked out at 2:00, not 2:15',
  description:
    'An attacker copies the credential; an admin revokes it seconds later. The deleted session is refused at once; the JWT keeps working until its exp, because no server holds anything to delete.',
  session: story,
  jwt: story,
};
