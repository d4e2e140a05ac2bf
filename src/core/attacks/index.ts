import { algNone } from './alg-none';
import { embeddedJwk } from './embedded-jwk';
import { expired } from './expired';
import { keyConfusion } from './key-confusion';
import { kidTraversal } from './kid-traversal';
import { tamperedPayload } from './tampered-payload';
import type { AttackPreset } from './types';

export type { AttackInput, AttackPreset, AttackResult, AttackVariant } from './types';

/** The attack presets, in the order the Generator lists them. */
export const attackPresets: readonly AttackPreset[] = [
  algNone,
  keyConfusion,
  embeddedJwk,
  kidTraversal,
  expired,
  tamperedPayload,
];
