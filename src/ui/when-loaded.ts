/**
 * Runs `task` once the page has loaded, or now if it has: what the first screen does not need
 * (the result views' prefetch, the service worker, the history) waits until it is on screen.
 * Returns a function that cancels a task still waiting.
 */
export function whenLoaded(task: () => void): () => void {
  // Rendering the first screen at build time (src/prerender.ts): there is no page to wait for.
  if (typeof document === 'undefined') return () => undefined;
  if (document.readyState === 'complete') {
    task();
    return () => undefined;
  }
  addEventListener('load', task, { once: true });
  return () => removeEventListener('load', task);
}
