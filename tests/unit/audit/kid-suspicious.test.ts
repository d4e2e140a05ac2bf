import { describe, expect, it } from 'vitest';
import { kidSuspicious } from '../../../src/core/audit/rules/kid-suspicious';
import { decoded, jws, now } from './tokens';

const check = (kid: unknown) =>
  kidSuspicious.check(decoded(jws({ alg: 'HS256', kid }, { sub: 'a' })), { now });

describe('kid-suspicious', () => {
  it.each([
    ['../../../../dev/null', 'path traversal'],
    ['/etc/passwd', 'absolute file path'],
    ["x' UNION SELECT 'key", 'SQL syntax'],
    ['key1; rm -rf /', 'shell metacharacters'],
    ['k$(id)', 'shell metacharacters'],
    ['https://evil.example/key.pem', 'a URL'],
    ['a\u0000b', 'NUL byte'],
    [{ nested: true }, 'not a string'],
  ])('flags %j (%s)', (kid, reason) => {
    const [finding] = check(kid);
    expect(finding?.severity).toBe('danger');
    expect(finding?.message).toContain(reason);
  });
  it('shows control characters escaped, not raw', () => {
    expect(check('a\u0000b')[0]?.message).toContain('"a\\u0000b"');
  });
  it.each([
    '2024-05',
    'NjVBRjY5MDlCMUIwNzU4RTA2QzZFMDQ4QzQ2MDAyQjVDNjk1RTM2Qg',
    '1b94c_8e-7a2f',
    'b4b8c0d2-3e1f-4a5b-9c6d-7e8f9a0b1c2d',
    'abc/def+ghi=',
  ])('leaves the ordinary key ID %j alone', (kid) => {
    expect(check(kid)).toEqual([]);
  });
});
