import { describe, expect, it } from 'vitest';
import { verify } from '../../src/core/jws/verify';
import rfcExamples from '../fixtures/rfc-examples.json';
import appendixKeys from '../fixtures/rfc7520-and-7515-keys.json';
import rfc7520 from '../fixtures/rfc7520-jws.json';
import detached from '../fixtures/rfc7520-jws-detached.json';
import { inspect } from '../../src/core/token/inspect';

/** Flips one character of a base64url part, keeping it valid base64url. */
function tamper(token: string, part: number): string {
  const parts = token.split('.');
  const text = parts[part]!;
  const index = Math.floor(text.length / 2);
  parts[part] = text.slice(0, index) + (text[index] === 'A' ? 'B' : 'A') + text.slice(index + 1);
  return parts.join('.');
}

describe('RFC 7515 Appendix A examples with their published keys', () => {
  const keys = appendixKeys as unknown as Record<string, object>;
  const signed = rfcExamples.jws.filter((example) => keys[example.name]);
  it('covers A.1, A.2 and A.3', () => expect(signed).toHaveLength(3));

  for (const example of signed) {
    const key = JSON.stringify(keys[example.name]);
    it(`${example.name}: the signature is good; exp 1300819380 (2011) has passed`, async () => {
      const result = await verify(example.token, key);
      expect(result.signature).toBe('good');
      expect(result.status).toBe('expired');
      // Before the published exp the same token is valid.
      expect((await verify(example.token, key, { now: 1300819379_000 })).status).toBe('valid');
    });
    it(`${example.name}: tampered header, payload or signature fails`, async () => {
      for (const part of [0, 1, 2]) {
        const result = await verify(tamper(example.token, part), key, { now: 1300819379_000 });
        expect(['invalid-signature', 'malformed']).toContain(result.status);
        expect(result.status).not.toBe('valid');
      }
    });
  }

  it('A.5 (alg none) never verifies', async () => {
    const unsecured = rfcExamples.jws.find((example) => example.name.includes('A.5'))!;
    const result = await verify(
      unsecured.token,
      JSON.stringify(keys['RFC 7519 §3.1 / RFC 7515 Appendix A.1 (HS256)']),
    );
    expect(result.status).toBe('invalid-signature');
  });
});

describe('RFC 7520 §4 examples with their published keys', () => {
  for (const vector of rfc7520.jws) {
    const key = JSON.stringify(vector.key);
    it(`${vector.name}: compact and JSON serializations verify`, async () => {
      for (const token of [vector.compact, JSON.stringify(vector.json)]) {
        const result = await verify(token, key);
        expect(result.status).toBe('valid');
        expect(result.payload).toBe(rfc7520.payload);
        expect(result.alg).toBe(vector.alg);
      }
    });
    it(`${vector.name}: each tampered part fails with the right status`, async () => {
      for (const part of [0, 1, 2]) {
        const result = await verify(tamper(vector.compact, part), key);
        // A changed header may no longer be JSON (malformed); otherwise the signature fails.
        expect(result.status).toBe(
          part === 0 && result.status === 'malformed' ? 'malformed' : 'invalid-signature',
        );
      }
      const payloadChanged = await verify(tamper(vector.compact, 1), key);
      expect(payloadChanged.status).toBe('invalid-signature');
    });
  }

  it('§4.1 with a modified payload: the RSA explanation says the token changed after signing', async () => {
    const vector = rfc7520.jws[0]!;
    const [header, , signature] = vector.compact.split('.');
    const forged = `${header}.${Buffer.from('{"admin":true}').toString('base64url')}.${signature}`;
    const result = await verify(forged, JSON.stringify(vector.key));
    expect(result.status).toBe('invalid-signature');
    expect(result.explanations.join(' ')).toContain('modified after signing');
  });

  it('a JWKS with the published keys picks by kid', async () => {
    const vector = rfc7520.jws[3]!; // HS256, kid 018c0ae5-…
    const set = { keys: [rfc7520.jws[0]!.key, vector.key] };
    const result = await verify(vector.compact, JSON.stringify(set));
    expect(result.status).toBe('valid');
    expect(result.key?.selection).toContain(`kid "${vector.key.kid}"`);
  });
});

describe('RFC 7520 §4.5: a JWS whose content travels apart from it', () => {
  const key = JSON.stringify(detached.key);
  const forms = {
    compact: detached.compact,
    'general JSON': JSON.stringify(detached.json),
    'flattened JSON': JSON.stringify(detached.json_flat),
  };

  for (const [form, token] of Object.entries(forms)) {
    it(`${form}: verifies with the published content, and only with it`, async () => {
      const good = await verify(token, key, { detachedPayload: detached.payload });
      expect(good.status).toBe('valid');
      expect(good.payload).toBe(detached.payload);
      const other = await verify(token, key, { detachedPayload: `${detached.payload} ` });
      expect(other.status).toBe('invalid-signature');
    });

    it(`${form}: decodes, and says the content is detached`, () => {
      const inspection = inspect(token);
      expect(inspection.ok).toBe(true);
      expect(inspection.format).toBe(form === 'compact' ? 'jws-compact' : 'jws-json');
      expect(inspection.notes.join(' ')).toContain('RFC 7515 appendix F');
    });
  }

  it('without the content: the compact form fails and says why; the JSON form asks for it', async () => {
    const compact = await verify(detached.compact, key);
    expect(compact.status).toBe('invalid-signature');
    expect(compact.explanations.join(' ')).toContain('detached content');
    const json = await verify(JSON.stringify(detached.json), key);
    expect(json.status).toBe('unsupported');
    expect(json.reason).toContain('give the content it signs');
  });
});
