import { describe, expect, it } from 'vitest';
import { prettyJson, prettyJsonIteratively } from '../../src/ui/pretty-json';

describe('prettyJson', () => {
  it.each([
    {
      sub: 'ada',
      roles: ['admin', 'user'],
      nested: { a: [1, { b: null }], e: {}, f: [] },
      n: -1.5e-7,
      t: true,
    },
    [1, [2, [3, []]], 'x'],
    'plain',
    42,
    null,
  ])('the loop prints exactly what JSON.stringify prints: %j', (value) => {
    for (const indent of [0, 2, 4])
      expect(prettyJsonIteratively(value, indent)).toBe(JSON.stringify(value, null, indent));
  });

  it('prints 10,000 levels of nesting that JSON.stringify cannot', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 10_000; i++) deep = { a: deep };
    const value = { sub: 'deep', deep };
    expect(() => JSON.stringify(value, null, 2)).toThrow(RangeError);
    const text = prettyJson(value);
    expect(text.startsWith('{\n  "sub": "deep",\n  "deep": {\n    "a": {')).toBe(true);
    expect(text).toContain('"bottom"');
    // Indentation stops growing at 64 levels, so the text stays proportional to the value.
    expect(text.length).toBeLessThan(10_000 * 2 * (64 * 2 + 10));
  });
});

describe('prettyJson and bidirectional controls', () => {
  it('writes them escaped, which is the same JSON shown as it really is', () => {
    const value = { '\u202enimda_si': 'admin\u202enimda-ton' };
    const text = prettyJson(value);
    expect(text).toBe('{\n  "\\u202enimda_si": "admin\\u202enimda-ton"\n}');
    expect(JSON.parse(text)).toEqual(value);
  });
});
