/**
 * at_hash (OpenID Connect Core 1.0 §3.1.3.6, §3.2.2.9) against published examples and Node's
 * own hashes, and the reading of a pasted token response that feeds it.
 */
import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkAtHash, inspect, oidcHashAlgorithm, oidcTokenHash, readTokenResponse } from '../../src/core';
import examples from '../fixtures/oidc-at-hash.json';

/** The reference: Node's hash of the ASCII octets, left half, base64url. */
function nodeHalfHash(value: string, hash: string, outputLength?: number): string {
  const digest = createHash(hash, outputLength ? { outputLength } : undefined)
    .update(value, 'ascii')
    .digest();
  return digest.subarray(0, digest.length / 2).toString('base64url');
}

const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** An ID token as a client receives it; the signature does not matter to at_hash. */
const idToken = (header: object, payload: object) => `${part(header)}.${part(payload)}.c2ln`;

describe('oidcTokenHash', () => {
  it.each(examples.vectors)('$source', async ({ accessToken, alg, atHash }) => {
    expect(await oidcTokenHash(accessToken, alg)).toBe(atHash);
  });

  // The hash of each alg, as OpenID Connect Core and panva/oidc-token-hash map them.
  const nodeHashOf: [string, string, number?][] = [
    ['HS256', 'sha256'],
    ['RS256', 'sha256'],
    ['PS256', 'sha256'],
    ['ES256', 'sha256'],
    ['ES256K', 'sha256'],
    ['HS384', 'sha384'],
    ['PS384', 'sha384'],
    ['ES384', 'sha384'],
    ['HS512', 'sha512'],
    ['RS512', 'sha512'],
    ['ES512', 'sha512'],
    ['Ed25519', 'sha512'],
    ['EdDSA', 'sha512'],
    ['Ed448', 'shake256', 114],
  ];
  it.each(nodeHashOf)('%s hashes as Node’s %s does', async (alg, hash, outputLength) => {
    for (const accessToken of ['a', randomBytes(32).toString('base64url'), 'ya29.a0AfH6SMB-opaque.token']) {
      expect(await oidcTokenHash(accessToken, alg)).toBe(nodeHalfHash(accessToken, hash, outputLength));
    }
  });

  it('has no hash for algorithms that sign nothing or are not JWS algorithms', async () => {
    for (const alg of ['none', 'RSA-OAEP', 'dir', 'HS257', 'rs256', '']) {
      expect(oidcHashAlgorithm(alg), alg).toBeUndefined();
      expect(await oidcTokenHash('token', alg), alg).toBeUndefined();
    }
    // EdDSA names no curve: the Ed25519 reading is an assumption, and says so.
    expect(oidcHashAlgorithm('EdDSA')?.assumption).toMatch(/Ed25519/);
    expect(oidcHashAlgorithm('Ed25519')?.assumption).toBeUndefined();
  });
});

describe('checkAtHash', () => {
  it("matches OpenID Connect Core's own example response (Appendix A.3)", async () => {
    const { idToken: example, accessToken } = examples.appendixA3;
    const check = await checkAtHash(example, accessToken);
    expect(check).toMatchObject({ outcome: 'match', alg: 'RS256', hash: 'SHA-256' });
    expect(check.claimed).toBe('77QmUPtjPfzWtF2AnpK9RQ');
    expect(check.message).toContain('matches this access_token');
  });

  it('says when the access token was not the one issued with the ID token, and both values', async () => {
    const accessToken = 'an-access-token-from-another-response';
    const claimed = nodeHalfHash('the-access-token-issued-with-it', 'sha384');
    const check = await checkAtHash(idToken({ alg: 'ES384' }, { sub: 'ada', at_hash: claimed }), accessToken);
    expect(check.outcome).toBe('mismatch');
    expect(check.computed).toBe(nodeHalfHash(accessToken, 'sha384'));
    expect(check.message).toContain(`it says "${claimed}"`);
    expect(check.message).toContain(`hashes to "${nodeHalfHash(accessToken, 'sha384')}"`);
    expect(check.message).toContain('SHA-384');
    expect(check.message).toContain('§3.2.2.9');
  });

  it('a missing at_hash is a note, not a failure; an odd one is a mismatch; no alg is unchecked', async () => {
    const missing = await checkAtHash(idToken({ alg: 'RS256' }, { sub: 'ada' }), 'token');
    expect(missing.outcome).toBe('missing');
    expect(missing.message).toContain('§3.1.3.6');

    const numeric = await checkAtHash(idToken({ alg: 'RS256' }, { at_hash: 42 }), 'token');
    expect(numeric.outcome).toBe('mismatch');
    expect(numeric.message).toContain('not a string');

    const unsigned = await checkAtHash(idToken({ alg: 'none' }, { at_hash: 'x' }), 'token');
    expect(unsigned.outcome).toBe('unchecked');
    expect(unsigned.message).toContain('"none" names no hash');

    const damaged = await checkAtHash('eyJhbGciOiJSUzI1NiJ9.not*base64.c2ln', 'token');
    expect(damaged.outcome).toBe('unchecked');
  });

  it('EdDSA: checked with SHA-512 and the assumption said', async () => {
    const accessToken = 'eddsa-access-token';
    const check = await checkAtHash(
      idToken({ alg: 'EdDSA' }, { at_hash: nodeHalfHash(accessToken, 'sha512') }),
      accessToken,
    );
    expect(check.outcome).toBe('match');
    expect(check.message).toContain('as for Ed25519');
  });
});

describe('readTokenResponse', () => {
  const access = idToken({ alg: 'RS256', typ: 'at+jwt' }, { sub: 'ada', scope: 'read' });
  const id = idToken({ alg: 'RS256' }, { sub: 'ada', at_hash: 'x' });

  it('lists every token of the response, and shows the one the decoder shows', () => {
    const responses = [
      { access_token: access, token_type: 'Bearer', id_token: id, refresh_token: 'opaque-refresh' },
      { id_token: id, access_token: access },
      // OpenID Connect Core §3.1.3.3's example: an opaque access token beside the ID token.
      { access_token: 'SlAV32hkKG', token_type: 'Bearer', id_token: id, expires_in: 3600 },
      { id_token: id },
    ];
    for (const response of responses) {
      const text = JSON.stringify(response, null, 2);
      const read = readTokenResponse(text)!;
      // The decoder (normalize.ts, through inspect) is the reference for which token shows.
      const shown = inspect(text);
      expect(shown.ok && read.shown?.value, text).toBe(shown.ok && shown.token);
      expect(read.idToken).toBe(id);
      expect(read.accessToken).toBe(response.access_token);
    }
    const full = readTokenResponse(JSON.stringify(responses[0]))!;
    expect(full.members.map((member) => [member.name, member.decodable])).toEqual([
      ['access_token', true],
      ['id_token', true],
      ['refresh_token', false],
    ]);
  });

  it('is not a response: a bare token, JSON serialization, no token in it, broken JSON', () => {
    for (const text of [
      access,
      JSON.stringify({ payload: part({ sub: 'ada' }), signatures: [] }),
      JSON.stringify({ access_token: 'opaque-only', token_type: 'Bearer' }),
      '{"access_token": "eyJ',
      '[]',
      '',
    ])
      expect(readTokenResponse(text), text).toBeUndefined();
  });
});
