import type { AuditReport } from '../../../core/audit/audit';
import type { AuditRequest, AuditResponse } from './protocol';

let worker: Worker | undefined;
let nextId = 0;
const listeners = new Map<number, (message: AuditResponse) => void>();

function startWorker(): Worker {
  const created = new Worker(new URL('./audit.worker.ts', import.meta.url), { type: 'module' });
  created.onmessage = (event: MessageEvent<AuditResponse>) => listeners.get(event.data.id)?.(event.data);
  return created;
}

export interface RunningAudit {
  result: Promise<AuditReport>;
  cancel(): void;
}

/**
 * Runs the full audit (with the weak-secret search) in the audit worker, which starts on the
 * first call. `cancel` stops the search; the result then says "cancelled".
 */
export function auditInWorker(
  token: string,
  key: string,
  now: number,
  searchSecrets: boolean,
  onProgress: (tried: number, total: number) => void,
): RunningAudit {
  worker ??= startWorker();
  const id = nextId++;
  const send = (message: AuditRequest) => worker!.postMessage(message);
  const result = new Promise<AuditReport>((resolve) => {
    listeners.set(id, (message) => {
      if (message.type === 'progress') onProgress(message.tried, message.total);
      else {
        listeners.delete(id);
        resolve(message.report);
      }
    });
  });
  send({ type: 'audit', id, token, key, now, searchSecrets });
  return { result, cancel: () => send({ type: 'cancel', id }) };
}
