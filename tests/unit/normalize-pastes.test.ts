/** What people paste besides a bare token: a whole OAuth token response, a cookie line. */
import { describe, expect, it } from 'vitest';
import { inspect } from '../../src/core';

const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const access = `${part({ alg: 'RS256', typ: 'at+jwt' })}.${part({ sub: 'ada', scope: 'read' })}.c2ln`;
const id = `${part({ alg: 'RS256' })}.${part({ sub: 'ada', nonce: 'n-0S6_WzA2Mj' })}.c2ln`;

describe('pasted wrappers around a token', () => {
  it('an OAuth token response (RFC 6749 §5.1): the access token, and a note naming the others', () => {
    const response = JSON.stringify({
      access_token: access,
      token_type: 'Bearer',
      expires_in: 86400,
      id_token: id,
      refresh_token: 'v1.MbX-opaque-refresh-token',
    });
    const result = inspect(response);
    expect(result.ok && result.payload).toEqual({ sub: 'ada', scope: 'read' });
    expect(result.notes).toContain(
      '"access_token" was taken from the pasted JSON. It also holds "id_token": "Show the id_token" switches to it.',
    );
    // An ID token alone is taken too; an opaque refresh token is not a JWT and is not offered.
    const idOnly = inspect(JSON.stringify({ id_token: id, refresh_token: 'opaque' }));
    expect(idOnly.ok && idOnly.payload).toEqual({ sub: 'ada', nonce: 'n-0S6_WzA2Mj' });
  });

  it('a cookie line, with or without its header name', () => {
    for (const line of [
      `access_token=${access}; Path=/; HttpOnly; Secure`,
      `Set-Cookie: session=${access}; SameSite=Lax`,
      `Cookie: at=${access}`,
    ]) {
      const result = inspect(line);
      expect(result.ok && result.payload, line).toEqual({ sub: 'ada', scope: 'read' });
      expect(result.notes.join(' '), line).toMatch(
        /The value of the cookie "(access_token|session|at)" was taken\./,
      );
    }
  });

  it('leaves a JSON-serialized JWS, and a damaged token, as they are', () => {
    const flattened = JSON.stringify({
      payload: part({ sub: 'ada' }),
      protected: part({ alg: 'HS256' }),
      signature: 'c2ln',
    });
    expect(inspect(flattened)).toMatchObject({ ok: true, format: 'jws-json' });
    const damaged = inspect(`access_token=${access.replace('.c2ln', '.c2*n')}`);
    expect(damaged.ok).toBe(false);
    // JSON that holds no token is still reported as what it is.
    expect(inspect('{"token_type":"Bearer"}').ok).toBe(false);
  });
});
