/**
 * QA defects in the Verifier's profile fields and verdict (third round), in the real Chromium:
 * what a screen reader hears while a nonce is typed, the warnings under the nonce and clock
 * tolerance fields, a "now" the date field cannot show, and the verdict of a nested token.
 * Tokens are signed and encrypted with jose.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { CompactEncrypt, SignJWT } from 'jose';
import { beforeEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import Verifier from '../../src/features/verifier/Verifier.svelte';
import ProfileControls from '../../src/features/verifier/ProfileControls.svelte';
import ShareDialog from '../../src/features/share/ShareDialog.svelte';
import { workspace, type WorkspaceProfile } from '../../src/state/workspace.svelte';

const secret = 'a-32-byte-or-longer-secret-for-HS256!';
const sent = 'n-0S6_WzA2Mj';
const inTenMinutes = () => Math.floor(Date.now() / 1000) + 600;

const idToken = (claims: Record<string, unknown>) =>
  new SignJWT({ sub: 'ada', exp: inTenMinutes(), ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .sign(new TextEncoder().encode(secret));

const status = () => screen.getByTestId('verify-status');
const settled = async (expected: string) =>
  waitFor(() => expect(status().dataset.status).toBe(expected), { timeout: 3000 });
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeEach(() => {
  workspace.token = '';
  workspace.key = '';
  workspace.keyOrigin = 'pasted';
  workspace.profile = {};
});

describe('7. the verdict is read once it holds, not twice per keystroke', () => {
  it('typing a 12-character nonce is one announcement; the visible verdict follows every key', async () => {
    workspace.token = await idToken({ nonce: sent });
    workspace.key = secret;
    workspace.profile = { nonce: 'from-another-login' };
    render(Verifier);
    await settled('claim-mismatch');
    const region = screen.getByTestId('verdict-announcement');
    expect(region.getAttribute('aria-live')).toBe('polite');
    // The visible verdict is not live itself: it would be read on every keystroke.
    expect(status().closest('[aria-live], [role="status"]')).toBeNull();
    await waitFor(() => expect(region.textContent).toContain('Claims do not match.'), { timeout: 3000 });

    const said: string[] = [];
    const observer = new MutationObserver(() => said.push(region.textContent!.trim()));
    observer.observe(region, { childList: true, characterData: true, subtree: true });
    const field = screen.getByLabelText(/^Expected nonce/) as HTMLInputElement;
    const shown: string[] = [];
    for (let length = 1; length <= sent.length; length++) {
      await fireEvent.input(field, { target: { value: sent.slice(0, length) } });
      await pause(60);
      shown.push(status().textContent!);
    }
    // The visible verdict followed the keys: each prefix of the nonce is its own mismatch…
    expect(new Set(shown.filter((text) => text.includes('expected "n-0'))).size).toBeGreaterThan(3);
    await settled('valid');
    // …but the region spoke once, with the verdict that held.
    await waitFor(() => expect(said.filter(Boolean)).toHaveLength(1), { timeout: 3000 });
    await pause(900);
    observer.disconnect();
    expect(said.filter(Boolean)).toHaveLength(1);
    expect(said.filter(Boolean)[0]).toMatch(/^Valid\. Signature verified/);
  });
});

describe('5. the nonce field says when white space is part of the nonce', () => {
  const renderProfile = (profile: WorkspaceProfile) =>
    render(ProfileControls, { profile, onChange: () => {} });
  // The field's description, as a screen reader reaches it.
  const hint = () =>
    document
      .getElementById(screen.getByLabelText(/^Expected nonce/).getAttribute('aria-describedby')!)!
      .textContent!.replace(/\s+/g, ' ')
      .trim();

  it('white space at an end is warned of, and goes with it', async () => {
    const { rerender } = renderProfile({ nonce: `${sent} ` });
    expect(hint()).toBe(
      "⚠ This nonce has the trailing space, and it is compared as typed: the token's nonce must have it too. Remove it if it came with the paste.",
    );
    await rerender({ profile: { nonce: sent } });
    expect(hint()).toBe(
      "For an OpenID ID token: the nonce your login request sent. The token's must be exactly it, as typed here.",
    );
  });

  it('only white space: a value, checked as such', () => {
    renderProfile({ nonce: '   ' });
    expect(hint()).toContain('This nonce is only white space, and it is checked as it is');
  });
});

describe('8. the clock tolerance field names what a number field cannot read', () => {
  it.each(['e', '1e', '--1', '1e400'])('"%s": said, and no tolerance is used', async (typed) => {
    let profile: WorkspaceProfile = { clockTolerance: 30 };
    render(ProfileControls, { profile, onChange: (next: WorkspaceProfile) => (profile = next) });
    const field = screen.getByTestId('profile-tolerance') as HTMLInputElement;
    await userEvent.clear(field);
    await userEvent.type(field, typed);
    // What Chromium's number field does with such text: no value, and "bad input".
    expect(field.value).toBe('');
    expect(field.validity.badInput).toBe(true);
    const hint = document.getElementById('profile-tolerance-hint')!;
    expect(hint.textContent).toContain('This is not a number of seconds');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(profile.clockTolerance).toBeUndefined();
    // Fixed: the message goes, the value is used.
    await userEvent.clear(field);
    await userEvent.type(field, '45');
    expect(hint.textContent).not.toContain('not a number');
    expect(profile.clockTolerance).toBe(45);
  });
});

describe('1. a "now" from a link made in another time zone', () => {
  it('a time this field cannot show (year 10000 here) is said in UTC, not left blank', async () => {
    // The latest instant a link may carry: 10000-01-01T23:59:59.999Z, year 10000 in every zone.
    const now = Date.parse('9999-12-31T23:59:59.999Z') + 86_400_000;
    const { rerender } = render(ProfileControls, { profile: { now }, onChange: () => {} });
    const field = screen.getByTestId('profile-now') as HTMLInputElement;
    expect(field.value).toBe('');
    expect(screen.getByTestId('profile-now-hint').textContent).toContain(
      'as if it were +010000-01-01T23:59:59.999Z (UTC), as a link or a file set it: in your time zone that is year 10000, which this field cannot show.',
    );
    // The last second of year 9999 here shows in the field, as it was picked.
    await rerender({ profile: { now: new Date(9999, 11, 31, 23, 59, 59).getTime() } });
    expect(field.value).toBe('9999-12-31T23:59:59');
    expect(screen.getByTestId('profile-now-hint').textContent).toBe(
      'Checks exp and nbf as if it were this time.',
    );
  });
});

describe('4. a nested token: the top verdict covers the inner one', () => {
  const cek = new Uint8Array(32).map((_, index) => index + 1);
  const cekJwk = JSON.stringify({
    kty: 'oct',
    k: btoa(String.fromCharCode(...cek))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, ''),
  });
  const nested = async (inner: string) =>
    new CompactEncrypt(new TextEncoder().encode(inner))
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', cty: 'JWT' })
      .encrypt(cek);

  it('not green without the inner key; the inner nonce failure shows on top with it', async () => {
    workspace.token = await nested(await idToken({ nonce: 'not-the-one' }));
    workspace.key = cekJwk;
    workspace.profile = { nonce: sent };
    render(Verifier);
    await settled('decrypted');
    expect(status().dataset.cause).toBe('inner-token-unverified');
    expect(status().classList.contains('tone-ok')).toBe(false);
    expect(status().textContent).toContain('Decrypted, not verified');
    expect(status().textContent).toContain('the expected nonce) are unchecked');

    await fireEvent.input(screen.getByTestId('inner-key-input'), { target: { value: secret } });
    await settled('claim-mismatch');
    expect(status().textContent).toContain('Inner token: claims do not match');
    expect(status().textContent).toContain('the nonce is "not-the-one"');
    expect(screen.getByTestId('inner-verify-status').dataset.status).toBe('claim-mismatch');
    // One announcement for both: the inner verdict is not read a second time.
    expect(document.querySelectorAll('[data-testid="verdict-announcement"]')).toHaveLength(1);
    await waitFor(
      () =>
        expect(screen.getByTestId('verdict-announcement').textContent).toContain(
          'Inner token: claims do not match.',
        ),
      { timeout: 3000 },
    );
  });
});

describe('9. the share dialog names the nonce among what the profile carries', () => {
  it('"issuer, audience, nonce, clock…"', () => {
    render(ShareDialog, {
      token: 'eyJhbGciOiJIUzI1NiJ9.e30.c2ln',
      key: '{"kty":"RSA","n":"AQAB","e":"AQAB"}',
      profile: { nonce: sent },
      onClose: () => {},
    });
    const label = screen.getByTestId('share-include-key').closest('label')!;
    expect(label.textContent!.replace(/\s+/g, ' ')).toContain(
      "with the Verifier's profile (issuer, audience, nonce, clock…)",
    );
  });
});
