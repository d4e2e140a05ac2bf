/**
 * What the Generator, the Keys workbench and the Toolbox's workspace zip share: the header and
 * payload being edited, the keys made or brought in this session, and the Generator's other
 * choices (its signing key, the JWE options). Held in memory only, so they survive switching
 * tools but not a reload: nothing here is written to storage unless the person exports a
 * workspace zip (which carries the header, payload and saved keys, never the key field).
 */
import type { JWK } from 'jose';
import type { GeneratedKey, RsaModulusLength } from '../core/keys/generate';
import type { SecretEncoding } from '../core/keys/import';
import type { KeyOrigin } from './workspace.svelte';

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

/** The Generator's signing key and what was chosen with it. */
class SigningChoices {
  /** The key field's text, exactly as typed or pasted. */
  key = $state('');
  keyOrigin = $state<KeyOrigin>('pasted');
  secretEncoding = $state<SecretEncoding>('utf8');
  /** The saved key last picked in "Use a saved key" (or made by "Generate"). */
  savedKeyId = $state('');
  rsaBits = $state<RsaModulusLength>(2048);
  /**
   * The header's last readable "alg", which the algorithm picker shows while the header is
   * being edited into shape. Not reactive: the Generator writes it while deriving the alg.
   */
  lastAlg = '';
}

/** The Generator's "Encrypt (JWE)" panel. */
export class EncryptionChoices {
  source = $state<'payload' | 'token'>('token');
  alg = $state('RSA-OAEP-256');
  enc = $state('A256GCM');
  key = $state('');
  /** Set when the key was generated here and its decrypting half differs (a key pair). */
  decryptionKey = $state('');
  /** The last encrypted token. */
  result = $state('');
}

class Workbench {
  header = $state(defaultHeader);
  payload = $state(defaultPayload());
  keys = $state<WorkbenchKey[]>([]);
  /** A key the Keys tool asked the Generator to sign with; the Generator takes it on opening. */
  signWith = $state('');
  /**
   * The person's own endpoint, as typed in the attack presets: written only into the commands
   * they copy (the page never requests it), and like the rest, never stored.
   */
  endpoint = $state('');
  signing = new SigningChoices();
  encryption = new EncryptionChoices();
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
