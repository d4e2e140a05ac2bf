/**
 * Hostile input found by exploratory QA, in the real Chromium: key files, profile values out
 * of range, algorithm names in the wrong case, a secret with half a surrogate pair, and the
 * Keys tool's converter, which reads JWKs the way the Verifier does.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { exportSPKI, generateKeyPair } from 'jose';
import { beforeEach, describe, expect, it } from 'vitest';
import KeyWorkbench from '../../src/features/generator/KeyWorkbench.svelte';
import Verifier from '../../src/features/verifier/Verifier.svelte';
import { workspace } from '../../src/state/workspace.svelte';

const b64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

/** HS256 with WebCrypto directly (not jose, not the code under test). */
async function hs256(secret: Uint8Array<ArrayBuffer>): Promise<string> {
  const input = `${b64url(new TextEncoder().encode('{"alg":"HS256"}'))}.${b64url(new TextEncoder().encode('{}'))}`;
  const key = await crypto.subtle.importKey('raw', secret, { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  const signature = new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(input)));
  return `${input}.${b64url(signature)}`;
}

/** What PowerShell's `>` writes: a UTF-16 LE byte-order mark (FF FE), then two bytes a character. */
function utf16le(text: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    bytes[2 + i * 2] = text.charCodeAt(i) & 0xff;
    bytes[3 + i * 2] = text.charCodeAt(i) >> 8;
  }
  return bytes;
}

const openFile = async (file: File) => {
  const input = document.querySelector<HTMLInputElement>('input[type=file]')!;
  await fireEvent.change(input, { target: { files: [file] } });
};
const detected = () => document.getElementById('verifier-key-detected')!;
const status = () => screen.getByTestId('verify-status');

describe('Verifier key files (QA 3)', () => {
  beforeEach(() => {
    workspace.token = '';
    workspace.key = '';
    workspace.keyOrigin = 'pasted';
    workspace.profile = {};
  });

  it('a key opened from a file is labelled "imported", and typing makes it "pasted"', async () => {
    render(Verifier);
    await openFile(new File(['my-shared-secret'], 'secret.txt'));
    await waitFor(() => expect(workspace.key).toBe('my-shared-secret'));
    expect(workspace.keyOrigin).toBe('imported');
    expect(detected().textContent).toContain('· imported');
    await fireEvent.input(screen.getByTestId('key-input'), { target: { value: 'typed' } });
    expect(detected().textContent).toContain('· pasted');
  });

  it('an empty file says so and keeps the key that was there', async () => {
    workspace.key = 'keep-me';
    render(Verifier);
    await openFile(new File([], 'key.pem'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The file is empty');
    expect(alert.textContent).toContain('key.pem');
    expect(workspace.key).toBe('keep-me');
    expect((screen.getByTestId('key-input') as HTMLTextAreaElement).value).toBe('keep-me');
  });

  it('a UTF-16 LE PEM with its byte-order mark is read as the PEM it is', async () => {
    const { publicKey } = await generateKeyPair('RS256', { extractable: true });
    const pem = (await exportSPKI(publicKey)).replace(/\n/g, '\r\n');
    render(Verifier);
    await openFile(new File([utf16le(pem)], 'public.pem'));
    await waitFor(() => expect(workspace.key).toBe(pem));
    expect(detected().textContent).toContain('PEM, SPKI public key (RSA 2048-bit)');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('Verifier profile values out of range (QA 4)', () => {
  beforeEach(() => {
    workspace.token = '';
    workspace.key = '';
    workspace.profile = {};
  });

  it('a negative clock tolerance is refused with a reason, and not used', async () => {
    render(Verifier);
    const tolerance = screen.getByTestId('profile-tolerance') as HTMLInputElement;
    await fireEvent.input(tolerance, { target: { value: '-5' } });
    const hint = document.getElementById('profile-tolerance-hint')!;
    expect(hint.textContent).toContain('cannot be negative');
    expect(tolerance.getAttribute('aria-invalid')).toBe('true');
    expect(tolerance.value).toBe('-5');
    expect(workspace.profile.clockTolerance).toBeUndefined();
    await fireEvent.input(tolerance, { target: { value: '30' } });
    expect(hint.textContent).not.toContain('cannot be negative');
    expect(workspace.profile.clockTolerance).toBe(30);
  });

  it('a tolerance over a day is refused and points at "Pretend now is"', async () => {
    render(Verifier);
    const tolerance = screen.getByTestId('profile-tolerance') as HTMLInputElement;
    await fireEvent.input(tolerance, { target: { value: '1e300' } });
    const hint = document.getElementById('profile-tolerance-hint')!;
    expect(hint.textContent).toContain('at most 86,400 s (a day)');
    expect(hint.textContent).toContain('"Pretend now is"');
    expect(workspace.profile.clockTolerance).toBeUndefined();
    await fireEvent.input(tolerance, { target: { value: '86400' } });
    expect(workspace.profile.clockTolerance).toBe(86_400);
  });

  it('"Pretend now is" in year 275760 says it is out of range and keeps the time in use', async () => {
    render(Verifier);
    const now = screen.getByTestId('profile-now') as HTMLInputElement;
    await fireEvent.input(now, { target: { value: '2030-01-02T03:04:05' } });
    const chosen = workspace.profile.now;
    expect(chosen).toBe(new Date(2030, 0, 2, 3, 4, 5).getTime());
    await fireEvent.input(now, { target: { value: '275760-01-01T00:00' } });
    const hint = screen.getByTestId('profile-now-hint');
    expect(hint.textContent).toContain('Year 275760 is out of range');
    expect(hint.textContent).toContain('2030-01-02 03:04:05');
    expect(workspace.profile.now).toBe(chosen);
  });
});

describe('Allowed algorithms in the wrong case (QA 5)', () => {
  beforeEach(() => {
    workspace.token = '';
    workspace.key = '';
    workspace.profile = {};
  });

  it('the verdict says the algorithm is not allowed, and both places suggest HS256', async () => {
    const secret = crypto.getRandomValues(new Uint8Array(32));
    workspace.token = await hs256(secret);
    workspace.key = b64url(secret);
    workspace.profile = { secretEncoding: 'base64url' };
    render(Verifier);
    await waitFor(() => expect(status().dataset.status).toBe('valid'), { timeout: 3000 });
    await fireEvent.input(screen.getByLabelText(/^Allowed algorithms/), { target: { value: 'hs256' } });
    await waitFor(() => expect(status().dataset.status).toBe('key-mismatch'), { timeout: 3000 });
    expect(status().textContent).toContain('Algorithm not allowed');
    expect(status().textContent).not.toContain('Key does not fit');
    expect(status().textContent).toContain('did you mean HS256?');
    expect(document.getElementById('profile-algorithms-hint')!.textContent).toContain(
      '"hs256": did you mean HS256?',
    );
  });
});

describe('A secret with an unpaired surrogate (QA 6)', () => {
  beforeEach(() => {
    workspace.token = '';
    workspace.key = '';
    workspace.profile = {};
  });

  it('the key detection says where it is and what it becomes', async () => {
    render(Verifier);
    const key = screen.getByTestId('key-input');
    await fireEvent.input(key, { target: { value: '\uD800secret' } });
    expect(detected().textContent).toContain('unpaired surrogate (U+D800) at position 1');
    expect(detected().textContent).toContain('U+FFFD');
    expect(key.getAttribute('aria-invalid')).toBe('true');
  });
});

describe('Keys › Convert a key reads JWKs as the Verifier does (QA 1, 2)', () => {
  it('a member that is not a string replaces the previous result with a reason', async () => {
    render(KeyWorkbench);
    const paste = screen.getByTestId('keys-paste');
    // A good key first: the P-256 public key of RFC 7515 appendix A.3.
    const good = JSON.stringify({
      kty: 'EC',
      crv: 'P-256',
      x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU',
      y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0',
    });
    await fireEvent.input(paste, { target: { value: good } });
    const reading = await screen.findByText(/EC P-256/);
    for (const [text, words] of [
      ['{"kty":"RSA","n":123,"e":"AQAB"}', '"n" is a number (123)'],
      ['{"kty":"oct","k":[]}', '"k" is an array'],
      ['{"keys":[{"kty":"RSA","n":[]}]}', 'Key 1 of the key set (JWKS)'],
      ['{"kty":"OKP","crv":"Ed25519","x":null}', '"x" is null'],
    ] as const) {
      await fireEvent.input(paste, { target: { value: text } });
      await waitFor(() => expect(screen.getByRole('alert').textContent).toContain(words));
      expect(reading.isConnected).toBe(false);
      // The field itself says it is wrong and points at the reason.
      expect(paste.getAttribute('aria-invalid')).toBe('true');
      expect(paste.getAttribute('aria-describedby')).toBe('keys-convert-problem');
    }
  });
});

describe('the tolerance field follows a profile set from elsewhere', () => {
  it('shows a tolerance a share link sets', async () => {
    workspace.profile = {};
    render(Verifier);
    const tolerance = screen.getByTestId('profile-tolerance') as HTMLInputElement;
    workspace.profile = { clockTolerance: 45 };
    await waitFor(() => expect(tolerance.value).toBe('45'));
  });
});
