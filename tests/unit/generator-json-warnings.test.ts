import { describe, expect, it } from 'vitest';
import { jsonWarnings } from '../../src/features/generator/json-warnings';
import { formatJsonPath, parseJson } from '../../src/core/token/json';

describe('Generator JSON warnings: names that appear twice', () => {
  it('say "at the top level" for the root and a readable path inside, never "$"', () => {
    expect(jsonWarnings('{"alg":"HS256","alg":"RS256"}')).toEqual([
      '"alg" appears twice at the top level; only the last one counts.',
    ]);
    expect(jsonWarnings('{"a":{"b":{"x":1,"x":2}}}')).toEqual([
      '"x" appears twice in "a"."b"; only the last one counts.',
    ]);
    expect(jsonWarnings('{"list":[{"k":1},{"k":1,"k":2}]}')).toEqual([
      '"k" appears twice in "list"[1]; only the last one counts.',
    ]);
    // Escapes name the same member (RFC 8259 §7): "\u0061" is "a".
    expect(jsonWarnings('{"a":1,"\\u0061":2}')).toEqual([
      '"a" appears twice at the top level; only the last one counts.',
    ]);
    // The same name in two different objects is not a duplicate.
    expect(jsonWarnings('{"a":{"x":1},"b":{"x":1}}')).toEqual([]);
    for (const text of ['{"alg":"HS256","alg":"RS256"}', '{"a":{"b":{"x":1,"x":2}}}'])
      expect(jsonWarnings(text).join(' ')).not.toContain('$');
  });

  it('find the same duplicates as the core parser', () => {
    const text = '{"a":1,"a":2,"o":{"p":[{"q":1,"q":2}],"r":0,"r":1}}';
    const result = parseJson(text);
    expect(result.ok && result.duplicates.map((entry) => entry.name)).toEqual(['a', 'q', 'r']);
    expect(jsonWarnings(text).map((warning) => warning.split(' ')[0])).toEqual(['"a"', '"q"', '"r"']);
  });

  it('write paths with JSON quoting', () => {
    expect(formatJsonPath(['a', 'b'])).toBe('"a"."b"');
    expect(formatJsonPath(['aud', 2])).toBe('"aud"[2]');
    expect(formatJsonPath(['with "quote"', 0, 'x'])).toBe('"with \\"quote\\""[0]."x"');
  });
});

describe('Generator JSON warnings: numbers a double cannot hold as written', () => {
  it('a number beyond the double range: JSON.stringify writes null', () => {
    // Independent: JSON.parse gives Infinity, and JSON.stringify(Infinity) is "null" (ECMA-262 SerializeJSONProperty).
    expect(JSON.stringify(JSON.parse('{"n":1e400}'))).toBe('{"n":null}');
    const [warning] = jsonWarnings('{"sub":"x","n": 1e400}');
    expect(warning).toMatch(/^"n": 1e400 is beyond the range of a double/);
    expect(warning).toMatch(/signed as null\.$/);
    expect(jsonWarnings('{"n":-1e309}')[0]).toContain('signed as null');
  });

  it('an integer beyond 2^53 loses digits, and the warning says what it becomes', () => {
    const literal = '12345678901234567890123';
    // Independent: BigInt keeps every digit; the double does not.
    expect(BigInt(Number(literal))).not.toBe(BigInt(literal));
    const [warning] = jsonWarnings(`{"big": ${literal}}`);
    expect(warning).toBe(
      `"big": ${literal} is an integer beyond 2^53, where doubles skip integers: it will be signed as 1.2345678901234568e+22.`,
    );
    // 2^53 + 1 is the first integer a double cannot hold; 2^53 itself is exact.
    expect(jsonWarnings('{"a":{"b":[9007199254740993]}}')[0]).toMatch(
      /^"a"\."b"\[0\]: 9007199254740993 .* signed as 9007199254740992\.$/,
    );
    expect(jsonWarnings('{"n":9007199254740992}')).toEqual([]);
  });

  it('more decimal digits than a double keeps, or too small for one', () => {
    expect(jsonWarnings('{"pi":3.14159265358979323846}')[0]).toMatch(
      /^"pi": 3\.14159265358979323846 has more digits .* signed as 3\.141592653589793\.$/,
    );
    expect(jsonWarnings('{"tiny":1e-400}')[0]).toMatch(/^"tiny": 1e-400 is too small .* signed as 0\.$/);
  });

  it('stays quiet when only the spelling changes, not the value', () => {
    for (const text of [
      '{"a":1.0,"b":1e2,"c":100,"d":-0,"e":0.1,"f":1E+21,"g":1.50e-3,"h":1700000000,"i":0.0}',
      '[1, 2.5, -3e-7, 123456789012345]',
      '{"s":"1e400 in a string is text"}',
    ])
      expect(jsonWarnings(text), text).toEqual([]);
  });

  it('names the root value when it is a number', () => {
    expect(jsonWarnings('1e999')).toEqual([
      'The value: 1e999 is beyond the range of a double (about ±1.8e308): it will be signed as null.',
    ]);
  });
});
