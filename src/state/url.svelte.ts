/**
 * State that lives in the URL fragment, never the query string, so it never reaches a
 * server log: `#tool=verifier`, `#token=eyJ...`, `#scenario=login`.
 */
import { formatFragment, parseFragment, type Fragment } from './fragment';

export interface FragmentState extends Fragment {
  tool?: string;
  token?: string;
  scenario?: string;
}

/** The fragment as reactive state; writing replaces the history entry (no back-button spam). */
class UrlState {
  // Replaced whole on every change, never mutated: no proxy needed.
  current = $state.raw<FragmentState>({});

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
