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
});
