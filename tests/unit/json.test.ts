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
      { path: ['b'], name: 'x' },
      { path: [], name: 'a' },
      { path: ['list', 0], name: 'y' },
    ]);
  });

  it('treats escaped and plain spellings of a name as the same name', () => {
    const result = parseJson('{"alg":"HS256","\\u0061lg":"none"}');
    expect(result.ok && result.duplicates).toEqual([{ path: [], name: 'alg' }]);
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

describe('numbers no JavaScript number holds exactly', () => {
  it('finds numbers beyond the double range, tiny ones that become 0, and integers past 2^53', () => {
    // "ok" is 0.1 as every reader rounds it, "zero" only spelled otherwise: neither is listed.
    const result = parseJson(
      '{"exp":1e400,"n":12345678901234567890,"tiny":1e-400,"list":[-1e309],"safe":9007199254740992,"ok":0.1,"zero":0e5}',
    );
    expect(result.ok && result.lossyNumbers).toEqual([
      { path: ['exp'], literal: '1e400', value: Infinity },
      // 12345678901234567890 lies between the doubles 12345678901234567168 and …9216 (2^11 apart).
      { path: ['n'], literal: '12345678901234567890', value: 12345678901234567168 },
      { path: ['tiny'], literal: '1e-400', value: 0 },
      { path: ['list', 0], literal: '-1e309', value: -Infinity },
    ]);
  });
});
