/** What the Generator's component tests share: a clean workbench, and key and token helpers. */
import { workbench } from '../../../src/state/workbench.svelte';

/**
 * The Generator's state outlives its component (it survives switching tools), so each test
 * starts from the defaults: the sample header and payload, no keys, no signing or JWE key.
 */
export function resetGenerator() {
  workbench.header = '{\n  "alg": "HS256",\n  "typ": "JWT"\n}';
  workbench.payload = '{\n  "sub": "ada"\n}';
  workbench.keys = [];
  workbench.endpoint = '';
  workbench.signing.key = '';
  workbench.signing.keyOrigin = 'pasted';
  workbench.signing.secretEncoding = 'utf8';
  workbench.signing.savedKeyId = '';
  workbench.encryption.alg = 'RSA-OAEP-256';
  workbench.encryption.enc = 'A256GCM';
  workbench.encryption.key = '';
  workbench.encryption.result = '';
}

/** A compact token's header or payload, parsed. */
export const decodePart = (part: string) =>
  JSON.parse(
    new TextDecoder().decode(
      Uint8Array.from(atob(part.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)),
    ),
  );

/** A fresh RSA private key as a PKCS#8 PEM, made by WebCrypto (not by the code under test). */
export async function pkcs8PemOfNewRsaKey(): Promise<string> {
  const pair = await crypto.subtle.generateKey(
    {
      name: 'RSASSA-PKCS1-v1_5',
      modulusLength: 2048,
      publicExponent: new Uint8Array([1, 0, 1]),
      hash: 'SHA-256',
    },
    true,
    ['sign', 'verify'],
  );
  const der = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
  const body = btoa(String.fromCharCode(...der)).replace(/.{64}/g, '$&\n');
  return `-----BEGIN PRIVATE KEY-----\n${body}\n-----END PRIVATE KEY-----\n`;
}
