/**
 * In the real Chromium, whose WebCrypto has no 192-bit AES: a JWE that needs it is "not
 * supported" here, never "this is not the key"; and a pasted secret's stray newline is named.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { SignJWT } from 'jose';
import { beforeEach, describe, expect, it } from 'vitest';
import { decrypt } from '../../src/core/jwe/decrypt';
import Verifier from '../../src/features/verifier/Verifier.svelte';
import { workspace } from '../../src/state/workspace.svelte';
import { aes192Fixtures } from '../fixtures/aes192-tokens';

beforeEach(() => {
  workspace.token = '';
  workspace.key = '';
  workspace.keyOrigin = 'pasted';
  workspace.profile = {};
});

describe('192-bit AES in Chromium', () => {
  it('this browser really lacks it (else the tests below prove nothing)', async () => {
    await expect(
      crypto.subtle.importKey('raw', new Uint8Array(24), 'AES-KW', false, ['unwrapKey']),
    ).rejects.toThrow(/192-bit AES/);
  });

  for (const fixture of aes192Fixtures)
    it(`${fixture.name} with its right key: "unsupported", naming the browser`, async () => {
      const result = await decrypt(fixture.token, fixture.key, { secretEncoding: fixture.secretEncoding });
      expect(result.status).toBe('unsupported');
      expect(result.reason).toContain('192-bit AES');
      expect(result.reason).toContain("this browser's WebCrypto does not have");
    });

  it('the Verifier shows a correct A192KW token and key as "Not supported", not "Key does not fit"', async () => {
    const [kw] = aes192Fixtures;
    workspace.token = kw.token;
    workspace.profile = { secretEncoding: 'base64url' };
    render(Verifier);
    await fireEvent.input(screen.getByTestId('key-input'), { target: { value: kw.key } });
    const status = screen.getByTestId('verify-status');
    await waitFor(() => expect(status.dataset.status).toBe('unsupported'), { timeout: 3000 });
    expect(status.textContent).toContain('Not supported');
    expect(status.textContent).not.toContain('Key does not fit');
    expect(status.textContent).toContain('decrypt it with a library such as jose in Node');
  });
});

it('a secret pasted with a newline the signer did not use: invalid, and the verdict says so', async () => {
  workspace.token = await new SignJWT({ sub: 'ada' })
    .setProtectedHeader({ alg: 'HS256' })
    .sign(new TextEncoder().encode('my-secret-value-of-32-bytes-ok!!'));
  render(Verifier);
  const key = screen.getByTestId('key-input');
  await fireEvent.input(key, { target: { value: 'my-secret-value-of-32-bytes-ok!!\n' } });
  const status = screen.getByTestId('verify-status');
  await waitFor(() => expect(status.dataset.status).toBe('invalid-signature'), { timeout: 3000 });
  expect(status.textContent).toContain('Without the trailing newline it verifies');
  await fireEvent.input(key, { target: { value: 'my-secret-value-of-32-bytes-ok!!' } });
  await waitFor(() => expect(status.dataset.status).toBe('valid'), { timeout: 3000 });
});
