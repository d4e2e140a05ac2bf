/**
 * In the real Chromium, whose WebCrypto refuses bad key bytes with an empty message: every
 * refusal still reaches the person as a specific reason, and the Verifier shows the warning
 * for a guessable HMAC secret.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { CompactEncrypt, SignJWT, exportJWK, generateKeyPair } from 'jose';
import { beforeEach, describe, expect, it } from 'vitest';
import { decrypt } from '../../src/core/jwe/decrypt';
import { verify } from '../../src/core/jws/verify';
import Verifier from '../../src/features/verifier/Verifier.svelte';
import { workspace } from '../../src/state/workspace.svelte';

/** A reason that names nothing: "…imported: ." or "…: ." */
const empty = /:\s*\.?$/;

describe('WebCrypto refusals in Chromium', () => {
  it('an EC point off its curve (ES256)', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const token = await new SignJWT({}).setProtectedHeader({ alg: 'ES256' }).sign(privateKey);
    const verdict = await verify(
      token,
      JSON.stringify({ kty: 'EC', crv: 'P-256', x: 'A'.repeat(43), y: 'A'.repeat(43) }),
    );
    expect(verdict.reason).not.toMatch(empty);
    expect(verdict.reason).toContain('not a point on the P-256 curve');
  });

  it('an ECDH-ES private JWK whose "d" belongs to another key', async () => {
    const mine = await generateKeyPair('ECDH-ES', { extractable: true });
    const other = await generateKeyPair('ECDH-ES', { extractable: true });
    const jwe = await new CompactEncrypt(new TextEncoder().encode('hi'))
      .setProtectedHeader({ alg: 'ECDH-ES', enc: 'A256GCM' })
      .encrypt(mine.publicKey);
    const mixed = { ...(await exportJWK(mine.privateKey)), d: (await exportJWK(other.privateKey)).d };
    const result = await decrypt(jwe, JSON.stringify(mixed));
    expect(result.status).not.toBe('decrypted');
    expect(result.reason).not.toMatch(empty);
    expect(result.reason.length).toBeGreaterThan(40);
  });
});

describe('Verifier view', () => {
  beforeEach(() => {
    workspace.token = '';
    workspace.key = '';
    workspace.keyOrigin = 'pasted';
    workspace.profile = {};
  });

  it('a valid token signed with a 48-bit secret shows a visible warning in the verdict', async () => {
    workspace.token = await new SignJWT({ sub: 'ada' })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode('secret'));
    render(Verifier);
    const key = screen.getByTestId('key-input');
    await fireEvent.input(key, { target: { value: 'secret' } });
    const status = screen.getByTestId('verify-status');
    await waitFor(() => expect(status.dataset.status).toBe('valid'), { timeout: 3000 });
    const warning = screen.getByTestId('verdict-warning');
    expect(status.contains(warning)).toBe(true);
    expect(warning.textContent).toContain('Warning');
    expect(warning.textContent).toContain('only 48 bits; HS256 needs at least 256');
    await fireEvent.input(key, { target: { value: 'a-secret-of-thirty-two-bytes-ok!' } });
    await waitFor(() => expect(status.dataset.status).not.toBe('valid'), { timeout: 3000 });
    expect(screen.queryByTestId('verdict-warning')).toBeNull();
  });

  it('the audience field says it takes several, comma-separated', async () => {
    render(Verifier);
    const audience = screen.getByLabelText(/^Expected audience \(aud\)/);
    expect(audience.getAttribute('aria-describedby')).toBe('profile-audience-hint');
    expect(document.getElementById('profile-audience-hint')?.textContent).toMatch(/commas/);
  });
});
