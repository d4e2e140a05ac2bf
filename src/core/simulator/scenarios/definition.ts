import type { Lane } from '../lane';
import type { ScenarioId } from '../types';

/** One scenario: a script of steps for each flow, run against a fresh lane. */
export interface ScenarioDefinition {
  id: ScenarioId;
  title: string;
  description: string;
  /** The signing algorithm when the person's token does not choose one. */
  defaultAlg?: string;
  /** Whether the person's token may choose the algorithm (the attacks need their own). */
  tokenChoosesAlg?: boolean;
  session: (lane: Lane) => Promise<void>;
  jwt: (lane: Lane) => Promise<void>;
}
