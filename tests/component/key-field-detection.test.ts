/**
 * The key field in its two forms: the Verifier's (`KeyField`, detection on every keystroke from
 * the first render) and the Decoder box's (`KeyFieldDeferred`, whose detection loads with the
 * first key text). Once loaded, the two say the same of every key.
 */
import { render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import KeyField from '../../src/features/verifier/KeyField.svelte';
import KeyFieldDeferred from '../../src/features/verifier/KeyFieldDeferred.svelte';

const props = (value: string, id = 'k') => ({
  id,
  label: `Key to verify with (${id})`,
  value,
  origin: 'pasted',
  purpose: 'verify the signature',
  encoding: 'utf8' as const,
  testid: `${id}-input`,
  onChange: () => {},
  onEncoding: () => {},
});
const line = (id = 'k') => document.getElementById(`${id}-detected`)!;
const field = (id = 'k') => screen.getByTestId(`${id}-input`);

/** An RSA 2048 public key as a PEM, made by WebCrypto (not by the code under test). */
async function rsaPublicPem(): Promise<string> {
  const { publicKey } = await crypto.subtle.generateKey(
    {
      name: 'RSASSA-PKCS1-v1_5',
      modulusLength: 2048,
      publicExponent: new Uint8Array([1, 0, 1]),
      hash: 'SHA-256',
    },
    true,
    ['sign', 'verify'],
  );
  const der = new Uint8Array(await crypto.subtle.exportKey('spki', publicKey));
  const body = btoa(String.fromCharCode(...der)).replace(/.{64}/g, '$&\n');
  return `-----BEGIN PUBLIC KEY-----\n${body}\n-----END PUBLIC KEY-----`;
}

describe("the Decoder box's key field", () => {
  it('asks for a key while empty, and detects the first key typed once its code has loaded', async () => {
    const { rerender } = render(KeyFieldDeferred, props(''));
    expect(line().textContent).toContain('Paste the key to verify the signature.');
    expect(line().dataset.format).toBe('empty');
    expect(field().getAttribute('aria-invalid')).toBeNull();

    await rerender(props(await rsaPublicPem()));
    await waitFor(() => expect(line().textContent).toContain('PEM, SPKI public key (RSA 2048-bit)'));
    expect(line().textContent).toContain('· pasted');
    expect(line().dataset.format).toBe('spki');

    // 32 random bytes in base64, as an issuer's console shows a secret: both readings offered.
    const secret = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))));
    await rerender(props(secret));
    expect(line().textContent).toContain('HMAC secret');
    expect(screen.getByRole('radio', { name: 'Base64' })).toBeTruthy();
    expect(screen.getByText(/looks base64-encoded/)).toBeTruthy();

    await rerender(props('-----BEGIN PUBLIC KEY-----\nMIIB\n'));
    expect(line().dataset.format).toBe('invalid');
    expect(line().textContent).toContain('looks truncated');
    expect(field().getAttribute('aria-invalid')).toBe('true');

    await rerender(props('  '));
    expect(line().textContent).toContain('Paste the key to verify the signature.');
    expect(field().getAttribute('aria-invalid')).toBeNull();
  });

  it("says what the Verifier's field says, for every kind of key", async () => {
    const keys = [
      'my-shared-secret',
      'c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LTEyMzQ=',
      await rsaPublicPem(),
      JSON.stringify({ kty: 'oct', k: 'c2VjcmV0' }),
      JSON.stringify({ keys: [{ kty: 'EC', crv: 'P-256', x: 'AA', y: 'AA' }] }),
      JSON.stringify({ kty: 'RSA' }),
      'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA',
      '-----END PUBLIC KEY-----',
    ];
    for (const key of keys) {
      const eager = render(KeyField, props(key, 'eager'));
      const deferred = render(KeyFieldDeferred, props(key, 'deferred'));
      await waitFor(() => expect(line('deferred').dataset.format).toBeDefined());
      const words = (id: string) => line(id).textContent!.replace(/\s+/g, ' ').trim();
      expect(words('deferred'), key).toBe(words('eager'));
      expect(line('deferred').dataset.format).toBe(line('eager').dataset.format);
      expect(field('deferred').getAttribute('aria-invalid')).toBe(
        field('eager').getAttribute('aria-invalid'),
      );
      expect(screen.queryAllByRole('group', { name: 'Read the secret as' })).toHaveLength(
        line('eager').dataset.format === 'secret' ? 2 : 0,
      );
      eager.unmount();
      deferred.unmount();
    }
  });
});

describe("the Verifier's key field", () => {
  it('says what a key is from its first render, as before: its chunk holds the detection', async () => {
    render(KeyField, props(await rsaPublicPem()));
    // No waiting: the words are there in the first render.
    expect(line().textContent).toContain('PEM, SPKI public key (RSA 2048-bit)');
    expect(line().dataset.format).toBe('spki');
  });
});
