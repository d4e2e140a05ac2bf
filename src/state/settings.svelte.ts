/**
 * Preferences. Only the theme is remembered (it is not secret); nothing else is stored.
 */
export type ThemeChoice = 'system' | 'light' | 'dark';

const storageKey = 'tokenscope:theme';

function readStoredTheme(): ThemeChoice {
  try {
    const value = localStorage.getItem(storageKey);
    return value === 'light' || value === 'dark' ? value : 'system';
  } catch {
    return 'system';
  }
}

class Settings {
  // Raw: the compiler cannot tell that a function's result is a string, and would wrap it in a
  // deep-state proxy (runtime code the first screen otherwise does without).
  theme = $state.raw<ThemeChoice>(readStoredTheme());
  #systemDark = $state(false);

  constructor() {
    // No window when the first screen is rendered at build time (src/prerender.ts).
    const query =
      typeof window === 'undefined' ? undefined : window.matchMedia?.('(prefers-color-scheme: dark)');
    if (query) {
      this.#systemDark = query.matches;
      query.addEventListener('change', (event) => (this.#systemDark = event.matches));
    }
  }

  /** The palette actually shown. */
  get resolvedTheme(): 'light' | 'dark' {
    return this.theme === 'system' ? (this.#systemDark ? 'dark' : 'light') : this.theme;
  }

  setTheme(theme: ThemeChoice) {
    this.theme = theme;
    try {
      if (theme === 'system') localStorage.removeItem(storageKey);
      else localStorage.setItem(storageKey, theme);
    } catch {
      // storage can be disabled; the choice still holds for this visit
    }
  }
}

export const settings = new Settings();
