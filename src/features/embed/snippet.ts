/**
 * The code a docs author pastes: an `<iframe>` for `embed.html` and a few lines of JavaScript
 * for its messages (DESIGN.md "Embed messages"). Pure, so the snippets are tested as text.
 */

import type { EmbedTheme } from '../../embed/protocol';
import { formatFragment } from '../../state/fragment';

export type { EmbedTheme };

export interface EmbedChoice {
  tool: string;
  scenario?: string;
  theme: EmbedTheme;
  token?: string;
  emitToken: boolean;
}

export function embedFragment(choice: EmbedChoice): string {
  return formatFragment({
    tool: choice.tool,
    scenario: choice.tool === 'simulator' ? choice.scenario : undefined,
    theme: choice.theme,
    token: choice.token,
    emit: choice.emitToken ? 'token' : undefined,
  });
}

export function embedUrl(siteUrl: string, choice: EmbedChoice): string {
  return `${new URL('embed.html', siteUrl).href}#${embedFragment(choice)}`;
}

/**
 * `allow-scripts allow-same-origin` is the least the widget runs with: its modules, worker and
 * clipboard need its own origin (a sandbox without `allow-same-origin` makes it an opaque
 * origin whose module scripts fail CORS). No forms, popups, top navigation or downloads.
 * `clipboard-write` lets its Copy buttons work. The referrer is only sent (origin only) when
 * the widget must know where to post tokens back.
 */
export const sandboxTokens = 'allow-scripts allow-same-origin';
export const allowFeatures = 'clipboard-write';

export function iframeSnippet(siteUrl: string, choice: EmbedChoice, title: string): string {
  const attributes = [
    `src="${escapeAttribute(embedUrl(siteUrl, choice))}"`,
    `title="${escapeAttribute(title)}"`,
    'width="100%"',
    'height="480"',
    'loading="lazy"',
    `sandbox="${sandboxTokens}"`,
    `allow="${allowFeatures}"`,
    `referrerpolicy="${choice.emitToken ? 'origin' : 'no-referrer'}"`,
    'style="border: 0"',
  ];
  return `<iframe\n  ${attributes.join('\n  ')}\n></iframe>`;
}

export function scriptSnippet(siteUrl: string, choice: EmbedChoice): string {
  const origin = new URL(siteUrl).origin;
  const lines = [
    `const frame = document.querySelector('iframe[src^="${origin}/embed.html"]');`,
    `const widgetOrigin = '${origin}';`,
    `window.addEventListener('message', (event) => {`,
    `  if (event.source !== frame.contentWindow || event.origin !== widgetOrigin) return;`,
    `  const message = event.data;`,
    `  // Follow the widget's height, so it never scrolls inside your page.`,
    `  if (message.type === 'tokenscope:resize') frame.style.height = message.height + 'px';`,
    `  if (message.type === 'tokenscope:ready') {`,
    `    // Optional: drive it from your page.`,
    `    frame.contentWindow.postMessage({ type: 'tokenscope:set-theme', theme: 'dark' }, widgetOrigin);`,
    ...(choice.tool === 'simulator'
      ? []
      : [
          `    frame.contentWindow.postMessage({ type: 'tokenscope:set-token', token: 'eyJ…' }, widgetOrigin);`,
        ]),
    `  }`,
    ...(choice.emitToken
      ? [
          `  // Sent only because the src has #emit=token: the token as the reader edits it.`,
          `  if (message.type === 'tokenscope:token') console.log(message.token);`,
        ]
      : []),
    `});`,
  ];
  return lines.join('\n');
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
