/**
 * The Verifier's "Expected nonce" field, in the real Chromium: what is typed there decides the
 * verdict (OpenID Connect Core §3.1.3.7 step 11), and the verdict's claim lines show the check.
 * The ID token is signed with jose.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { SignJWT } from 'jose';
import { beforeEach, describe, expect, it } from 'vitest';
import Verifier from '../../src/features/verifier/Verifier.svelte';
import { workspace } from '../../src/state/workspace.svelte';

const secret = 'a-32-byte-or-longer-secret-for-HS256!';
const sent = 'n-0S6_WzA2Mj';

const status = () => screen.getByTestId('verify-status');
const settled = async (expected: string) =>
  waitFor(() => expect(status().dataset.status).toBe(expected), { timeout: 3000 });
const claimLines = () =>
  [...document.querySelectorAll('[aria-label="Claim checks"] li')].map((line) =>
    (line.textContent ?? '').replace(/\s+/g, ' ').trim(),
  );

describe('Verifier profile: expected nonce', () => {
  beforeEach(async () => {
    workspace.token = await new SignJWT({ sub: 'ada', nonce: sent, exp: Math.floor(Date.now() / 1000) + 600 })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode(secret));
    workspace.key = secret;
    workspace.keyOrigin = 'pasted';
    workspace.profile = {};
  });

  it('the field sets the profile, and the verdict follows it', async () => {
    render(Verifier);
    await settled('valid');
    // Empty: not checked, no nonce line.
    expect(claimLines().some((line) => line.includes('nonce'))).toBe(false);

    const field = screen.getByLabelText(/^Expected nonce/) as HTMLInputElement;
    expect(field.getAttribute('aria-describedby')).toBe('profile-nonce-hint');
    await fireEvent.input(field, { target: { value: sent } });
    expect(workspace.profile.nonce).toBe(sent);
    await settled('valid');
    expect(claimLines()).toContain(`✓ nonce nonce is "${sent}"`);

    await fireEvent.input(field, { target: { value: 'another-nonce' } });
    await settled('claim-mismatch');
    expect(status().textContent).toContain(
      `Signature good, but the nonce is "${sent}", expected "another-nonce".`,
    );
    expect(claimLines()).toContain(`✗ nonce (fails) the nonce is "${sent}", expected "another-nonce"`);
  });

  it('a near miss says what differs; white space around the pasted value is part of it, and the field says so', async () => {
    render(Verifier);
    const field = screen.getByLabelText(/^Expected nonce/) as HTMLInputElement;
    await fireEvent.input(field, { target: { value: sent.toLowerCase() } });
    await settled('claim-mismatch');
    expect(status().textContent).toContain('they differ only in upper and lower case');
    // Pasted with spaces around it: a nonce is opaque, so it is checked as typed (the rule of
    // verifier-qa-fixes-3), and the hint under the field warns of the spaces.
    await fireEvent.input(field, { target: { value: ` ${sent}  ` } });
    await settled('claim-mismatch');
    expect(status().textContent).toContain('they differ only in white space');
    expect(field.value).toBe(` ${sent}  `);
    expect(workspace.profile.nonce).toBe(` ${sent}  `);
    expect(screen.getByTestId('profile-nonce-hint').textContent).toContain(
      'the leading space and the trailing 2 spaces',
    );
  });

  it('a profile set from elsewhere (a zip, a link) shows in the field', async () => {
    workspace.profile = { nonce: 'from-the-link' };
    render(Verifier);
    await settled('claim-mismatch');
    expect((screen.getByLabelText(/^Expected nonce/) as HTMLInputElement).value).toBe('from-the-link');
  });
});
