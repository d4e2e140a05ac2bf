/**
 * The attacker's view: after each step, what the attacker's copy of a credential still allows.
 * Tested against the lane's real state (the store, the signature, the blocklist), not assumed.
 */
import type { Lane } from './lane';
import { verifyToken } from './jwt-auth';
import { sessionAlive } from './session-store';
import { clockText, formatDuration } from './time';

/** After an action: the latest event says what the attacker's copy allows now. */
export async function noteAttacker(lane: Lane): Promise<void> {
  const last = lane.events[lane.events.length - 1];
  if (!last || !lane.stolen) return;
  last.attacker = await describeStolen(lane);
}

export async function describeStolen(lane: Lane): Promise<string> {
  const stolen = lane.stolen;
  if (!stolen) return 'The attacker holds nothing.';
  if (stolen.kind === 'session-id') {
    if (sessionAlive(lane, stolen.value))
      return 'The copied session ID works: the store still has its session, so the attacker is the user until the session is deleted.';
    if (lane.storeMode === 'shared' && !lane.storeUp)
      return 'The copied session ID is useless right now: the store is down (so is the user).';
    return 'The copied session ID is worthless: its session no longer exists on the server.';
  }
  if (stolen.kind === 'refresh-token')
    return 'The attacker holds a refresh token; only the auth server can tell whether its family is still alive.';
  const verdict = await verifyToken(lane, stolen.value);
  if (!verdict.ok) return `The copied token is refused: ${verdict.reason}.`;
  if (lane.blocklist?.has(String(verdict.payload?.jti)))
    return 'The copied token has a valid signature, but it is on the blocklist: refused.';
  const exp = Number(verdict.payload?.exp) * 1000;
  return `The copied token still works: every server accepts it until ${clockText(exp)} (${formatDuration(exp - lane.now())} from now), and nobody can take it back.`;
}
