import { describe, expect, it } from 'vitest';
import { audit } from '../../../src/core';
import { checkWeakSecret } from '../../../src/core/audit/rules/weak-secret';
import { wellKnownSecrets } from '../../../src/core/audit/weak-secrets';
import { decoded, hmacToken, jws, now, nowSeconds } from './tokens';

const claims = { sub: 'user-1', iat: nowSeconds, exp: nowSeconds + 600 };
const strongSecret = 'k7P0-vQm9RZtW2x8bYc4NfHjLs6uEa1dGi3oKy5T';

describe('weak-secret', () => {
  it('finds the jwt.io sample secret behind an HS256 token signed by node:crypto', async () => {
    const findings = await audit(hmacToken({ alg: 'HS256' }, claims, 'your-256-bit-secret'), { now });
    const hit = findings.find((f) => f.rule === 'weak-secret');
    expect(hit?.severity).toBe('danger');
    expect(hit?.message).toContain('"your-256-bit-secret"');
  });

  it('finds well-known secrets for HS384 and HS512 too, and the empty secret', async () => {
    for (const [alg, secret] of [
      ['HS384', 'changeme'],
      ['HS512', 'keyboard cat'],
      ['HS256', ''],
    ] as const) {
      const result = await checkWeakSecret(decoded(hmacToken({ alg }, claims, secret)), { now });
      expect(result.search).toMatchObject({ status: 'found', secret });
    }
  });

  it('tries every listed candidate and finds nothing for a random secret', async () => {
    const token = hmacToken({ alg: 'HS256' }, claims, strongSecret);
    const result = await checkWeakSecret(decoded(token), { now });
    expect(result.search).toEqual({ status: 'not-found', tried: wellKnownSecrets.length });
    expect(result.findings).toEqual([]);
    expect((await audit(token, { now })).some((f) => f.rule === 'weak-secret')).toBe(false);
  });

  it('judges the verifying secret: too short for HS256 (RFC 7518 §3.2 asks 32 bytes)', async () => {
    const token = hmacToken({ alg: 'HS256' }, claims, 'tiny-but-not-listed');
    const findings = await audit(token, { now, key: 'tiny-but-not-listed' });
    const hit = findings.find((f) => f.rule === 'weak-secret');
    expect(hit?.message).toMatch(
      /verifies this token is 19 bytes long; HS256 needs a key of at least 32 bytes/,
    );
    // the same secret, long enough, is not flagged
    expect(
      (await audit(hmacToken({ alg: 'HS256' }, claims, strongSecret), { now, key: strongSecret })).some(
        (f) => f.rule === 'weak-secret',
      ),
    ).toBe(false);
  });

  it('reads an "oct" JWK as the secret bytes', async () => {
    const key = JSON.stringify({ kty: 'oct', k: Buffer.from('0123456789').toString('base64url') });
    const token = hmacToken({ alg: 'HS256' }, claims, Buffer.from('0123456789'));
    const findings = await audit(token, { now, key });
    // "0123456789" is on the list, so the search finds it before the length check runs
    expect(findings.find((f) => f.rule === 'weak-secret')?.message).toContain('"0123456789"');
  });

  it('stops when cancelled and reports progress', async () => {
    const token = decoded(hmacToken({ alg: 'HS256' }, claims, strongSecret));
    const controller = new AbortController();
    const progress: number[] = [];
    const candidates = Array.from({ length: 10_000 }, (_, i) => `candidate-${i}`);
    const result = await checkWeakSecret(
      token,
      { now },
      {
        candidates,
        signal: controller.signal,
        onProgress: (tried) => {
          progress.push(tried);
          if (tried >= 4096) controller.abort();
        },
      },
    );
    expect(result.search).toEqual({ status: 'cancelled', tried: 4096 });
    expect(progress).toEqual([2048, 4096]);
  });

  it('does not apply to asymmetric or unsigned tokens', async () => {
    const result = await checkWeakSecret(decoded(jws({ alg: 'RS256' }, claims)), { now, key: 'secret' });
    expect(result).toEqual({ findings: [], search: { status: 'not-applicable' } });
  });
});

describe('the well-known secret list', () => {
  it('holds each secret once, and the samples of the jwt.io debugger and the jsonwebtoken README', () => {
    expect(new Set(wellKnownSecrets).size).toBe(wellKnownSecrets.length);
    for (const sample of ['your-256-bit-secret', 'shhhhh', 'keyboard cat', 'secret'])
      expect(wellKnownSecrets).toContain(sample);
  });
});

describe('the verifying secret, rated by zxcvbn (as the worker does)', () => {
  it('flags a guessable human-chosen secret that is long enough and on no list', async () => {
    const { rateSecret } = await import('../../../src/features/audit/worker/rate-secret');
    const human = 'passwordpasswordpassword12345678'; // 32 bytes: long enough, but a repeated word and a sequence
    const token = hmacToken({ alg: 'HS256' }, claims, human);
    const result = await checkWeakSecret(decoded(token), { now, key: human }, { rateSecret });
    expect(result.findings[0]?.message).toMatch(/looks human-chosen: .*about 10\^\d+ guesses/);
    const random = await checkWeakSecret(
      decoded(hmacToken({ alg: 'HS256' }, claims, strongSecret)),
      { now, key: strongSecret },
      { rateSecret },
    );
    expect(random.findings).toEqual([]);
  }, 30_000);
});

describe('when the search does not run', () => {
  it('skips a signature of the wrong length, saying why (an HS256 MAC is 32 bytes)', async () => {
    const token = `${jws({ alg: 'HS256' }, claims).split('.').slice(0, 2).join('.')}.${Buffer.alloc(31).toString('base64url')}`;
    const { search } = await checkWeakSecret(decoded(token), { now });
    expect(search).toEqual({
      status: 'skipped',
      reason:
        'the signature is 31 bytes, not the 32 bytes every HS256 signature has, so no secret can produce it',
    });
  });
  it('skips a token over 1 MB instead of hashing it once per guess', async () => {
    const token = hmacToken({ alg: 'HS256' }, { blob: 'x'.repeat(1_100_000) }, 'secret');
    const { search } = await checkWeakSecret(decoded(token), { now });
    expect(search.status).toBe('skipped');
  });
});
