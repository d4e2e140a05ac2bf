// The design tokens and base styles come first, so every component's styles follow them.
import './ui/theme.css';
import { hydrate, mount } from 'svelte';
import App from './App.svelte';
import { workspace } from './state/workspace.svelte';

const target = document.getElementById('app')!;
// The built page arrives with its first screen rendered (src/prerender.ts): hydrate it. A
// token typed or pasted before the scripts ran is kept, not wiped by the hydration.
if (target.firstChild) {
  const early = document.querySelector<HTMLTextAreaElement>('#token-input')?.value;
  if (early) workspace.token = early;
  hydrate(App, { target });
} else {
  mount(App, { target });
}
