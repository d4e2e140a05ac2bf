import { inspect, type Inspection } from '../../../core';

/** Above this many characters, decoding leaves the main thread. */
export const offMainThreadThreshold = 64 * 1024;

let worker: Worker | undefined;
let nextId = 0;
const pending = new Map<number, (inspection: Inspection | null) => void>();

function startWorker(): Worker {
  const created = new Worker(new URL('./inspect.worker.ts', import.meta.url), { type: 'module' });
  created.onmessage = (event: MessageEvent<{ id: number; inspection: Inspection | null }>) => {
    pending.get(event.data.id)?.(event.data.inspection);
    pending.delete(event.data.id);
  };
  return created;
}

/**
 * Decodes a token in a Web Worker; the same `inspect` as on the main thread. A result too
 * deeply nested to be posted back is decoded here instead.
 */
export function inspectOffMainThread(token: string, now: number): Promise<Inspection> {
  worker ??= startWorker();
  const id = nextId++;
  return new Promise<Inspection | null>((resolve) => {
    pending.set(id, resolve);
    worker!.postMessage({ id, token, now });
  }).then((inspection) => inspection ?? inspect(token, { now }));
}
