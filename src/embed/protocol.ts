/**
 * The widget's side of the embed API (DESIGN.md "Embed messages"): what the fragment of
 * `embed.html` configures, which messages the parent may send, and which the widget posts.
 * Pure functions, so the rules are tested without a frame.
 */
import { parseFragment } from '../state/fragment';

export type EmbedTheme = 'light' | 'dark' | 'auto';

export interface EmbedConfig {
  /** A tool id from the registry; `simulator` when only a scenario is given. */
  tool: string;
  scenario?: string;
  theme: EmbedTheme;
  token?: string;
  /** `#emit=token`: the embedding page asked to receive the token when the person edits it. */
  emitToken: boolean;
}

/** Tools that make sense inside someone else's page (not the embed builder or the privacy page). */
export const embeddableTools = ['decoder', 'verifier', 'generator', 'toolbox', 'simulator'] as const;

/** Longer than any real token; a cap so a hostile parent cannot make the widget chew megabytes. */
export const maxTokenLength = 2 * 1024 * 1024;

export function isEmbedTheme(value: unknown): value is EmbedTheme {
  return value === 'light' || value === 'dark' || value === 'auto';
}

export function parseEmbedConfig(hash: string): EmbedConfig {
  const fragment = parseFragment(hash);
  const scenario = fragment.scenario || undefined;
  const token = fragment.token || undefined;
  return {
    tool: fragment.tool || (scenario ? 'simulator' : 'decoder'),
    scenario,
    theme: isEmbedTheme(fragment.theme) ? fragment.theme : 'auto',
    token: token && token.length <= maxTokenLength ? token : undefined,
    emitToken: (fragment.emit ?? '').split(',').includes('token'),
  };
}

export type ParentCommand =
  { type: 'tokenscope:set-token'; token: string } | { type: 'tokenscope:set-theme'; theme: EmbedTheme };

/** A message from the parent, checked field by field; anything else is ignored (null). */
export function readParentCommand(data: unknown): ParentCommand | null {
  if (typeof data !== 'object' || data === null) return null;
  const message = data as Record<string, unknown>;
  if (message.type === 'tokenscope:set-token') {
    const token = message.token;
    if (typeof token !== 'string' || token.length > maxTokenLength) return null;
    return { type: 'tokenscope:set-token', token };
  }
  if (message.type === 'tokenscope:set-theme' && isEmbedTheme(message.theme)) {
    return { type: 'tokenscope:set-theme', theme: message.theme };
  }
  return null;
}

/**
 * Why a message meant for the widget (its type starts with `tokenscope:`) was not taken, for the
 * console of the person integrating it; undefined for a command taken or another script's
 * message. The reason never quotes the token.
 */
export function explainRefusedCommand(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { type, token, theme } = data as Record<string, unknown>;
  if (typeof type !== 'string' || !type.startsWith('tokenscope:') || readParentCommand(data))
    return undefined;
  if (type === 'tokenscope:set-token')
    return typeof token !== 'string'
      ? `"tokenscope:set-token" needs "token" as a string; it was ${token === null ? 'null' : typeof token}.`
      : `"tokenscope:set-token" takes a token of at most ${maxTokenLength.toLocaleString('en')} characters (2 MiB); this one has ${token.length.toLocaleString('en')}, so the widget keeps the token it has.`;
  if (type === 'tokenscope:set-theme')
    return `"tokenscope:set-theme" takes "light", "dark" or "auto"; it was ${typeof theme === 'string' ? JSON.stringify(theme.slice(0, 40)) : typeof theme}.`;
  return `"${type.slice(0, 60)}" is not a message the widget takes: it takes "tokenscope:set-token" and "tokenscope:set-theme".`;
}

/**
 * What the widget posts. `ready` and `resize` carry nothing from the token, so they may go to
 * any parent; `token` only exists when the embedding page opted in with `#emit=token`, and
 * goes only to the parent's own origin. `resize` is posted first once the content is laid out,
 * and after a new token once its lazily loaded parts have settled (height.ts says when).
 */
export type WidgetMessage =
  | { type: 'tokenscope:ready'; tool: string; scenario?: string }
  | { type: 'tokenscope:resize'; height: number }
  | { type: 'tokenscope:token'; token: string };

/**
 * The origin of the page that frames the widget, when the browser tells it: Chromium's
 * `location.ancestorOrigins`, else the referrer's origin. Undefined when unknown, and then
 * nothing sensitive is posted at all.
 */
export function parentOrigin(
  ancestorOrigins: ArrayLike<string> | undefined,
  referrer: string,
  lastMessageOrigin?: string,
): string | undefined {
  const candidate =
    ancestorOrigins?.[0] ?? lastMessageOrigin ?? (referrer ? safeOrigin(referrer) : undefined);
  return candidate && candidate !== 'null' ? candidate : undefined;
}

function safeOrigin(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
