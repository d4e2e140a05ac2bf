import { describe, expect, it } from 'vitest';
import { inspect } from '../../src/core';
import examples from '../fixtures/rfc-examples.json';

const b64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const b64urlBytes = (bytes: number[]) => Buffer.from(bytes).toString('base64url');
const header = b64url('{"alg":"HS256","typ":"JWT"}');
const payload = b64url('{"sub":"42","name":"Ada"}');
const signature = b64urlBytes(Array.from({ length: 32 }, (_, i) => i));
const good = `${header}.${payload}.${signature}`;

describe('inspect: published examples', () => {
  for (const example of examples.jws) {
    it(`decodes ${example.name} to its published header and payload`, () => {
      const result = inspect(example.token);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.format).toBe('jws-compact');
      expect(result.header).toEqual(JSON.parse(example.headerText));
      expect(result.payload).toEqual(JSON.parse(example.payloadText));
      expect(result.parts.map((p) => p.name)).toEqual(['header', 'payload', 'signature']);
      expect(result.parts[0]!.bytes).toBe(Buffer.byteLength(example.headerText));
      expect(result.parts[1]!.bytes).toBe(Buffer.byteLength(example.payloadText));
      expect(result.parts[2]!.bytes).toBe(example.signatureBytes);
    });
  }

  for (const example of examples.jwe) {
    it(`decodes the protected header of ${example.name} and lists its encrypted parts`, () => {
      const result = inspect(example.token);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.format).toBe('jwe-compact');
      expect(result.header).toEqual(JSON.parse(example.headerText));
      expect(result.payload).toBeUndefined();
      expect(result.parts.map((p) => [p.name, p.bytes])).toEqual([
        ['header', Buffer.byteLength(example.headerText)],
        ['encrypted_key', example.encryptedKeyBytes],
        ['iv', example.ivBytes],
        ['ciphertext', expect.any(Number)],
        ['tag', example.tagBytes],
      ]);
    });
  }
});

describe('inspect: what people paste', () => {
  it.each([
    ['a Bearer prefix', `Bearer ${good}`, 'Bearer'],
    ['an Authorization header line', `Authorization: Bearer ${good}`, 'Authorization'],
    ['double quotes', `"${good}"`, 'quotes'],
    ['line breaks from a terminal', `${good.slice(0, 20)}\n${good.slice(20)}`, 'White space'],
    ['surrounding white space', `  \n${good}\t `, null],
  ])('drops %s and says so', (_, input, note) => {
    const result = inspect(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.token).toBe(good);
    expect(result.payload).toEqual({ sub: '42', name: 'Ada' });
    if (note) expect(result.notes.join(' ')).toContain(note);
    else expect(result.notes).toEqual([]);
  });

  it('keeps a payload that is not JSON as text', () => {
    const result = inspect(`${header}.${b64url('hello, world')}.${signature}`);
    expect(result.ok && result.payload).toBe('hello, world');
  });

  it('reads an unencoded payload (RFC 7797, "b64": false) as it stands', () => {
    const result = inspect(`${b64url('{"alg":"HS256","b64":false,"crit":["b64"]}')}.$02.${signature}`);
    expect(result.ok && result.payload).toBe('$02');
  });

  it('renders nothing: an HTML claim is data, returned as the same string', () => {
    const evil = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    const result = inspect(`${header}.${b64url(JSON.stringify({ name: evil }))}.${signature}`);
    expect(result.ok && (result.payload as { name: string }).name).toBe(evil);
  });
});

describe('inspect: JSON serialization', () => {
  const protectedHeader = b64url('{"alg":"ES256"}');
  it('reads flattened JWS JSON', () => {
    const token = JSON.stringify({ payload, protected: protectedHeader, header: { kid: 'k1' }, signature });
    const result = inspect(token);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.format).toBe('jws-json');
    expect(result.header).toEqual({ alg: 'ES256', kid: 'k1' });
    expect(result.payload).toEqual({ sub: '42', name: 'Ada' });
  });

  it('reads general JWS JSON and says how many signatures it has', () => {
    const token = JSON.stringify({
      payload,
      signatures: [
        { protected: protectedHeader, signature },
        { protected: b64url('{"alg":"HS256"}'), signature },
      ],
    });
    const result = inspect(token);
    expect(result.ok && result.format).toBe('jws-json');
    expect(result.ok && result.header).toEqual({ alg: 'ES256' });
    expect(result.notes.join(' ')).toContain('2 signatures (ES256; HS256)');
  });

  it('names the header members a JWS signature does not cover, and tells signatures apart', () => {
    const token = JSON.stringify({
      payload,
      signatures: [
        { protected: protectedHeader, header: { kid: 'unsigned-kid' }, signature },
        { protected: b64url('{"alg":"RS256"}'), header: { kid: 'b' }, signature },
        { protected: '!!', signature },
      ],
    });
    const result = inspect(token);
    expect(result.ok && result.header).toEqual({ alg: 'ES256', kid: 'unsigned-kid' });
    expect(result.notes).toContain('Outside the protected header, so not covered by the signature: "kid".');
    expect(result.notes.join(' ')).toContain(
      '3 signatures (ES256, kid "unsigned-kid"; RS256, kid "b"; no alg)',
    );
  });

  it('tells JWE recipients apart with the alg from the shared header', () => {
    const token = JSON.stringify({
      protected: b64url('{"enc":"A256GCM"}'),
      unprotected: { alg: 'A128KW' },
      recipients: [
        { header: { kid: 'a' }, encrypted_key: b64urlBytes(new Array(40).fill(1)) },
        { header: { kid: 'b' }, encrypted_key: b64urlBytes(new Array(40).fill(2)) },
      ],
      iv: b64urlBytes(new Array(12).fill(2)),
      ciphertext: b64urlBytes([3, 4, 5]),
      tag: b64urlBytes(new Array(16).fill(6)),
    });
    expect(inspect(token).notes.join(' ')).toContain('2 recipients (A128KW, kid "a"; A128KW, kid "b")');
  });

  it('reads JWE JSON: protected, shared and per-recipient headers merged', () => {
    const token = JSON.stringify({
      protected: b64url('{"enc":"A128GCM"}'),
      unprotected: { jku: 'https://example.com/keys' },
      recipients: [
        { header: { alg: 'A128KW', kid: '7' }, encrypted_key: b64urlBytes(new Array(24).fill(1)) },
      ],
      iv: b64urlBytes(new Array(12).fill(2)),
      ciphertext: b64urlBytes([3, 4, 5]),
      tag: b64urlBytes(new Array(16).fill(6)),
    });
    const result = inspect(token);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.format).toBe('jwe-json');
    expect(result.notes).toContain(
      'Outside the protected header, so not integrity-protected by the encryption: "jku", "alg", "kid".',
    );
    expect(result.header).toEqual({
      enc: 'A128GCM',
      jku: 'https://example.com/keys',
      alg: 'A128KW',
      kid: '7',
    });
    expect(result.parts.map((p) => [p.name, p.bytes])).toEqual([
      ['header', 17],
      ['encrypted_key', 24],
      ['iv', 12],
      ['ciphertext', 3],
      ['tag', 16],
    ]);
  });
});

describe('inspect: damaged tokens get a specific message', () => {
  // [description, input, code, part, position, words the message must contain]
  const cases: [string, string, string, number | undefined, number | undefined, string][] = [
    ['empty input', '', 'empty', undefined, undefined, 'Paste a token'],
    ['only white space', ' \n\t ', 'empty', undefined, undefined, 'Paste a token'],
    ['one part', header, 'part-count', undefined, undefined, 'this one has 1 (0 dots)'],
    [
      'two parts',
      `${header}.${payload}`,
      'part-count',
      undefined,
      undefined,
      'signature part seems to be missing',
    ],
    ['four parts', `${good}.x`, 'part-count', undefined, undefined, 'this one has 4 (3 dots)'],
    ['six parts', `${good}.a.b.c`, 'part-count', undefined, undefined, 'this one has 6'],
    [
      '10,000 parts',
      Array(10_000).fill('a').join('.'),
      'part-count',
      undefined,
      undefined,
      'this one has 10000',
    ],
    ['just dots', '..', 'json', 1, undefined, 'Part 1 (the header) is not valid JSON: it is empty'],
    [
      '"!" in the header',
      `eyJhb!ciOiJIUzI1NiJ9.${payload}.${signature}`,
      'base64url',
      1,
      6,
      '"!" is not in the base64url alphabet',
    ],
    ['a space inside quotes', `"${header} x.${payload}.${signature}"`, 'base64url', 1, undefined, 'Part 1'],
    ['"*" in the payload', `${header}.eyJzdWIi*.${signature}`, 'base64url', 2, 9, '"*"'],
    ['"$" in the signature', `${header}.${payload}.abc$def`, 'base64url', 3, 4, '"$"'],
    [
      'a NUL byte in the header',
      `eyJh\u0000bGci.${payload}.${signature}`,
      'base64url',
      1,
      5,
      'control character U+0000',
    ],
    ['an emoji in the payload', `${header}.eyJ🙂.${signature}`, 'base64url', 2, 4, '"🙂"'],
    [
      'a zero-width space left by a chat app, named since it cannot be seen',
      `${header}.${payload}.${signature}\u200b`,
      'base64url',
      3,
      signature.length + 1,
      'the invisible character U+200B (zero-width space)',
    ],
    [
      'padding in the middle',
      `eyJhbG=iOiJIUzI1NiJ9.${payload}.${signature}`,
      'base64url',
      1,
      7,
      'padding may only stand at the end',
    ],
    [
      'an impossible header length',
      `eyJhb.${payload}.${signature}`,
      'base64url',
      1,
      5,
      'impossible for base64url',
    ],
    ['an impossible signature length', `${header}.${payload}.abcde`, 'base64url', 3, 5, 'impossible'],
    [
      'a header that is not UTF-8',
      `${b64urlBytes([0x7b, 0xff, 0x7d])}.${payload}.${signature}`,
      'utf8',
      1,
      2,
      'byte 2 (0xff)',
    ],
    [
      'an overlong UTF-8 sequence',
      `${b64urlBytes([0x7b, 0xc0, 0xaf, 0x7d])}.${payload}.${signature}`,
      'utf8',
      1,
      2,
      '0xc0',
    ],
    [
      'a truncated UTF-8 sequence in the payload',
      `${header}.${b64urlBytes([0x7b, 0x22, 0xe2, 0x82])}.${signature}`,
      'utf8',
      2,
      3,
      'byte 3',
    ],
    [
      'an encoded UTF-16 surrogate',
      `${b64urlBytes([0x7b, 0xed, 0xa0, 0x80, 0x7d])}.${payload}.${signature}`,
      'utf8',
      1,
      3,
      'byte 3',
    ],
    [
      'a header that is not JSON',
      `${b64url('hello')}.${payload}.${signature}`,
      'json',
      1,
      1,
      'expected a value, found "h" at line 1, column 1',
    ],
    [
      'a header with a missing brace',
      `${b64url('{"alg":"HS256"')}.${payload}.${signature}`,
      'json',
      1,
      15,
      'expected "," or "}" in an object, the text ends',
    ],
    [
      'a trailing comma',
      `${b64url('{"alg":"HS256",}')}.${payload}.${signature}`,
      'json',
      1,
      16,
      'expected a member name after ","',
    ],
    [
      'single quotes',
      `${b64url("{'alg':'HS256'}")}.${payload}.${signature}`,
      'json',
      1,
      2,
      'member name in double quotes',
    ],
    ['a missing colon', `${b64url('{"alg" "HS256"}')}.${payload}.${signature}`, 'json', 1, 8, 'expected ":"'],
    [
      'an unclosed string',
      `${b64url('{"alg":"HS256}')}.${payload}.${signature}`,
      'json',
      1,
      8,
      'a string is not closed',
    ],
    [
      'a raw line break in a string',
      `${b64url('{"alg":"HS\n256"}')}.${payload}.${signature}`,
      'json',
      1,
      8,
      'control character',
    ],
    ['a bad escape', `${b64url('{"alg":"\\x41"}')}.${payload}.${signature}`, 'json', 1, 8, 'invalid escape'],
    [
      'text after the JSON',
      `${b64url('{"alg":"HS256"} x')}.${payload}.${signature}`,
      'json',
      1,
      17,
      'unexpected text after the JSON value',
    ],
    [
      'a broken payload on line 2',
      `${header}.${b64url('{"sub":"1",\n "exp": 12,,}')}.${signature}`,
      'json',
      2,
      24,
      'line 2, column 12',
    ],
    [
      'a header that is an array',
      `${b64url('["alg"]')}.${payload}.${signature}`,
      'not-an-object',
      1,
      undefined,
      'an array instead of an object',
    ],
    [
      'a header that is a string',
      `${b64url('"HS256"')}.${payload}.${signature}`,
      'not-an-object',
      1,
      undefined,
      'a string instead of an object',
    ],
    [
      'a header that is null',
      `${b64url('null')}.${payload}.${signature}`,
      'not-an-object',
      1,
      undefined,
      'null instead of an object',
    ],
    // the trailing space is trimmed, so the text ends after 18 characters
    [
      'broken JSON serialization',
      '{"payload": "abc", ',
      'json-serialization',
      undefined,
      19,
      'looks like JSON serialization',
    ],
    [
      'JSON that is neither JWS nor JWE',
      '{"hello": "world"}',
      'json-serialization',
      undefined,
      undefined,
      'neither a JWS',
    ],
    [
      'JWS JSON without a signature',
      JSON.stringify({ payload, protected: header }),
      'json-serialization',
      undefined,
      undefined,
      'no "signature"',
    ],
    [
      'JWS JSON with a numeric payload',
      JSON.stringify({ payload: 5, protected: header, signature }),
      'json-serialization',
      undefined,
      undefined,
      '"payload" member must be a base64url string',
    ],
    [
      'a JWE with a damaged IV',
      `${b64url('{"alg":"dir","enc":"A128GCM"}')}..AxY8D!tDaGls.abc.def`,
      'base64url',
      3,
      6,
      'Part 3 (the initialization vector)',
    ],
  ];

  it('covers at least 30 kinds of damage', () => expect(cases.length).toBeGreaterThanOrEqual(30));

  it.each(cases)('%s', (_, input, code, part, position, words) => {
    const result = inspect(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.part).toBe(part);
    if (position !== undefined) expect(result.error.position).toBe(position);
    expect(result.error.message).toContain(words);
  });

  it('still shows the header of a token whose tail was lost', () => {
    const result = inspect(`${header}.${payload}`);
    expect(result.ok).toBe(false);
    expect(result.header).toEqual({ alg: 'HS256', typ: 'JWT' });
  });

  it('still shows header and payload when only the signature is damaged', () => {
    const result = inspect(`${header}.${payload}.not*valid`);
    expect(result.ok).toBe(false);
    expect(result.header).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(result.payload).toEqual({ sub: '42', name: 'Ada' });
    expect(result.parts.at(-1)?.error).toContain('"*"');
  });

  it('never throws on non-string input', () => {
    // A defensive check for callers outside TypeScript (the embed API gets arbitrary JSON).
    for (const value of [null, undefined, 42, {}, []] as unknown as string[]) {
      expect(() => inspect(value)).not.toThrow();
    }
  });
});

describe('inspect: large and strange inputs', () => {
  it('decodes a 1 MB token', () => {
    const big = b64url(JSON.stringify({ sub: '1', blob: 'x'.repeat(1024 * 1024) }));
    const result = inspect(`${header}.${big}.${signature}`);
    expect(result.ok).toBe(true);
    expect(result.ok && (result.payload as { blob: string }).blob.length).toBe(1024 * 1024);
  });

  it('decodes 10,000 levels of nested arrays without overflowing the stack', () => {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    const result = inspect(`${header}.${b64url(deep)}.${signature}`);
    expect(result.ok).toBe(true);
  });

  it('keeps lone surrogates visible as text', () => {
    const result = inspect(`${header}.${b64url('{"name":"\\ud800"}')}.${signature}`);
    expect(result.ok && (result.payload as { name: string }).name).toBe('\ud800');
  });
});

describe('inspect: numbers JavaScript cannot hold', () => {
  it('says which claim reads differently from its text, and how', () => {
    const result = inspect(`${header}.${b64url('{"exp":1e400,"n":12345678901234567890}')}.${signature}`);
    expect(result.ok).toBe(true);
    expect(result.notes).toEqual([
      expect.stringContaining('The number 1e400 at "exp" in the payload'),
      expect.stringContaining('The number 12345678901234567890 at "n" in the payload'),
    ]);
    expect(result.notes[0]).toContain('read as Infinity and shown as null');
    const negative = inspect(`${header}.${b64url('{"nbf":-1e400}')}.${signature}`);
    expect(negative.notes[0]).toContain('read as -Infinity');
    expect(result.notes[1]).toContain('read (and shown) as 12345678901234567000');
  });
});

describe('inspect: bidirectional controls', () => {
  it('notes them, since they make a claim display as something else', () => {
    const result = inspect(`${header}.${b64url('{"\u202enimda_si":true}')}.${signature}`);
    expect(result.ok).toBe(true);
    expect(result.notes).toEqual([
      expect.stringContaining('The payload holds bidirectional control characters'),
    ]);
  });
});

describe('inspect: every part of a damaged token', () => {
  it('still lists the parts after the damaged one, and marks where the damage is', () => {
    const damaged = `${payload.slice(0, 19)}!@${payload.slice(19)}`;
    const result = inspect(`${header}.${damaged}.${signature}`);
    expect(result.ok).toBe(false);
    expect(result.parts.map((part) => [part.name, part.bytes, part.errorPosition])).toEqual([
      ['header', 27, undefined],
      ['payload', 0, 20],
      ['signature', 32, undefined],
    ]);
    expect(!result.ok && result.error).toMatchObject({ part: 2, position: 20 });
  });
});
