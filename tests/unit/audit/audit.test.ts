import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { audit, inspect } from '../../../src/core';
import { hmacToken, jws, now, nowSeconds } from './tokens';

describe('audit(): the contract of DESIGN.md', () => {
  it('returns every rule that applies, most severe first, each with a message, a fix and a source', async () => {
    const token = hmacToken(
      { alg: 'HS256', kid: '../../etc/passwd' },
      { sub: 'a', email: 'ada@example.com', iat: nowSeconds - 7200, exp: nowSeconds - 3600 },
      'secret',
    );
    const findings = await audit(token, { now });
    expect(findings.map((f) => f.rule).sort()).toEqual([
      'expired',
      'kid-suspicious',
      'sensitive-data',
      'weak-secret',
    ]);
    const ranks = findings.map((f) => ({ danger: 0, warn: 1, info: 2 })[f.severity]);
    expect(ranks).toEqual([...ranks].sort());
    for (const finding of findings) {
      expect(finding.message.length).toBeGreaterThan(20);
      expect(finding.fix.length).toBeGreaterThan(20);
      expect(finding.why?.length).toBeGreaterThan(20);
      expect(finding.reference).toMatch(/RFC \d{4}|OWASP/);
    }
  });

  it('uses the key context: a PEM public key as an HMAC secret is alg-confusion-risk', async () => {
    const pem = generateKeyPairSync('ec', { namedCurve: 'P-256' })
      .publicKey.export({ type: 'spki', format: 'pem' })
      .toString();
    const token = hmacToken({ alg: 'HS256' }, { sub: 'a', exp: nowSeconds + 600 }, pem);
    const rules = (await audit(token, { now, key: pem })).map((f) => f.rule);
    expect(rules).toContain('alg-confusion-risk');
    // without the key, nothing says so: the token alone cannot tell
    expect((await audit(token, { now })).map((f) => f.rule)).not.toContain('alg-confusion-risk');
  });

  it('keeps inspect() to its structural rules and adds the rest', async () => {
    const token = jws({ alg: 'none' }, { sub: 'a' });
    expect(inspect(token, { now }).findings.map((f) => f.rule)).toEqual(['alg-none']);
    expect((await audit(token, { now })).map((f) => f.rule)).toEqual(['alg-none', 'missing-exp']);
  });

  it('answers an undecodable token with no findings instead of throwing', async () => {
    await expect(audit('not a token', { now })).resolves.toEqual([]);
    await expect(audit('', {})).resolves.toEqual([]);
    await expect(audit(undefined as unknown as string)).resolves.toEqual([]);
  });
});
