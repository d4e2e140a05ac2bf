/**
 * Between the app's shared state and the workspace zip: what an export collects, and what an
 * import restores (only after the zip was read in full, so a failed import changes nothing).
 */
import type { Workspace } from '../../core/bundle/types';
import { workspace, type KeyOrigin } from '../../state/workspace.svelte';
import { workbench } from '../../state/workbench.svelte';

export function collectWorkspace(): Workspace {
  return {
    token: workspace.token,
    key: workspace.key,
    keyOrigin: workspace.keyOrigin,
    profile: $state.snapshot(workspace.profile) as Record<string, unknown>,
    generator: { header: workbench.header, payload: workbench.payload },
    keys: workbench.keys.map((key) => ({
      name: key.name,
      alg: key.alg,
      kid: key.kid,
      publicJwk: $state.snapshot(key.publicJwk),
      privateJwk: key.privateJwk ? $state.snapshot(key.privateJwk) : undefined,
    })),
  };
}

export function restoreWorkspace(restored: Workspace) {
  workspace.token = restored.token;
  workspace.key = restored.key;
  workspace.keyOrigin = (restored.key ? 'imported' : 'pasted') satisfies KeyOrigin;
  workspace.profile = restored.profile;
  if (restored.generator.header) workbench.header = restored.generator.header;
  if (restored.generator.payload) workbench.payload = restored.generator.payload;
  workbench.keys = [];
  for (const key of restored.keys) workbench.addKey({ ...key, origin: 'imported' });
}

/**
 * What an import restored, in words: each part named, the Verifier's key by its kind (a
 * secret, a private or a public key), so a person sees the secret came back.
 */
export async function describeRestored(restored: Workspace, includesPrivateKeys: boolean): Promise<string> {
  const parts: string[] = [];
  if (restored.token) parts.push('the token');
  if (restored.key.trim()) {
    const { readKey } = await import('../../core/keys/export');
    const reading = await readKey(restored.key);
    // Text that is no key format is an HMAC secret, as the Verifier reads it.
    const kind = !reading.ok || reading.kind === 'secret' ? 'secret' : `${reading.kind} key`;
    parts.push(`the Verifier\u2019s ${kind}`);
  }
  if (restored.keys.length)
    parts.push(`${restored.keys.length} saved key${restored.keys.length === 1 ? '' : 's'}`);
  // An empty header or payload is not restored (see restoreWorkspace), so not reported either.
  if (restored.generator.header || restored.generator.payload) parts.push('the Generator\u2019s JSON');
  parts.push('the verification profile');
  const list = `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
  return `${list}${includesPrivateKeys ? ' (the zip carried private keys and secrets)' : ''}`;
}
