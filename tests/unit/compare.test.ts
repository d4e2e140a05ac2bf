import { describe, expect, it } from 'vitest';
import { compareTokens } from '../../src/core';

describe('compareTokens', () => {
  it('lists claims added, removed and changed, header and payload apart', () => {
    const result = compareTokens(
      { header: { alg: 'HS256', typ: 'JWT' }, payload: { sub: 'u', exp: 1, role: 'user' } },
      { header: { alg: 'RS256', typ: 'JWT' }, payload: { sub: 'u', exp: 2, scope: 'admin' } },
    );
    expect(result.header).toEqual([{ kind: 'changed', name: 'alg', before: 'HS256', after: 'RS256' }]);
    expect(result.payload).toEqual([
      { kind: 'changed', name: 'exp', before: 1, after: 2 },
      { kind: 'removed', name: 'role', before: 'user' },
      { kind: 'added', name: 'scope', after: 'admin' },
    ]);
  });

  it('compares nested values by content, not identity', () => {
    const result = compareTokens(
      { header: {}, payload: { aud: ['a', 'b'] } },
      { header: {}, payload: { aud: ['a', 'b'] } },
    );
    expect(result.payload).toEqual([]);
  });

  it('does not call the claims of a signed token "removed" next to an encrypted one', () => {
    const signed = { header: { alg: 'HS256' }, payload: { sub: 'u', exp: 1 } };
    const encrypted = { header: { alg: 'dir', enc: 'A256GCM' }, payload: undefined };
    expect(compareTokens(signed, encrypted).payload).toBeUndefined();
    expect(compareTokens(encrypted, signed).payload).toBeUndefined();
    expect(compareTokens(signed, encrypted).header).toEqual([
      { kind: 'changed', name: 'alg', before: 'HS256', after: 'dir' },
      { kind: 'added', name: 'enc', after: 'A256GCM' },
    ]);
  });

  it('leaves a payload that is plain text out of the claim comparison', () => {
    expect(compareTokens({ header: {}, payload: 'hello' }, { header: {}, payload: { a: 1 } }).payload).toBe(
      undefined,
    );
  });
});
