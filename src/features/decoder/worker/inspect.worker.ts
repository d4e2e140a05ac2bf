/// <reference lib="webworker" />
// The worker side of the decoder: big tokens are decoded here so typing never freezes.
import { inspect } from '../../../core/token/inspect';

self.onmessage = (event: MessageEvent<{ id: number; token: string; now: number }>) => {
  const { id, token, now } = event.data;
  self.postMessage({ id, inspection: inspect(token, { now }) });
};
