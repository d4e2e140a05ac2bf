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
