import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import Toolbox from '../../src/features/toolbox/Toolbox.svelte';
import { exportWorkspace } from '../../src/core/bundle/export';
import { workbench } from '../../src/state/workbench.svelte';
import { workspace } from '../../src/state/workspace.svelte';

async function chooseFile(bytes: Uint8Array, name = 'workspace.zip') {
  const input = screen.getByTestId('zip-import') as HTMLInputElement;
  const file = new File([bytes as Uint8Array<ArrayBuffer>], name, { type: 'application/zip' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await fireEvent.change(input);
}

describe('Toolbox', () => {
  it('encodes text to base64url with a hex view, and says where bad input breaks', async () => {
    render(Toolbox);
    await fireEvent.input(screen.getByTestId('b64-input'), { target: { value: 'héllo' } });
    // "héllo" is 68 c3 a9 6c 6c 6f in UTF-8; base64url of it is aMOpbGxv (RFC 4648 alphabet, no padding).
    expect(screen.getByTestId('b64-output').textContent).toBe('aMOpbGxv');
    expect(screen.getByTestId('b64-hex').textContent).toBe('68 c3 a9 6c 6c 6f');
    await fireEvent.click(screen.getByLabelText('Decode'));
    await fireEvent.input(screen.getByTestId('b64-input'), { target: { value: 'aMOp*bGxv' } });
    expect(screen.getByTestId('b64-error').textContent).toContain('"*" at position 5');
    await fireEvent.input(screen.getByTestId('b64-input'), { target: { value: ' \n\t' } });
    expect(screen.getByTestId('b64-error').textContent).toBe(
      'There is nothing to decode: the input is only white space.',
    );
  });

  it('computes the RFC 4231 test case 2 HMAC-SHA-256', async () => {
    render(Toolbox);
    await fireEvent.input(screen.getByTestId('hmac-message'), {
      target: { value: 'what do ya want for nothing?' },
    });
    await fireEvent.input(screen.getByTestId('hmac-key'), { target: { value: 'Jefe' } });
    expect(screen.getByTestId('hmac-hex').textContent).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it('says when text to encode holds an unpaired surrogate, which UTF-8 cannot carry', async () => {
    render(Toolbox);
    await fireEvent.input(screen.getByTestId('b64-input'), { target: { value: 'a\uD800' } });
    // The encoder writes U+FFFD (ef bf bd) for the half pair: "a" + ef bf bd is Ye-_vQ in base64url.
    expect(screen.getByTestId('b64-hex').textContent).toBe('61 ef bf bd');
    expect(screen.getByTestId('b64-output').textContent).toBe('Ye-_vQ');
    expect(document.body.textContent).toContain(
      'The text contains an unpaired surrogate (U+D800) at position 2',
    );
    // Said in the live status too, not only in a note a screen reader never reaches.
    expect(screen.getByTestId('b64-status').textContent).toBe(
      'Encoded as base64url. The text holds an unpaired surrogate: see the note.',
    );
    await fireEvent.input(screen.getByTestId('b64-input'), { target: { value: 'a😀' } });
    expect(document.body.textContent).not.toContain('unpaired surrogate');
  });

  it('shows the start of a long result, and Copy takes all of it (the hex too)', async () => {
    const copied: string[] = [];
    const writeText = vi
      .spyOn(navigator.clipboard, 'writeText')
      .mockImplementation(async (text: string) => void copied.push(text));
    render(Toolbox);
    // 60,000 bytes are 80,000 base64url characters (4 for every 3 bytes, RFC 4648 §4).
    await fireEvent.input(screen.getByTestId('b64-input'), { target: { value: 'a'.repeat(60_000) } });
    const shown = screen.getByTestId('b64-output').textContent!;
    expect(shown).toBe(`${'YWFh'.repeat(16_384)}…`);
    expect(screen.getByTestId('b64-output-cut').textContent).toContain('first 65,536 of 80,000 characters');
    await fireEvent.click(screen.getByRole('button', { name: 'Copy the result' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Copy the bytes as hex' }));
    expect(copied).toEqual(['YWFh'.repeat(20_000), '61'.repeat(60_000)]);
    writeText.mockRestore();
  });

  it('cuts a long result between characters, never inside an emoji', async () => {
    render(Toolbox);
    await fireEvent.click(screen.getByLabelText('Decode'));
    // 65,535 "a" and then "😀": the emoji's two UTF-16 units stand at 65,535 and 65,536, across the cut.
    const text = `${'a'.repeat(65_535)}😀${'b'.repeat(10)}`;
    const encoded = btoa(String.fromCharCode(...new TextEncoder().encode(text)));
    await fireEvent.input(screen.getByTestId('b64-input'), { target: { value: encoded } });
    const shown = screen.getByTestId('b64-output').textContent!;
    expect(shown).toBe(`${'a'.repeat(65_535)}…`);
  });

  it('says when hex input holds no digits', async () => {
    render(Toolbox);
    await fireEvent.click(screen.getByLabelText('bytes (hex)'));
    await fireEvent.input(screen.getByTestId('b64-input'), { target: { value: ' 0x ' } });
    expect(screen.getByTestId('b64-error').textContent).toBe(
      'There is nothing to encode: the input holds no hex digits.',
    );
  });

  it('warns when the HMAC key or message holds an unpaired surrogate', async () => {
    render(Toolbox);
    await fireEvent.input(screen.getByTestId('hmac-key'), { target: { value: 'key\uDC00' } });
    await fireEvent.input(screen.getByTestId('hmac-message'), { target: { value: '\uD83D' } });
    const problems = screen.getAllByTestId('hmac-text-problem').map((note) => note.textContent);
    expect(problems).toEqual([
      expect.stringContaining('The key contains an unpaired surrogate (U+DC00) at position 4'),
      expect.stringContaining('The message contains an unpaired surrogate (U+D83D) at position 1'),
    ]);
    expect(screen.getByTestId('hmac-status').textContent).toContain(
      'The key or the message holds an unpaired surrogate: see the note.',
    );
    // A key given as hex is bytes already: only the message is text.
    await fireEvent.change(screen.getByLabelText('Key is'), { target: { value: 'hex' } });
    await fireEvent.input(screen.getByTestId('hmac-key'), { target: { value: '6b6579' } });
    expect(screen.getAllByTestId('hmac-text-problem')).toHaveLength(1);
  });

  it('generates a password with its entropy', async () => {
    render(Toolbox);
    await fireEvent.input(screen.getByTestId('secret-length'), { target: { value: '20' } });
    await waitFor(() => expect(screen.getByTestId('secret-output').textContent).toHaveLength(20));
    // a-z, A-Z, 0-9 by default: 62 characters, 20 × log2(62) ≈ 119.1 bits.
    expect(screen.getByTestId('secret-entropy').textContent).toBe('119.1 bits');
  });

  it('imports a workspace zip, and a wrong password changes nothing', async () => {
    const saved = {
      token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZGEifQ.sig',
      key: '',
      keyOrigin: 'pasted',
      profile: { issuer: 'https://issuer.example' },
      generator: { header: '{ "alg": "ES256" }', payload: '{ "sub": "from-zip" }' },
      keys: [],
    };
    const zip = await exportWorkspace(saved, { password: 'pw' });
    workspace.token = 'before';
    workbench.payload = '{ "sub": "before" }';
    render(Toolbox);
    await fireEvent.input(screen.getByTestId('zip-import-password'), { target: { value: 'wrong' } });
    await chooseFile(zip);
    expect((await screen.findByTestId('zip-import-note')).textContent).toContain('password is wrong');
    expect(workspace.token).toBe('before');
    expect(workbench.payload).toBe('{ "sub": "before" }');
    await fireEvent.input(screen.getByTestId('zip-import-password'), { target: { value: 'pw' } });
    await chooseFile(zip);
    await waitFor(() => expect(screen.getByTestId('zip-import-note').textContent).toContain('Restored'));
    expect(workspace.token).toBe(saved.token);
    expect(workspace.profile).toEqual(saved.profile);
    expect(workbench.payload).toBe('{ "sub": "from-zip" }');
    await chooseFile(new TextEncoder().encode('not a zip'), 'notes.zip');
    await waitFor(() =>
      expect(screen.getByTestId('zip-import-note').textContent).toContain('not a readable zip'),
    );
    expect(workspace.token).toBe(saved.token);
  });

  it('says the Verifier secret came back when the zip carried it', async () => {
    const secret = 'a-verifier-secret-of-at-least-thirty-two-bytes!';
    const zip = await exportWorkspace(
      {
        token: '',
        key: secret,
        keyOrigin: 'pasted',
        profile: {},
        generator: { header: '{}', payload: '{}' },
        keys: [],
      },
      { includePrivateKeys: true },
    );
    workspace.key = '';
    render(Toolbox);
    await chooseFile(zip, 'with-secret.zip');
    await waitFor(() => expect(screen.getByTestId('zip-import-note').textContent).toContain('Restored'));
    expect(workspace.key).toBe(secret);
    expect(screen.getByTestId('zip-import-note').textContent!.trim()).toBe(
      'Restored "with-secret.zip": the Verifier\u2019s secret, the Generator\u2019s JSON and the verification profile (the zip carried private keys and secrets).',
    );
  });

  it('names the largest HS algorithm a random secret suits, and reports "=" where it stands', async () => {
    render(Toolbox);
    await fireEvent.click(screen.getByLabelText('random bytes'));
    const bytes = screen.getByLabelText('Bytes');
    const line = () => screen.getByTestId('secret-entropy').parentElement!.textContent!;
    await waitFor(() => expect(line()).toContain('enough for HS256, short of the 384 bits HS384 needs'));
    await fireEvent.input(bytes, { target: { value: '48' } });
    await waitFor(() => expect(line()).toContain('enough for HS384 and HS256'));
    await fireEvent.input(bytes, { target: { value: '64' } });
    await waitFor(() => expect(line()).toContain('enough for HS512, HS384 and HS256'));

    await fireEvent.click(screen.getByLabelText('Decode'));
    await fireEvent.click(screen.getByLabelText('base64'));
    await fireEvent.input(screen.getByTestId('b64-input'), { target: { value: 'QQ=a' } });
    expect(screen.getByTestId('b64-error').textContent).toBe(
      'This is not valid base64: "=" padding may only stand at the end, but the "=" at position 3 has data after it.',
    );
    await fireEvent.input(screen.getByTestId('b64-input'), { target: { value: 'Q' } });
    expect(screen.getByTestId('b64-error').textContent).toBe(
      'This is not valid base64: a single character cannot hold a byte (6 bits; a byte needs two characters).',
    );
  });
});
