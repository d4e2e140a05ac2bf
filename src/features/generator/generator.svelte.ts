/**
 * The Generator's state: the signed token that follows every edit, and why there is no token
 * when there is none. What defines the token (header, payload, signing key, its encoding) lives
 * in the shared workbench, so it survives switching tools and the workspace zip can carry the
 * header and payload.
 */
import { SigningError, sign } from '../../core/jws/sign';
import { jwkToPem, publicJwkOf, readKey } from '../../core/keys/export';
import { signingAlgorithm } from '../../core/keys/generate';
import type { SecretEncoding } from '../../core/keys/import';
import { parseJson, type JsonResult } from '../../core/token/json';

export interface SigningInput {
  header: string;
  payload: string;
  key: string;
  secretEncoding: SecretEncoding;
}

function objectOf(
  result: JsonResult,
  what: 'header' | 'payload',
): { value?: Record<string, unknown>; problem?: string } {
  if (!result.ok)
    return { problem: `The ${what} is not valid JSON (line ${result.line}, column ${result.column}).` };
  if (typeof result.value !== 'object' || result.value === null || Array.isArray(result.value))
    return {
      problem:
        what === 'header'
          ? 'The header must be a JSON object (RFC 7515 §4).'
          : 'A JWT payload must be a JSON object (RFC 7519 §7.2).',
    };
  return { value: result.value as Record<string, unknown> };
}

export class GeneratorState {
  token = $state('');
  problem = $state('');
  /** The only thing missing is a key: on a fresh page that is the next step, not an error. */
  needsKey = $state(false);
  signing = $state(false);
  #sequence = 0;

  /** Signs the latest input; an older, slower signature never overwrites a newer one. */
  async run(input: SigningInput) {
    const sequence = ++this.#sequence;
    const header = objectOf(parseJson(input.header), 'header');
    const payload = objectOf(parseJson(input.payload), 'payload');
    const problem = header.problem ?? payload.problem;
    if (problem) return this.#finish(sequence, '', problem);
    const alg = header.value!.alg;
    if (!input.key.trim() && typeof alg === 'string' && signingAlgorithm(alg))
      return this.#finish(
        sequence,
        '',
        `Add a key to sign with ${alg}: paste one, or press "${alg.startsWith('HS') ? 'Generate a secret' : 'Generate a key'}".`,
        true,
      );
    this.signing = true;
    try {
      const token = await sign(header.value!, payload.value!, input.key, {
        secretEncoding: input.secretEncoding,
      });
      this.#finish(sequence, token, '');
    } catch (error) {
      const reason =
        error instanceof SigningError
          ? error.message
          : `The token could not be signed: ${(error as Error).message}`;
      this.#finish(sequence, '', reason);
    }
  }

  #finish(sequence: number, token: string, problem: string, needsKey = false) {
    if (sequence !== this.#sequence) return;
    this.token = token;
    this.problem = problem;
    this.needsKey = needsKey;
    this.signing = false;
  }
}

/**
 * The key that verifies what `signingKey` signs, in the same format: the public half of a
 * private key (so a private key is not handed around needlessly), or the secret itself.
 */
export async function verificationKeyFor(signingKey: string, alg: string): Promise<string> {
  if (signingAlgorithm(alg)?.family === 'hmac') return signingKey;
  const reading = await readKey(signingKey, { preferPrivate: true });
  if (!reading.ok || reading.kind !== 'private') return signingKey;
  if (reading.source === 'jwk' || reading.source === 'jwks')
    return JSON.stringify(publicJwkOf(reading.jwk), null, 2);
  try {
    return (await jwkToPem(reading.jwk)).publicPem;
  } catch {
    return signingKey;
  }
}
