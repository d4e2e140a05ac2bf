/** How the simulator's view words the model's names: scenarios, flows, credentials, and times. */
import type { CarriedCredential, Flow } from '../../core/simulator/types';
import type { ScenarioChoice } from './simulator.svelte';

export const scenarioNames: Record<ScenarioChoice, string> = {
  login: 'Log in + 3 requests',
  'logout-revocation': 'Logout & revocation (2:00, not 2:15)',
  'expiry-refresh': 'Expiry + refresh-token rotation',
  'stolen-credential': 'Stolen credential (XSS, cookie flags)',
  'scale-out': 'Scale out: 3 servers + load balancer',
  microservices: 'Microservices chain',
  'cross-domain': 'Cross-domain: app → api',
  blocklist: 'JWT blocklist',
  hybrid: 'Hybrid: sessions + short JWT',
  attacks: 'Attacks: naive vs hardened',
  playground: 'Playground: drive it yourself',
};

export const flowNames: Record<Flow, string> = { session: 'Sessions', jwt: 'JWT' };

export const credentialNames: Record<CarriedCredential['kind'], string> = {
  'session-id': 'session ID',
  'access-token': 'access token',
  'refresh-token': 'refresh token',
  'forged-token': 'forged token',
};

/** Simulated time since the start: `0.25 ms`, `20 ms`, `1.02 s`, `905 s`. */
export const elapsedText = (t: number): string =>
  t < 1000 ? `${t.toFixed(t % 1 ? 2 : 0)} ms` : `${(t / 1000).toFixed(t < 60_000 ? 2 : 0)} s`;
