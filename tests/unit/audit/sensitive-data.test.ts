import { describe, expect, it } from 'vitest';
import { passesLuhn, sensitiveData } from '../../../src/core/audit/rules/sensitive-data';
import { decoded, jws, now } from './tokens';

const check = (payload: object) => sensitiveData.check(decoded(jws({ alg: 'HS256' }, payload)), { now });

describe('sensitive-data', () => {
  it('implements Luhn: published test card numbers pass, one changed digit fails', () => {
    // Visa and Mastercard test numbers published by payment processors.
    expect(passesLuhn('4111111111111111')).toBe(true);
    expect(passesLuhn('5555555555554444')).toBe(true);
    expect(passesLuhn('378282246310005')).toBe(true);
    expect(passesLuhn('4111111111111112')).toBe(false);
  });
  it('flags a card number (grouped or as a JSON number) without echoing it', () => {
    const [grouped] = check({ card: '4111 1111 1111 1111' });
    expect(grouped).toMatchObject({ severity: 'danger' });
    expect(grouped?.message).toContain('ending …1111');
    expect(grouped?.message).not.toContain('4111 1111');
    expect(check({ n: 5555555555554444 })[0]?.message).toContain('payment-card check');
  });
  it('flags password-like claim names with a value', () => {
    expect(check({ user: { db_password: 'hunter2' } })[0]?.message).toContain('"db_password"');
    expect(check({ client_secret: 'abc' })[0]?.severity).toBe('danger');
    expect(check({ pwd: 'x' })).toHaveLength(1);
  });
  it('notes emails and phone numbers as info', () => {
    const findings = check({ email: 'ada@example.com', contact: { phone_number: '+44 20 7946 0958' } });
    expect(findings.map((f) => [f.severity, f.message])).toEqual([
      ['info', 'The readable payload carries an email address at $.email.'],
      ['info', 'The readable payload carries a phone number (ending …0958) at $.contact.phone_number.'],
    ]);
  });
  it('leaves ordinary claims alone: ids, timestamps in ms, a numeric sub, "classname", boolean flags', () => {
    expect(
      check({
        sub: '1234567890',
        iat_ms: 1763900000000,
        order: 4111111111111112,
        classname: 'x',
        password_set: true,
        scope: 'read write',
        aud: 'api',
      }),
    ).toEqual([]);
  });
  it('summarizes beyond eight hits', () => {
    const payload = Object.fromEntries(
      Array.from({ length: 12 }, (_, i) => [`email${i}`, `u${i}@example.org`]),
    );
    const findings = check(payload);
    expect(findings).toHaveLength(9);
    expect(findings[8]?.message).toContain('4 more');
  });
});
