import { render, screen, waitFor, fireEvent } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import Generator from '../../src/features/generator/Generator.svelte';
import { workbench } from '../../src/state/workbench.svelte';
import { resetGenerator, pkcs8PemOfNewRsaKey } from './support/generator';

const secret = 'a-secret-that-is-32-bytes-long!!';

/** Replaces an editor's whole text by typing, as a person does (CodeMirror sits in a shadow root). */
async function typeInto(editor: 'gen-header' | 'gen-payload', text: string) {
  const host = screen.getByTestId(`${editor}-editor`).querySelector('div')!;
  const content = await waitFor(() => host.shadowRoot!.querySelector<HTMLElement>('.cm-content')!);
  content.focus();
  await userEvent.keyboard('{Control>}a{/Control}{Backspace}');
  // userEvent.keyboard reads "{" and "[" as key names: escape them by doubling.
  if (text) await userEvent.keyboard(text.replace(/[{[]/g, '$&$&'));
}

describe('Generator, defects found by QA', () => {
  it('a payload that is not an object: the reason shows, the old token and its Copy button go', async () => {
    resetGenerator();
    const uncaught: unknown[] = [];
    const onError = (event: ErrorEvent) => uncaught.push(event.error);
    window.addEventListener('error', onError);
    try {
      render(Generator);
      await fireEvent.input(screen.getByTestId('gen-key'), { target: { value: secret } });
      await screen.findByTestId('generated-token');
      for (const payload of ['"just a string"', '[1,2]', '42', 'null']) {
        await typeInto('gen-payload', payload);
        await waitFor(() => expect(workbench.payload).toBe(payload));
        const problem = await screen.findByTestId('gen-problem');
        expect(problem.textContent).toContain('A JWT payload must be a JSON object');
        expect(screen.queryByTestId('generated-token')).toBeNull();
        expect(screen.queryByRole('button', { name: 'Copy the token' })).toBeNull();
        expect(screen.queryByText('Copy as a command')).toBeNull();
        // Back to an object: a token again, so the next case starts from one.
        await typeInto('gen-payload', '{"sub":"ada"}');
        await screen.findByTestId('generated-token');
      }
      // Emptied while retyping.
      await typeInto('gen-payload', '');
      expect((await screen.findByTestId('gen-problem')).textContent).toContain('payload is not valid JSON');
      expect(screen.queryByTestId('generated-token')).toBeNull();
      expect(uncaught).toEqual([]);
    } finally {
      window.removeEventListener('error', onError);
    }
  });

  it('on first load a missing key is a hint, not an alert; after an edit it is the problem, said once', async () => {
    resetGenerator();
    render(Generator);
    const hint = await screen.findByTestId('gen-hint');
    expect(hint.textContent).toContain('Add a key to sign with HS256');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByTestId('gen-problem')).toBeNull();
    await typeInto('gen-payload', '{"sub":"grace"}');
    const problem = await screen.findByTestId('gen-problem');
    expect(problem.textContent).toContain('Add a key to sign with HS256');
    // Announced by the panel's one status, not by an alert inside it (which was read twice).
    expect(screen.getByTestId('gen-token-status').textContent).toContain('Add a key to sign with HS256');
    expect(problem.closest('[aria-live], [role="status"], [role="alert"]')).toBeNull();
  });

  it('the editor warns about repeated names in words and about numbers a double cannot hold', async () => {
    resetGenerator();
    render(Generator);
    await typeInto('gen-header', '{"alg":"HS256","alg":"RS256"}');
    const header = screen.getByTestId('gen-header-status');
    await waitFor(() =>
      expect(header.textContent).toContain('"alg" appears twice at the top level; only the last one counts.'),
    );
    expect(header.textContent).not.toContain('$');
    await typeInto('gen-payload', '{"sub":"x","n": 1e400,"big": 12345678901234567890123}');
    const payload = screen.getByTestId('gen-payload-status');
    await waitFor(() => expect(payload.textContent).toContain('"n": 1e400'));
    expect(payload.textContent).toContain('signed as null');
    expect(payload.textContent).toContain('"big": 12345678901234567890123');
    expect(payload.textContent).toContain('signed as 1.2345678901234568e+22');
    expect(payload.textContent).not.toContain('Valid JSON');
  });

  it('no bit count for a PEM pasted as an HMAC secret; a plain secret still gets one', async () => {
    resetGenerator();
    render(Generator);
    const note = screen.getByTestId('gen-key-note');
    await fireEvent.input(screen.getByTestId('gen-key'), { target: { value: secret } });
    await waitFor(() => expect(note.textContent).toContain('256-bit secret.'));
    await fireEvent.input(screen.getByTestId('gen-key'), {
      target: { value: await pkcs8PemOfNewRsaKey() },
    });
    expect((await screen.findByTestId('gen-problem')).textContent).toMatch(/PEM|RSA/);
    expect(note.textContent).not.toMatch(/-bit secret/);
  });

  it('says when a text secret holds an unpaired surrogate, which UTF-8 cannot carry', async () => {
    resetGenerator();
    render(Generator);
    const note = screen.getByTestId('gen-key-note');
    await fireEvent.input(screen.getByTestId('gen-key'), { target: { value: `\uD800${secret}` } });
    await waitFor(() => expect(note.textContent).toContain('unpaired surrogate (U+D800) at position 1'));
    expect(note.textContent).not.toMatch(/-bit secret/);
  });

  it('"b64": false signs an RFC 7797 token and says what it is; jwt-cli gaps are said plainly', async () => {
    resetGenerator();
    render(Generator);
    await fireEvent.input(screen.getByTestId('gen-key'), { target: { value: secret } });
    await typeInto('gen-header', '{"alg":"HS256","b64":false,"crit":["b64"]}');
    const token = await screen.findByTestId('generated-token');
    await waitFor(() => expect(token.textContent!.split('.')[1]).toBe('{"sub":"ada"}'));
    expect(screen.getByTestId('gen-unencoded-note').textContent!.replace(/\s+/g, ' ')).toContain(
      'RFC 7797 §7',
    );
    expect(document.body.textContent).not.toContain('flattened');

    await typeInto('gen-header', '{"alg":"ES512"}');
    await fireEvent.click(screen.getByTestId('gen-generate'));
    await screen.findByTestId('generated-token');
    await fireEvent.click(screen.getByText('Copy as a command'));
    const cli = await screen.findByTestId('gen-jwt-cli');
    expect(cli.textContent).toContain('jwt-cli has no ES512 algorithm');
    expect(cli.textContent).not.toContain('jwt encode');
  });

  it('RS/HS key confusion offers the PEM as a file holds it, and the variant without its final newline', async () => {
    resetGenerator();
    render(Generator);
    await fireEvent.change(screen.getByTestId('gen-alg'), { target: { value: 'RS256' } });
    await fireEvent.click(screen.getByTestId('gen-generate'));
    await screen.findByTestId('generated-token', {}, { timeout: 10000 });
    await fireEvent.click(screen.getByLabelText('RS/HS key confusion'));
    await fireEvent.click(screen.getByTestId('attack-build'));
    const main = await screen.findByTestId('attack-token');
    const [variant] = await screen.findAllByTestId('attack-variant');
    expect(variant!.textContent).toContain('trims its key');
    const other = variant!.querySelector('code')!.textContent!;
    // Same forged header and payload, another HMAC key: only the signature differs.
    expect(other.split('.').slice(0, 2)).toEqual(main.textContent!.split('.').slice(0, 2));
    expect(other.split('.')[2]).not.toBe(main.textContent!.split('.')[2]);
  });
});
