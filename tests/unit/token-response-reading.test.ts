/**
 * A pasted token response is read once per text: inspect() (through normalize.ts) and the
 * Decoder's response view (through readTokenResponse) share one reading of its JSON, and a
 * new text is never answered with the reading of an older one.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { inspect, readTokenResponse } from '../../src/core';
import { tokenResponseMembers } from '../../src/core/token/normalize';

const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (payload: object) => `${part({ alg: 'HS256' })}.${part(payload)}.c2ln`;

/** How many times JSON.parse read exactly this text while `run` ran. */
function parsesOf(text: string, run: () => void): number {
  const parse = vi.spyOn(JSON, 'parse');
  try {
    run();
    return parse.mock.calls.filter(([argument]) => argument === text).length;
  } finally {
    parse.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

describe('one reading of a pasted token response', () => {
  const access = jwt({ sub: 'ada', scope: 'read' });
  const id = jwt({ sub: 'ada', nonce: 'n-1' });

  it('is shared by inspect() and readTokenResponse, as the Decoder calls them per keystroke', () => {
    const text = JSON.stringify({ access_token: access, token_type: 'Bearer', id_token: id }, null, 2);
    const count = parsesOf(text, () => {
      const inspection = inspect(text);
      const response = readTokenResponse(text);
      expect(inspection.ok && inspection.token).toBe(access);
      expect(response?.idToken).toBe(id);
    });
    expect(count).toBe(1);
  });

  it('follows the text: every edit is read anew, and each answer is its own text', () => {
    const bob = jwt({ sub: 'bob' });
    const first = JSON.stringify({ access_token: access, id_token: id });
    const second = JSON.stringify({ access_token: access, id_token: bob });
    const idTokenOf = (text: string) => {
      let idToken: string | undefined;
      expect(parsesOf(text, () => (idToken = readTokenResponse(text)?.idToken))).toBe(1);
      return idToken;
    };
    expect(idTokenOf(first)).toBe(id);
    expect(idTokenOf(second)).toBe(bob);
    expect(idTokenOf(first)).toBe(id);
    // Not a response any more: nothing of the last one is answered for it.
    expect(readTokenResponse(access)).toBeUndefined();
    expect(readTokenResponse('{"access_token": "eyJ')).toBeUndefined();
  });

  it('cannot be changed by one reader under the other', () => {
    const text = JSON.stringify({ id_token: id, access_token: access, refresh_token: 'opaque' });
    const shared = tokenResponseMembers(text)!;
    expect(() => (shared as [string, string][]).pop()).toThrow(TypeError);
    expect(readTokenResponse(text)?.members.map((member) => member.name)).toEqual([
      'id_token',
      'access_token',
      'refresh_token',
    ]);
    const inspection = inspect(text);
    expect(inspection.ok && inspection.token).toBe(access);
  });
});
