/// <reference lib="webworker" />
// The audit's slow half: the weak-secret search tries tens of thousands of HMACs here, off the
// main thread, reporting progress and stopping when the page cancels.
import { auditWithOptions } from '../../../core/audit/audit';
import { loadCandidates } from './candidates';
import type { AuditRequest, AuditResponse } from './protocol';
import { rateSecret } from './rate-secret';

const running = new Map<number, AbortController>();
const post = (message: AuditResponse) => self.postMessage(message);

/** Above this many characters only the built-in list is tried (each try hashes the whole token). */
const fullSearchMaxLength = 16 * 1024;

/** Progress is posted at most this often: a message per batch would flood the page. */
const progressIntervalMs = 100;

self.onmessage = async (event: MessageEvent<AuditRequest>) => {
  const request = event.data;
  if (request.type === 'cancel') {
    running.get(request.id)?.abort();
    return;
  }
  const controller = new AbortController();
  running.set(request.id, controller);
  // Big tokens get the short list only: each candidate costs one HMAC over the whole token.
  const candidates =
    request.searchSecrets && request.token.length <= fullSearchMaxLength ? await loadCandidates() : undefined;
  let lastProgress = 0;
  const report = await auditWithOptions(
    request.token,
    { key: request.key || undefined, now: request.now },
    {
      candidates,
      signal: controller.signal,
      rateSecret,
      onProgress: (tried, total) => {
        const time = Date.now();
        if (time - lastProgress < progressIntervalMs && tried < total) return;
        lastProgress = time;
        post({ type: 'progress', id: request.id, tried, total });
      },
    },
  );
  running.delete(request.id);
  post({ type: 'done', id: request.id, report });
};
