import { createHmac } from 'node:crypto';
import { jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { duplicateKey } from '../../../src/core/audit/rules/duplicate-key';
import { b64url, decoded, now } from './tokens';

const sig = Buffer.alloc(32).toString('base64url');

describe('duplicate-key', () => {
  it('flags "alg" twice in the header and "sub" twice in a nested payload object', () => {
    const token = `${b64url('{"alg":"HS256","alg":"none"}')}.${b64url('{"a":{"sub":"1","sub":"2"}}')}.${sig}`;
    const findings = duplicateKey.check(decoded(token), { now });
    expect(findings.map((f) => f.message)).toEqual([
      'The header has the member "alg" twice.',
      'The payload has the member "sub" twice (in "a").',
    ]);
  });
  it('leaves unique names alone, even the same name in sibling objects', () => {
    const token = `${b64url('{"alg":"HS256"}')}.${b64url('{"a":{"x":1},"b":{"x":2}}')}.${sig}`;
    expect(duplicateKey.check(decoded(token), { now })).toEqual([]);
  });
  it('says what jose really does with duplicates: it keeps the last one', async () => {
    const secret = 'a'.repeat(32);
    const signingInput = `${b64url('{"alg":"HS256"}')}.${b64url('{"sub":"alice","sub":"admin"}')}`;
    const token = `${signingInput}.${createHmac('sha256', secret).update(signingInput).digest('base64url')}`;
    const { payload } = await jwtVerify(token, new TextEncoder().encode(secret));
    expect(payload.sub).toBe('admin');
    const [finding] = duplicateKey.check(decoded(token), { now });
    expect(finding!.fix).toContain('jose among them');
    expect(finding!.fix).toContain('keep the last one');
  });
});
