/// <reference types="vite-plugin-pwa/vanillajs" />
/**
 * The installed, offline app: the service worker's lifecycle as state the shell can show.
 *
 * A new version is never mixed with the running one. Its worker waits (`registerType:
 * 'prompt'`) while the old one keeps serving the old, complete set of precached files; the
 * page offers a reload, and only then does the new worker take over and the page reload into
 * it. If another tab makes that switch, this tab is told to reload too, since the files it
 * would load lazily now belong to the new version.
 */

import { whenLoaded } from '../ui/when-loaded';

interface InstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

export class OfflineApp {
  /** A new version is installed and waiting for the person's go-ahead. */
  updateReady = $state(false);
  /** Another tab switched to a new version under this one. */
  replacedElsewhere = $state(false);
  /** Every file is cached: the app now works with the network off. */
  offlineReady = $state(false);
  /** The browser offers installation (Chromium's `beforeinstallprompt`). */
  canInstall = $state(false);

  #applyUpdate: ((reload?: boolean) => Promise<void>) | undefined;
  #installPrompt: InstallPromptEvent | undefined;
  #updating = false;

  /** `earlyInstallPrompt`: an offer of installation the page kept before this module loaded. */
  start(earlyInstallPrompt?: Event) {
    if (typeof window === 'undefined' || !('serviceWorker' in navigator)) return;
    const offerInstall = (event: Event) => {
      event.preventDefault();
      this.#installPrompt = event as InstallPromptEvent;
      this.canInstall = true;
    };
    if (earlyInstallPrompt) offerInstall(earlyInstallPrompt);
    window.addEventListener('beforeinstallprompt', offerInstall);
    window.addEventListener('appinstalled', () => {
      this.#installPrompt = undefined;
      this.canInstall = false;
    });
    const hadController = Boolean(navigator.serviceWorker.controller);
    navigator.serviceWorker.addEventListener('controllerchange', () => {
      if (hadController && !this.#updating) this.replacedElsewhere = true;
    });
    // A lazily loaded file that is gone belongs to a version that was replaced.
    // Offline, it is only the network: the part that failed says so itself.
    window.addEventListener('vite:preloadError', () => {
      if (navigator.onLine) this.replacedElsewhere = true;
    });
    // Registration waits for the page to settle so it never competes with the first screen.
    whenLoaded(
      () =>
        void import('virtual:pwa-register').then(({ registerSW }) => {
          this.#applyUpdate = registerSW({
            immediate: true,
            onNeedRefresh: () => (this.updateReady = true),
            onOfflineReady: () => (this.offlineReady = true),
            // The reload is ours (see update()), whichever way the new worker was found.
            onNeedReload: () => undefined,
            // A tab left open for days still hears of new versions.
            onRegisteredSW: (_url, registration) => {
              if (registration)
                setInterval(() => void registration.update().catch(() => undefined), 60 * 60 * 1000);
            },
          });
        }),
    );
  }

  /** Switches to the waiting version and reloads into it. */
  async update() {
    this.#updating = true;
    // The waiting worker takes control after SKIP_WAITING; only then is the reload served
    // entirely by the new version. Should that signal never come, reload anyway: the page
    // is then served, complete, by whichever version is in control.
    const reload = () => window.location.reload();
    navigator.serviceWorker.addEventListener('controllerchange', reload, { once: true });
    setTimeout(reload, 4000);
    if (this.#applyUpdate && (await navigator.serviceWorker.getRegistration())?.waiting)
      await this.#applyUpdate(true);
    else reload();
  }

  dismissUpdate() {
    this.updateReady = false;
  }

  async install() {
    const prompt = this.#installPrompt;
    if (!prompt) return;
    await prompt.prompt();
    const { outcome } = await prompt.userChoice;
    if (outcome === 'accepted') this.canInstall = false;
    this.#installPrompt = undefined;
  }
}

export const offlineApp = new OfflineApp();
