import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import ShareDialog from '../../src/features/share/ShareDialog.svelte';

const b64url = (text: string) => btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const token = `${b64url('{"alg":"HS256"}')}.${b64url('{"sub":"ada","exp":1}')}.c2ln`;
const privateJwk = JSON.stringify({ kty: 'OKP', crv: 'Ed25519', x: 'eA', d: 'ZA' });

const linkFragment = () =>
  new URLSearchParams(new URL((screen.getByTestId('share-link') as HTMLTextAreaElement).value).hash.slice(1));

describe('ShareDialog', () => {
  it('keeps a private key out of the link until the person confirms the warning', async () => {
    let closed = false;
    render(ShareDialog, { token, key: privateJwk, onClose: () => (closed = true) });
    expect(screen.getByRole('dialog', { name: 'Share this token' })).toBeTruthy();
    expect(linkFragment().get('token')).toBe(token);
    expect(linkFragment().has('key')).toBe(false);
    // An expired token is not a working credential: no warning about that.
    expect(screen.queryByRole('note')).toBeNull();

    await fireEvent.click(screen.getByTestId('share-include-key'));
    expect(screen.getByRole('alert').textContent).toContain('This private key signs tokens');
    expect(linkFragment().has('key')).toBe(false);

    await fireEvent.click(screen.getByTestId('share-confirm-secret'));
    expect(linkFragment().get('key')).toBe(privateJwk);
    expect(screen.getByRole('status').textContent).toContain('key included');

    await fireEvent.click(screen.getByRole('button', { name: 'Close the share dialog' }));
    await expect.poll(() => closed).toBe(true);
  });

  it('shows the signature as removed, and keeps it removed, while claims are redacted', async () => {
    render(ShareDialog, { token, onClose: () => undefined });
    const strip = screen.getByTestId('share-strip') as HTMLInputElement;
    expect(strip.checked).toBe(false);
    const [sub] = screen.getAllByTestId('share-redact') as HTMLInputElement[];
    await fireEvent.click(sub!);
    expect(strip.checked).toBe(true);
    expect(strip.disabled).toBe(true);
    expect(linkFragment().get('token')!.split('.')[2]).toBe('');
    await fireEvent.click(sub!);
    expect(strip.checked).toBe(false);
    expect(strip.disabled).toBe(false);
    expect(linkFragment().get('token')).toBe(token);
  });
});
