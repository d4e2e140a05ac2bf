/**
 * The attack presets' "Your endpoint" field and the script it feeds, in the Generator as a person
 * uses it: what each kind of bad URL says and when, what the commands and the script are made
 * of, and that nothing of it is requested by the page.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Generator from '../../src/features/generator/Generator.svelte';
import { workbench } from '../../src/state/workbench.svelte';
import { resetGenerator } from './support/generator';

const secret = 'a-secret-that-is-32-bytes-long!!';

/** The Generator with a secret typed in, and its signed token. */
async function generatorWithToken() {
  resetGenerator();
  render(Generator);
  await fireEvent.input(screen.getByTestId('gen-key'), { target: { value: secret } });
  return (await screen.findByTestId('generated-token')).textContent!;
}

/** Types a URL into the field and leaves it, as a person does. */
async function enterEndpoint(text: string) {
  const field = screen.getByLabelText(/Your endpoint/) as HTMLInputElement;
  await fireEvent.input(field, { target: { value: text } });
  await fireEvent.change(field);
  return field;
}

describe('the attack presets against your own endpoint', () => {
  let fetchSpy: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    fetchSpy = vi.spyOn(globalThis, 'fetch');
  });
  afterEach(() => fetchSpy.mockRestore());

  it('says what is wrong with each kind of URL once it is typed, and keeps working', async () => {
    await generatorWithToken();
    const field = screen.getByLabelText(/Your endpoint/) as HTMLInputElement;
    const status = screen.getByTestId('attack-endpoint-status');
    // The field says where the URL goes, in one line read with it.
    const described = field.getAttribute('aria-describedby')!.split(' ');
    expect(described.map((id) => document.getElementById(id)!.textContent).join(' ')).toContain(
      'Tokenscope never sends a request to it',
    );
    expect(status.getAttribute('role')).toBe('status');
    expect(described).toContain(status.id);

    // Mid-typing, no scheme yet: nothing said until the person leaves the field.
    await fireEvent.input(field, { target: { value: 'api.exa' } });
    expect(status.textContent!.trim()).toBe('');
    expect(field.getAttribute('aria-invalid')).toBeNull();

    for (const [text, says] of [
      ['api.example.com/resource', 'no scheme: start it with https://'],
      ['javascript:alert(1)', 'A javascript: URL runs code'],
      ['https://api.example.com/my resource', 'a space at character 27'],
      ['ftp://files.example.com/', 'this URL starts with "ftp:"'],
    ] as const) {
      await enterEndpoint(text);
      await waitFor(() => expect(status.textContent, text).toContain(says));
      expect(field.getAttribute('aria-invalid'), text).toBe('true');
      expect(screen.getByTestId('attack-script-waits').textContent).toContain('Fix the endpoint above');
    }

    await enterEndpoint('https://user:pass@api.example.com/x');
    await waitFor(() => expect(status.textContent).toContain('Careful: The URL has a user name or password'));
    expect(field.getAttribute('aria-invalid')).toBeNull();
    // The page still works: a preset is made as before.
    await fireEvent.click(screen.getByTestId('attack-build'));
    expect((await screen.findByTestId('attack-token')).textContent).toMatch(/\.$/);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('the commands and the script use the endpoint; the page requests nothing', async () => {
    const token = await generatorWithToken();
    await fireEvent.click(screen.getByText('Copy as a command'));
    expect(screen.getByTestId('gen-curl').textContent).toContain(`'https://api.example.com/resource'`);

    await enterEndpoint('  https://api.test/v1/me  ');
    // The Generator's own "Copy as curl" follows the endpoint.
    await waitFor(() =>
      expect(screen.getByTestId('gen-curl').textContent).toBe(
        `curl -H 'Authorization: Bearer ${token}' 'https://api.test/v1/me'`,
      ),
    );
    // So does each preset's command.
    await fireEvent.click(screen.getByTestId('attack-build'));
    const attackToken = (await screen.findByTestId('attack-token')).textContent!;
    expect(screen.getByTestId('attack-curl').textContent).toBe(
      `curl -H 'Authorization: Bearer ${attackToken}' 'https://api.test/v1/me'`,
    );

    const script = await screen.findByTestId('attack-script');
    const text = script.textContent!;
    expect(text.startsWith('#!/bin/sh\n')).toBe(true);
    expect(text).toContain(`url='https://api.test/v1/me'`);
    expect(text).toContain(`check 200 'valid token, signed with your key' '${token}'`);
    // HS256: the key confusion needs an RSA key, and is left out with the reason, here and on the page.
    expect(text).toContain('# Left out: RS/HS key confusion: This attack targets an RSA-signing server');
    expect(screen.getByTestId('attack-left-out').textContent).toContain('Left out: RS/HS key confusion.');
    expect(text.match(/^check 401 /gm)).toHaveLength(5);

    await fireEvent.change(screen.getByTestId('attack-expect-rejected'), { target: { value: '4xx' } });
    await fireEvent.change(screen.getByTestId('attack-expect-valid'), { target: { value: '2xx' } });
    await waitFor(() =>
      expect(screen.getByTestId('attack-script').textContent!.match(/^check 4xx /gm)).toHaveLength(5),
    );
    expect(screen.getByTestId('attack-script').textContent).toContain(`check 2xx 'valid token`);

    // The copy button copies the script shown.
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue();
    await fireEvent.click(screen.getByRole('button', { name: 'Copy all as a shell script' }));
    expect(writeText).toHaveBeenCalledWith(screen.getByTestId('attack-script').textContent);
    writeText.mockRestore();
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('the script follows the token: a new secret makes new tokens; no key, no script', async () => {
    await generatorWithToken();
    await enterEndpoint('https://api.test/');
    const first = (await screen.findByTestId('attack-script')).textContent!;
    await fireEvent.input(screen.getByTestId('gen-key'), {
      target: { value: 'another-secret-of-32-bytes-long!!' },
    });
    const token = await waitFor(() => {
      const shown = screen.getByTestId('generated-token').textContent!;
      expect(first).not.toContain(shown);
      return shown;
    });
    await waitFor(() => expect(screen.getByTestId('attack-script').textContent).toContain(token));
    await fireEvent.input(screen.getByTestId('gen-key'), { target: { value: '' } });
    expect((await screen.findByTestId('attack-script-waits')).textContent).toContain('Sign a token first');
  });

  it('warns when the signed token has already expired', async () => {
    await generatorWithToken();
    workbench.payload = JSON.stringify({ sub: 'ada', exp: Math.floor(Date.now() / 1000) - 60 });
    await enterEndpoint('https://api.test/');
    expect((await screen.findByTestId('attack-script-expired')).textContent).toContain(
      'the signed token has expired',
    );
  });
});
