/// <reference lib="webworker" />
// The worker side of the decoder: big tokens are decoded here so typing never freezes.
import { inspect } from '../../../core/token/inspect';

self.onmessage = (event: MessageEvent<{ id: number; token: string; now: number }>) => {
  const { id, token, now } = event.data;
  try {
    self.postMessage({ id, inspection: inspect(token, { now }) });
  } catch {
    // Structured cloning recurses too: a value nested thousands of levels deep cannot be
    // posted back. The page then decodes it itself (such tokens are small enough to).
    self.postMessage({ id, inspection: null });
  }
};
