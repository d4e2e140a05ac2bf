/**
 * What the Generator, the Keys workbench and the Toolbox's workspace zip share: the header and
 * payload being edited, and the keys made or brought in this session. Held in memory only:
 * nothing here is written to storage unless the person exports a workspace zip.
 */
import type { JWK } from 'jose';
import type { GeneratedKey } from '../core/keys/generate';

export interface WorkbenchKey {
  id: string;
  name: string;
  alg?: string;
  kid?: string;
  publicJwk: JWK;
  /** The private JWK (for HMAC, the secret itself). */
  privateJwk?: JWK;
  origin: 'generated' | 'pasted' | 'imported';
  /** RSA modulus or HMAC secret size. */
  bits?: number;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

export const defaultHeader = '{\n  "alg": "HS256",\n  "typ": "JWT"\n}';
export const defaultPayload = () =>
  JSON.stringify(
    { sub: '1234567890', name: 'Ada Lovelace', iat: nowSeconds(), exp: nowSeconds() + 15 * 60 },
    null,
    2,
  );

class Workbench {
  header = $state(defaultHeader);
  payload = $state(defaultPayload());
  keys = $state<WorkbenchKey[]>([]);
  /** A key the Keys tool asked the Generator to sign with; the Generator takes it on opening. */
  signWith = $state('');
  #next = 1;

  addKey(key: Omit<WorkbenchKey, 'id'>): WorkbenchKey {
    const entry = { ...key, id: `key-${this.#next++}` };
    this.keys.push(entry);
    return entry;
  }

  /** Keeps a key pair (or secret) just made by `createKey`, under the name its tool gave it. */
  addGenerated(key: GeneratedKey, name: string): WorkbenchKey {
    const { alg, kid, publicJwk, privateJwk, bits } = key;
    return this.addKey({ name, alg, kid, publicJwk, privateJwk, origin: 'generated', bits });
  }

  removeKey(id: string) {
    this.keys = this.keys.filter((key) => key.id !== id);
  }
}

export const workbench = new Workbench();
