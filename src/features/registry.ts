import type { Component } from 'svelte';

/**
 * The tools the shell can show. The decoder is the front door and ships in the first
 * bundle; every other tool is `import()`ed the first time it is opened. A tool joins the
 * shell by pushing its entry at the end of this file.
 */
export type ToolComponent = Component<{ onOpenTool?: (tool: string) => void }>;

export interface ToolEntry {
  id: string;
  label: string;
  /** One line under the tool's name, for the shell and the embed page. */
  summary: string;
  /** Position in the navigation (the decoder is 0). */
  order: number;
  load: () => Promise<{ default: ToolComponent }>;
}

export const decoderEntry = {
  id: 'decoder',
  label: 'Decoder',
  summary: 'Paste a token: every part, claim, time and risk explained.',
  order: 0,
} as const;

export const lazyTools: ToolEntry[] = [];

// Tool entries (one push per tool, kept in this block):

lazyTools.push(
  {
    id: 'embed',
    label: 'Embed',
    summary: 'Put a live decoder or simulator scenario in your own docs with one iframe.',
    order: 60,
    load: () => import('./embed/EmbedBuilder.svelte') as Promise<{ default: ToolComponent }>,
  },
  {
    id: 'privacy',
    label: 'Privacy',
    summary: 'What Tokenscope does and never does with your data, and how to check it yourself.',
    order: 90,
    load: () => import('./privacy/Privacy.svelte') as Promise<{ default: ToolComponent }>,
  },
);

lazyTools.push({
  id: 'verifier',
  label: 'Verifier',
  summary: 'Check a signature and the claims under an explicit profile; decrypt JWE; say why it failed.',
  order: 10,
  load: () => import('./verifier/Verifier.svelte') as Promise<{ default: ToolComponent }>,
});
lazyTools.push({
  id: 'simulator',
  label: 'Simulator',
  summary: 'Sessions vs JWT, animated side by side with real tokens and measured costs.',
  order: 40,
  load: () => import('./simulator/Simulator.svelte'),
});

lazyTools.push(
  {
    id: 'generator',
    label: 'Generator',
    summary: 'Write a header and payload, sign with any algorithm, encrypt, or forge attack tokens.',
    order: 20,
    load: () => import('./generator/Generator.svelte') as Promise<{ default: ToolComponent }>,
  },
  {
    id: 'keys',
    label: 'Keys',
    summary: 'Generate key pairs and secrets; convert PEM and JWK; JWKS and RFC 7638 thumbprints.',
    order: 25,
    load: () => import('./generator/KeyWorkbench.svelte') as Promise<{ default: ToolComponent }>,
  },
  {
    id: 'toolbox',
    label: 'Toolbox',
    summary: 'Base64 and base64url, HMAC digests, strong secrets, and the workspace zip.',
    order: 30,
    load: () => import('./toolbox/Toolbox.svelte') as Promise<{ default: ToolComponent }>,
  },
);
