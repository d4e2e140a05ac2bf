/**
 * Claim helpers never rewrite what they were not asked to: a payload JSON.parse cannot keep as
 * written (a number past 2^53, one beyond a double, a repeated name) is edited in place.
 * Expected texts are written out by hand from the input, one member changed.
 */
import { describe, expect, it } from 'vitest';
import {
  audiencesOf,
  customLifetime,
  editClaims,
  latestNumericDate,
  setMemberInText,
} from '../../src/features/generator/claims';

const lossy = '{"n": 12345678901234567890, "a": 1, "a": 2, "f": 1e400}';

describe('editClaims keeps values a round trip would change', () => {
  it('adds iat after the last member and leaves the rest byte for byte', () => {
    const edit = editClaims(lossy, (claims) => (claims.iat = 1700000000));
    expect(edit).toEqual({
      ok: true,
      inPlace: true,
      text: '{"n": 12345678901234567890, "a": 1, "a": 2, "f": 1e400, "iat": 1700000000}',
    });
  });

  it('replaces the value of the member that counts (the last of duplicates) in place', () => {
    const text = '{\n  "exp": 1,\n  "big": 99999999999999999999,\n  "exp": 2\n}';
    const edit = editClaims(text, (claims) => (claims.exp = 3));
    expect(edit.ok && edit.text).toBe('{\n  "exp": 1,\n  "big": 99999999999999999999,\n  "exp": 3\n}');
  });

  it('indents an added member like the first one, and adds several', () => {
    const text = '{\n    "big": 1e999,\n    "nested": {"x": [1, "}", {"y": "\\""}]}\n}';
    const edit = editClaims(text, (claims) => {
      claims.iss = 'https://issuer.example';
      claims.aud = ['api', 'billing'];
    });
    expect(edit.ok && edit.text).toBe(
      '{\n    "big": 1e999,\n    "nested": {"x": [1, "}", {"y": "\\""}]},\n    "iss": "https://issuer.example",\n    "aud": ["api","billing"]\n}',
    );
  });

  it('still reformats a payload that a round trip keeps whole', () => {
    const edit = editClaims('{"sub":"ada","n":1}', (claims) => (claims.iat = 5));
    expect(edit).toEqual({ ok: true, text: '{\n  "sub": "ada",\n  "n": 1,\n  "iat": 5\n}' });
  });

  it('refuses to remove a member from a payload it would have to rewrite', () => {
    const edit = editClaims(lossy, (claims) => delete claims.a);
    expect(edit.ok).toBe(false);
  });

  it('sets a member in an empty object', () => {
    expect(setMemberInText('{}', 'iat', 1)).toBe('{\n  "iat": 1\n}');
    expect(setMemberInText(' { "a" : 1e400 } ', 'a', 2)).toBe(' { "a" : 2 } ');
  });
});

describe('custom lifetimes', () => {
  const now = 1_700_000_000;
  it('refuses a lifetime past the last date the decoder can show (year 275760)', () => {
    const result = customLifetime(1e300, now);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain('275760');
    // 8.64e15 ms is the end of JavaScript's Date (ECMA-262 §21.4.1.22).
    expect(latestNumericDate * 1000).toBe(8.64e15);
    expect(new Date(latestNumericDate * 1000).getUTCFullYear()).toBe(275760);
    const lastMinute = Math.floor((latestNumericDate - now) / 60);
    expect(customLifetime(lastMinute, now).ok).toBe(true);
    expect(customLifetime(lastMinute + 1, now).ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/^1e\+300 min ends after/);
  });

  it('refuses under a second and says when it rounds', () => {
    expect(customLifetime(0.001, now).ok).toBe(false);
    expect(customLifetime(0, now).ok).toBe(false);
    expect(customLifetime(Number.NaN, now).ok).toBe(false);
    expect(customLifetime(30, now)).toEqual({ ok: true, seconds: 1800, label: '30 min' });
    expect(customLifetime(1.5, now)).toEqual({ ok: true, seconds: 90, label: '90 s' });
    // 0.02 min is 1.2 s: written as 1 s, and said so.
    expect(customLifetime(0.02, now)).toEqual({
      ok: true,
      seconds: 1,
      label: '1 s (0.02 min, rounded to the second)',
    });
  });
});

describe('audiences', () => {
  it('finds none in commas and spaces, one as a string, several as an array', () => {
    expect(audiencesOf(' , ,, ')).toBeUndefined();
    expect(audiencesOf('')).toBeUndefined();
    expect(audiencesOf(' api ')).toBe('api');
    expect(audiencesOf('api,')).toBe('api');
    expect(audiencesOf('api, billing')).toEqual(['api', 'billing']);
  });
});
