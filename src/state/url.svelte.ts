/**
 * State that lives in the URL fragment, never the query string, so it never reaches a
 * server log: `#tool=verifier`, `#token=eyJ...`, `#scenario=login`.
 */

export type ToolId = 'decoder' | 'verifier' | 'generator' | 'toolbox' | 'simulator';

export interface FragmentState {
  tool?: string;
  token?: string;
  scenario?: string;
  [key: string]: string | undefined;
}

export function parseFragment(hash: string): FragmentState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const state: FragmentState = {};
  for (const [key, value] of params) state[key] = value;
  return state;
}

export function formatFragment(state: FragmentState): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(state)) if (value) params.set(key, value);
  // Tokens are base64url and dots: keep them readable in the address bar.
  return params.toString().replace(/%2E/gi, '.');
}

/** The fragment as reactive state; writing replaces the history entry (no back-button spam). */
class UrlState {
  current = $state<FragmentState>({});

  constructor() {
    if (typeof window === 'undefined') return;
    this.current = parseFragment(window.location.hash);
    window.addEventListener('hashchange', () => (this.current = parseFragment(window.location.hash)));
  }

  update(patch: FragmentState) {
    const next = { ...this.current, ...patch };
    this.current = next;
    const hash = formatFragment(next);
    history.replaceState(
      history.state,
      '',
      hash ? `#${hash}` : window.location.pathname + window.location.search,
    );
  }
}

export const urlState = new UrlState();
