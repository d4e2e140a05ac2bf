import type { ScenarioId } from '../types';
import { attacksScenario } from './attacks';
import { blocklistScenario } from './blocklist';
import { crossDomainScenario } from './cross-domain';
import type { ScenarioDefinition } from './definition';
import { expiryRefreshScenario } from './expiry-refresh';
import { hybridScenario } from './hybrid';
import { loginScenario } from './login';
import { logoutRevocationScenario } from './logout-revocation';
import { microservicesScenario } from './microservices';
import { scaleOutScenario } from './scale-out';
import { stolenCredentialScenario } from './stolen-credential';

export const scenarios: Record<ScenarioId, ScenarioDefinition> = {
  login: loginScenario,
  'logout-revocation': logoutRevocationScenario,
  'expiry-refresh': expiryRefreshScenario,
  'stolen-credential': stolenCredentialScenario,
  'scale-out': scaleOutScenario,
  microservices: microservicesScenario,
  'cross-domain': crossDomainScenario,
  blocklist: blocklistScenario,
  hybrid: hybridScenario,
  attacks: attacksScenario,
};
