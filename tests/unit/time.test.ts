import { describe, expect, it } from 'vitest';
import { describeClaims, describeNumericDate, relativePhrase } from '../../src/core';

const now = Date.UTC(2026, 10, 23, 12, 0, 0);
const seconds = now / 1000;

describe('time claims', () => {
  it('says how far an exp is, both ways', () => {
    expect(relativePhrase('exp', 14 * 60_000 + 5_000)).toBe('expires in 14 min');
    expect(relativePhrase('exp', -2 * 3600_000 - 1)).toBe('expired 2 h ago');
    expect(relativePhrase('nbf', 90_000)).toBe('not valid for another 1 min');
    expect(relativePhrase('iat', -3 * 86_400_000)).toBe('issued 3 days ago');
  });

  it('gives the ISO time of a NumericDate', () => {
    expect(describeNumericDate(1300819380, now)?.iso).toBe('2011-03-22T18:43:00.000Z');
  });

  it('flags a timestamp written in milliseconds', () => {
    expect(describeNumericDate(now, now)?.looksLikeMilliseconds).toBe(true);
    expect(describeNumericDate(seconds, now)?.looksLikeMilliseconds).toBe(false);
  });

  it('reads "never expires" written as the last second of 9999 as seconds, and one second later as milliseconds', () => {
    const lastSecondOf9999 = Date.UTC(9999, 11, 31, 23, 59, 59) / 1000;
    expect(lastSecondOf9999).toBe(253402300799);
    expect(describeNumericDate(lastSecondOf9999, now)).toMatchObject({
      looksLikeMilliseconds: false,
      iso: '9999-12-31T23:59:59.000Z',
    });
    expect(describeNumericDate(lastSecondOf9999 + 1, now)?.looksLikeMilliseconds).toBe(true);
    // Every moment since 12 January 1978, written in milliseconds, is flagged.
    expect(describeNumericDate(Date.UTC(1978, 0, 13), now)?.looksLikeMilliseconds).toBe(true);
  });

  it('describes every claim, times included, and marks unknown names as custom', () => {
    const rows = describeClaims({ alg: 'HS256' }, { exp: seconds + 600, tenant: 'acme' }, now, {
      claimRegistry: { exp: { title: 'Expiration time', description: '', source: '' } },
      headerRegistry: { alg: { title: 'Algorithm', description: '', source: '' } },
    });
    expect(rows.map((r) => [r.section, r.name, r.info?.title])).toEqual([
      ['header', 'alg', 'Algorithm'],
      ['payload', 'exp', 'Expiration time'],
      ['payload', 'tenant', undefined],
    ]);
    expect(rows[1]!.time?.relative).toBe('expires in 10 min');
  });

  it('past 500 rows, still lists the registered claims (an exp at place 601 keeps its time)', () => {
    const payload: Record<string, unknown> = {};
    for (let i = 0; i < 600; i++) payload[`claim_${i}`] = i;
    Object.assign(payload, { iss: 'https://issuer.example', exp: seconds + 600 });
    for (let i = 600; i < 700; i++) payload[`claim_${i}`] = i;
    const rows = describeClaims({}, payload, now);
    const names = rows.map((row) => row.name);
    expect(names).toHaveLength(502);
    expect(names.slice(0, 500)).toEqual(Array.from({ length: 500 }, (_, i) => `claim_${i}`));
    expect(names.slice(500)).toEqual(['iss', 'exp']);
    expect(rows.at(-1)!.time?.relative).toBe('expires in 10 min');
  });

  it('does not take a prototype name for a registered claim', () => {
    const rows = describeClaims({}, { constructor: 1, toString: 2 }, now, {
      claimRegistry: {},
      headerRegistry: {},
    });
    expect(rows.every((r) => r.info === undefined)).toBe(true);
  });
});
