import { describe, expect, it } from 'vitest';
import { algNone } from '../../../src/core/audit/rules/alg-none';
import { decoded, jws, now } from './tokens';

describe('alg-none', () => {
  it('flags "none" in any letter case as danger', () => {
    for (const alg of ['none', 'None', 'NONE', 'nOnE']) {
      const [finding] = algNone.check(
        decoded(`${jws({ alg }, { sub: '1' }).split('.').slice(0, 2).join('.')}.`),
        { now },
      );
      expect(finding).toMatchObject({ rule: 'alg-none', severity: 'danger' });
      expect(finding!.message).toContain(`"alg": "${alg}"`);
      expect(finding!.reference).toContain('RFC 8725 §3.1');
    }
  });
  it('flags a stripped signature under a real algorithm', () => {
    const stripped = `${jws({ alg: 'HS256' }, { sub: '1' }).split('.').slice(0, 2).join('.')}.`;
    const [finding] = algNone.check(decoded(stripped), { now });
    expect(finding).toMatchObject({ rule: 'alg-none', severity: 'danger' });
    expect(finding!.message).toContain('signature is empty');
    expect(finding!.message).toContain('"alg": "HS256"');
  });
  it('leaves a signed token alone', () => {
    expect(algNone.check(decoded(jws({ alg: 'HS256' }, { sub: '1' })), { now })).toEqual([]);
  });
});
