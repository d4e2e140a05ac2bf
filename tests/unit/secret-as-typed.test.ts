import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sign } from '../../src/core/jws/sign';
import { surroundingWhiteSpace } from '../../src/core/keys/import';

describe('surroundingWhiteSpace', () => {
  it('names the white space at each end, or says nothing', () => {
    expect(surroundingWhiteSpace('no-space-here')).toBeUndefined();
    expect(surroundingWhiteSpace('inner space is fine')).toBeUndefined();
    expect(surroundingWhiteSpace('secret ')).toBe('the trailing space');
    expect(surroundingWhiteSpace('secret\n')).toBe('the trailing newline');
    expect(surroundingWhiteSpace('secret\r\n')).toBe('the trailing newline');
    expect(surroundingWhiteSpace('\tsecret')).toBe('the leading tab');
    expect(surroundingWhiteSpace('  secret\n')).toBe('the leading 2 spaces and the trailing newline');
    expect(surroundingWhiteSpace('secret\u00a0')).toBe('the trailing invisible space (U+00A0)');
    expect(surroundingWhiteSpace('secret \n')).toBe('the trailing white space');
  });
});

describe('an HMAC text secret is signed as typed', () => {
  // node:crypto is the second implementation: it computes the HMAC over the signing input
  // (RFC 7515 §5.1) with the exact bytes, and with the trimmed ones.
  const mac = (input: string, secret: string) =>
    createHmac('sha256', secret).update(input).digest('base64url');

  for (const typed of [
    'a-secret-that-is-32-bytes-long!! ',
    'a-secret-that-is-32-bytes-long!!\n',
    '\ta-secret-that-is-32-bytes-long!!',
  ]) {
    it(`${JSON.stringify(typed)}: the signature is made with the white space`, async () => {
      const token = await sign({ alg: 'HS256', typ: 'JWT' }, { sub: 'ada' }, typed, {
        secretEncoding: 'utf8',
      });
      const [header, payload, signature] = token.split('.');
      expect(signature).toBe(mac(`${header}.${payload}`, typed));
      expect(signature).not.toBe(mac(`${header}.${payload}`, typed.trim()));
    });
  }
});
