import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import Verifier from '../../src/features/verifier/Verifier.svelte';
import { workspace } from '../../src/state/workspace.svelte';
import detached from '../fixtures/rfc7520-jws-detached.json';

const b64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const text = (value: string) => b64url(new TextEncoder().encode(value));

/** HS256 with WebCrypto directly (not jose, not the code under test). */
async function hs256(payload: object, secret: Uint8Array<ArrayBuffer>): Promise<string> {
  const input = `${text('{"alg":"HS256","typ":"JWT"}')}.${text(JSON.stringify(payload))}`;
  const key = await crypto.subtle.importKey('raw', secret, { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  const signature = new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(input)));
  return `${input}.${b64url(signature)}`;
}

const status = () => screen.getByTestId('verify-status');
const settled = async (expected: string) =>
  waitFor(() => expect(status().dataset.status).toBe(expected), { timeout: 3000 });

describe('Verifier', () => {
  beforeEach(() => {
    workspace.token = '';
    workspace.key = '';
    workspace.keyOrigin = 'pasted';
    workspace.profile = {};
  });

  it('takes the shared token, and the verdict follows every keystroke in the key field', async () => {
    const secret = new TextEncoder().encode('s3cret-value');
    workspace.token = await hs256({ sub: 'ada', exp: Math.floor(Date.now() / 1000) + 600 }, secret);
    render(Verifier);
    expect((screen.getByTestId('token-input') as HTMLTextAreaElement).value).toBe(workspace.token);
    const key = screen.getByTestId('key-input');
    await fireEvent.input(key, { target: { value: 's3cret-valu' } });
    await settled('invalid-signature');
    await fireEvent.input(key, { target: { value: 's3cret-value' } });
    await settled('valid');
    expect(status().textContent).toContain('Valid');
    expect(screen.getByText(/Detected/).parentElement?.textContent).toContain('HMAC secret');
    expect(workspace.key).toBe('s3cret-value');
  });

  it("never leaves a stale verdict: fast edits end on the last key's verdict", async () => {
    const secret = new TextEncoder().encode('right');
    workspace.token = await hs256({ sub: 'ada' }, secret);
    render(Verifier);
    const key = screen.getByTestId('key-input');
    await fireEvent.input(key, { target: { value: 'right' } });
    await settled('valid');
    // Three edits without waiting: the late answers for 'right' must not win.
    await fireEvent.input(key, { target: { value: 'righ' } });
    expect(status().dataset.status).not.toBe('valid');
    await fireEvent.input(key, { target: { value: 'right' } });
    await fireEvent.input(key, { target: { value: 'rightx' } });
    await settled('invalid-signature');
  });

  it('offers the base64 reading with a hint, and the profile decides validity', async () => {
    const secret = crypto.getRandomValues(new Uint8Array(32));
    const base64 = btoa(String.fromCharCode(...secret));
    workspace.token = await hs256({ sub: 'ada', iss: 'https://issuer.example' }, secret);
    render(Verifier);
    await fireEvent.input(screen.getByTestId('key-input'), { target: { value: base64 } });
    await settled('invalid-signature');
    expect(screen.getByText(/looks base64-encoded/)).toBeTruthy();
    expect(status().parentElement?.textContent).toContain('read as base64 it verifies');
    await fireEvent.click(screen.getByLabelText('Base64'));
    await settled('valid');
    await fireEvent.input(screen.getByLabelText('Expected issuer (iss)'), {
      target: { value: 'https://other.example' },
    });
    await settled('claim-mismatch');
    expect(status().textContent).toContain('Signature good, but the issuer is "https://issuer.example"');
    expect(workspace.profile.issuer).toBe('https://other.example');
  });

  it('says what is wrong with a damaged key and keeps working', async () => {
    workspace.token = await hs256({}, new TextEncoder().encode('k'));
    render(Verifier);
    await fireEvent.input(screen.getByTestId('key-input'), {
      target: { value: '-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA' },
    });
    await settled('malformed');
    expect(screen.getByText(/no "-----END PUBLIC KEY-----" line/, { selector: '.problem' })).toBeTruthy();
  });

  it('asks for the content of a JWS that travels without it, and verifies against it (RFC 7520 §4.5)', async () => {
    workspace.token = detached.compact;
    workspace.key = JSON.stringify(detached.key);
    render(Verifier);
    await settled('invalid-signature');
    const content = screen.getByTestId('detached-input');
    expect(screen.getByLabelText('Detached content')).toBe(content);
    await fireEvent.input(content, { target: { value: detached.payload } });
    await settled('valid');
    await fireEvent.input(content, { target: { value: `${detached.payload}!` } });
    await settled('invalid-signature');
  });
});
