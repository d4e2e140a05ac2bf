import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import JsonEditor from '../../src/features/generator/JsonEditor.svelte';
import ClaimHelpers from '../../src/features/generator/ClaimHelpers.svelte';
import KeyWorkbench from '../../src/features/generator/KeyWorkbench.svelte';
import { workbench } from '../../src/state/workbench.svelte';

const trojan = '{"admin": false, "note": "\u202e, eurt :\\"nimda\\""}';

describe('Generator editor: bidi controls are shown, not obeyed', () => {
  it('draws U+202E as a visible box and warns under the editor, never "Valid JSON"', async () => {
    render(JsonEditor, { id: 'gx', label: 'Payload', value: trojan, onchange: () => {} });
    const status = screen.getByTestId('gx-status');
    expect(status.textContent).not.toContain('Valid JSON');
    expect(status.textContent).toContain('Line 1, column 27: U+202E (right-to-left override)');
    const host = screen.getByTestId('gx-editor').firstElementChild!;
    await waitFor(() => expect(host.shadowRoot!.querySelector('.cm-invisible-char')).not.toBeNull());
    const mark = host.shadowRoot!.querySelector('.cm-invisible-char')!;
    expect(mark.textContent).toBe('U+202E');
    expect(mark.getAttribute('aria-label')).toBe('U+202E right-to-left override');
    // The override itself is no longer in the rendered text, so it reorders nothing.
    expect(host.shadowRoot!.querySelector('.cm-content')!.textContent).not.toContain('\u202e');
  });

  it('also marks the bidi controls CodeMirror leaves out by default (U+202A, U+2068)', async () => {
    render(JsonEditor, { id: 'gy', label: 'Payload', value: '{"a": "\u202ax\u2068y"}', onchange: () => {} });
    const host = screen.getByTestId('gy-editor').firstElementChild!;
    await waitFor(() =>
      expect(
        [...host.shadowRoot!.querySelectorAll('.cm-invisible-char')].map((mark) => mark.textContent),
      ).toEqual(['U+202A', 'U+2068']),
    );
    expect(screen.getByTestId('gy-status').textContent).toContain('U+2068 (first strong isolate)');
  });
});

describe('Claim helpers keep what a rewrite would lose', () => {
  it('"iat = now" on a payload with lossy numbers and a duplicate edits only iat, and says so', async () => {
    const payload = '{"n": 12345678901234567890, "a": 1, "a": 2, "f": 1e400}';
    const onchange = vi.fn();
    render(ClaimHelpers, { payload, onchange });
    const before = Math.floor(Date.now() / 1000);
    await fireEvent.click(screen.getByRole('button', { name: 'iat = now' }));
    const text = onchange.mock.calls[0]![0] as string;
    const iat = Number(/"iat": (\d+)\}$/.exec(text)![1]);
    expect(iat).toBeGreaterThanOrEqual(before);
    expect(text).toBe(`{"n": 12345678901234567890, "a": 1, "a": 2, "f": 1e400, "iat": ${iat}}`);
    expect(screen.getByRole('status').textContent).toContain('iat set to now. Only that was changed');
  });

  it('refuses an aud of commas alone and a lifetime past year 275760', async () => {
    const onchange = vi.fn();
    render(ClaimHelpers, { payload: '{"sub": "ada"}', onchange });
    await fireEvent.input(screen.getByLabelText('aud'), { target: { value: ' , ,, ' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    expect(onchange).not.toHaveBeenCalled();
    const note = screen.getByTestId('claim-helper-note');
    expect(note.textContent).toContain('only commas');
    // A refusal looks like one, and pressing again says it again (a new text node each time).
    expect(note.classList.contains('refused')).toBe(true);
    const first = note.querySelector('span');
    await fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    expect(note.querySelector('span')).not.toBe(first);
    expect(note.textContent).toContain('only commas');
    await fireEvent.input(screen.getByLabelText('Custom lifetime in minutes'), {
      target: { value: '1e300' },
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Set' }));
    expect(onchange).not.toHaveBeenCalled();
    expect(screen.getByRole('status').textContent).toContain('275760');
  });
});

describe('Keys tool', () => {
  it('refuses an invalid JWK in red, with no thumbprint and no "Keep"', async () => {
    render(KeyWorkbench);
    await fireEvent.input(screen.getByTestId('keys-paste'), {
      target: { value: '{"kty":"EC","crv":"P-256","x":"AA","y":"AA"}' },
    });
    const problem = await screen.findByTestId('keys-convert-problem');
    expect(problem.getAttribute('role')).toBe('alert');
    expect(problem.textContent).toContain('"x" is 1 byte, but a P-256 coordinate is 32 bytes');
    expect(screen.queryByRole('button', { name: 'Keep in the key list' })).toBeNull();
    expect(screen.queryByTestId('key-thumbprint')).toBeNull();
  });

  it('warns about an RSA key under 2048 bits and still lets it be kept', async () => {
    const pair = await crypto.subtle.generateKey(
      {
        name: 'RSASSA-PKCS1-v1_5',
        modulusLength: 1024,
        publicExponent: new Uint8Array([1, 0, 1]),
        hash: 'SHA-256',
      },
      true,
      ['sign', 'verify'],
    );
    const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
    render(KeyWorkbench);
    await fireEvent.input(screen.getByTestId('keys-paste'), { target: { value: JSON.stringify(jwk) } });
    const warning = await screen.findByTestId('keys-convert-warning');
    expect(warning.textContent).toContain('only 1024 bits');
    expect(screen.getByRole('button', { name: 'Keep in the key list' })).toBeTruthy();
  });

  it('shows a key name with its bidi controls escaped ("x\\u202eevil", not "xlive")', async () => {
    workbench.keys = [];
    workbench.addKey({
      name: 'x\u202eevil',
      publicJwk: { kty: 'oct', k: 'c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0c2U' },
      privateJwk: { kty: 'oct', k: 'c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0c2U' },
      origin: 'imported',
    });
    render(KeyWorkbench);
    const name = screen.getByTestId('key-name');
    expect(name.textContent).toBe('x\\u202eevil');
    expect(screen.getByRole('button', { name: 'Remove x\\u202eevil' })).toBeTruthy();
    workbench.keys = [];
  });
});
