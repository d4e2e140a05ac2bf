import { calculateJwkThumbprint, type JWK } from 'jose';

/**
 * The RFC 7638 JWK thumbprint (SHA-256, base64url): a name for a key computed from its public
 * members only, so the private and public halves of a pair share it. It makes a good `kid`
 * because anyone holding the key can recompute it.
 */
export async function jwkThumbprint(jwk: JWK): Promise<string> {
  return calculateJwkThumbprint(jwk, 'sha256');
}
