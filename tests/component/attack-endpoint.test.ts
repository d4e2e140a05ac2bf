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
    expect(described).toContain(status.id);
    // What is shown is not what is said: the live region is another element (see below).
    expect(status.getAttribute('role')).toBeNull();
    expect(status.closest('[aria-live], [role="status"]')).toBeNull();

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
    expect(text.startsWith(": <<'ABOUT'\nTokenscope: attack tokens against your own endpoint.\n")).toBe(true);
    expect(text).toContain(`url='https://api.test/v1/me'`);
    expect(text).toContain(`check 200 'valid token, signed with your key' '${token}'`);
    // HS256: the key confusion needs an RSA key, and is left out with the reason, here and on the page.
    expect(text).toContain('\nLeft out: RS/HS key confusion: This attack targets an RSA-signing server');
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

  it('says a problem once, when the person has finished typing, and "set" at most once', async () => {
    await generatorWithToken();
    const field = screen.getByLabelText(/Your endpoint/) as HTMLInputElement;
    const status = screen.getByTestId('attack-endpoint-status');
    const said = screen.getByTestId('attack-endpoint-said');
    expect(said.getAttribute('role')).toBe('status');
    // Every change of the live region's text is one announcement.
    const announcements: string[] = [];
    const observer = new MutationObserver(() => announcements.push(said.textContent!.trim()));
    observer.observe(said, { childList: true, characterData: true, subtree: true });
    try {
      await enterEndpoint('api.example.com');
      await waitFor(() => expect(announcements).toHaveLength(1));
      expect(announcements[0]).toMatch(/^The URL has no scheme/);
      // Retyping it letter by letter: the visible message follows, the live region stays still.
      const typed = 'https://api.example.com/v1';
      for (let end = 1; end <= 9; end++) {
        await fireEvent.input(field, { target: { value: typed.slice(0, end) } });
        if (end === 4) expect(status.textContent).toContain('no scheme');
      }
      expect(status.textContent).not.toContain('no scheme');
      for (let end = 10; end <= typed.length; end++)
        await fireEvent.input(field, { target: { value: typed.slice(0, end) } });
      expect(announcements).toHaveLength(1);
      // Leaving the field says it is set, once.
      await fireEvent.change(field);
      await waitFor(() => expect(announcements).toHaveLength(2));
      expect(announcements[1]).toBe('Endpoint set: the commands and the script send the tokens to it.');
      // Another usable URL, left again: nothing new to say.
      await enterEndpoint('https://api.example.com/v2');
      // A pasted URL is said once it is in the field (the paste comes before its input event).
      // Both in one task, as a browser dispatches them.
      const pasted = fireEvent.paste(field);
      await fireEvent.input(field, { target: { value: 'ftp://files.example.com/' } });
      await pasted;
      await waitFor(() => expect(announcements).toHaveLength(3));
      expect(announcements[2]).toContain('this URL starts with "ftp:"');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(announcements).toHaveLength(3);
    } finally {
      observer.disconnect();
    }
  });

  it('shows what curl will be given when the URL parser rewrote it', async () => {
    await generatorWithToken();
    await enterEndpoint('https://bücher.example/a\\b');
    const note = await screen.findByTestId('attack-endpoint-note');
    // RFC 3492 punycode of "bücher"; the WHATWG URL parser reads "\\" as "/" in an http(s) path.
    expect(note.textContent).toBe('curl will be given https://xn--bcher-kva.example/a/b');
    expect(screen.getByTestId('attack-endpoint-said').textContent).toContain(
      'curl will be given https://xn--bcher-kva.example/a/b',
    );
    expect((await screen.findByTestId('attack-script')).textContent).toContain(
      `url='https://xn--bcher-kva.example/a/b'`,
    );
    // A URL used as typed (but for the case of its host, and the "/" of an empty path): no note.
    await enterEndpoint('https://API.example.com');
    await waitFor(() => expect(screen.queryByTestId('attack-endpoint-note')).toBeNull());
  });

  it('says how to run the script: saved as a file, or pasted', async () => {
    await generatorWithToken();
    await enterEndpoint('https://api.test/');
    await screen.findByTestId('attack-script');
    expect(screen.getByText(/save it as a file and run/).textContent!.replace(/\s+/g, ' ')).toContain(
      'save it as a file and run sh attack.sh, or paste it into a terminal.',
    );
  });

  it('warns when the signed token is not valid yet ("nbf" to come)', async () => {
    await generatorWithToken();
    workbench.payload = JSON.stringify({ sub: 'ada', nbf: Math.floor(Date.now() / 1000) + 7200 });
    await enterEndpoint('https://api.test/');
    const warning = await screen.findByTestId('attack-script-not-yet');
    expect(warning.textContent).toMatch(/not valid for another (1 h|2 h) \(its\s+"nbf"\)/);
    expect(warning.textContent).toContain("the script's first case fails until then");
    expect(screen.queryByTestId('attack-script-expired')).toBeNull();
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
