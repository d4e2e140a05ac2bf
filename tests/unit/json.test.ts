import { describe, expect, it } from 'vitest';
import { parseJson } from '../../src/core/token/json';

describe('parseJson', () => {
  it('returns the same value as JSON.parse', () => {
    const text = '{"a":[1,2,{"b":null}],"c":"\\u00e9","d":-1.5e3,"e":true}';
    const result = parseJson(text);
    expect(result.ok && result.value).toEqual(JSON.parse(text));
  });

  it('finds duplicate member names with the path of their object', () => {
    const result = parseJson('{"a":1,"b":{"x":1,"x":2},"a":3,"list":[{"y":1,"y":2}]}');
    expect(result.ok && result.duplicates).toEqual([
      { path: '$.b', name: 'x' },
      { path: '$', name: 'a' },
      { path: '$.list[0]', name: 'y' },
    ]);
  });

  it('treats escaped and plain spellings of a name as the same name', () => {
    const result = parseJson('{"alg":"HS256","\\u0061lg":"none"}');
    expect(result.ok && result.duplicates).toEqual([{ path: '$', name: 'alg' }]);
  });

  it.each([
    '',
    ' ',
    '{',
    '[1,]',
    '{"a":}',
    '01',
    '1.',
    '.5',
    '+1',
    'tru',
    'nul',
    '"\\u12"',
    '{"a":1}}',
    '[1 2]',
  ])('rejects %j like JSON.parse does', (text) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(parseJson(text).ok).toBe(false);
  });
});
