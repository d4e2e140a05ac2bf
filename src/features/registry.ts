import type { Component } from 'svelte';

/**
 * The tools the shell can show. The decoder is the front door and ships in the first
 * bundle; every other tool is `import()`ed the first time it is opened.
 */
export interface ToolEntry {
  id: string;
  label: string;
  /** One line under the tool's name, for the shell and the embed page. */
  summary: string;
  load: () => Promise<{ default: Component<{ onOpenTool?: (tool: string) => void }> }>;
}

export const lazyTools: ToolEntry[] = [];

export const decoderEntry = {
  id: 'decoder',
  label: 'Decoder',
  summary: 'Paste a token: every part, claim, time and risk explained.',
} as const;
