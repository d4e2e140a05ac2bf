/**
 * The site's first screen as HTML, rendered at build time (see `prerenderShell` in
 * vite.config.ts): the page paints before its JavaScript arrives, and main.ts hydrates it.
 * Rendered as a first visit sees it: no token, the decoder open, the system theme.
 */
import { render } from 'svelte/server';
import App from './App.svelte';

export function renderFirstScreen(): string {
  return render(App).body;
}
