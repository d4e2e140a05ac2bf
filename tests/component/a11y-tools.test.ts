/**
 * Keyboard and screen-reader defects found in the Toolbox, the Generator and the Keys tool.
 * Arrow keys and Tab are real key presses (vitest browser's userEvent drives Chromium), since
 * how radios group is the browser's own behaviour, not something a synthetic event shows.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import Toolbox from '../../src/features/toolbox/Toolbox.svelte';
import Base64Tool from '../../src/features/toolbox/Base64Tool.svelte';
import Generator from '../../src/features/generator/Generator.svelte';
import EncryptPanel from '../../src/features/generator/EncryptPanel.svelte';
import AttackPanel from '../../src/features/generator/AttackPanel.svelte';
import KeyWorkbench from '../../src/features/generator/KeyWorkbench.svelte';
import { EncryptionChoices, workbench } from '../../src/state/workbench.svelte';
import { resetGenerator } from './support/generator';

const secret = 'a-secret-that-is-32-bytes-long!!';
const live = '[aria-live]:not([aria-live="off"]), [role="status"], [role="alert"], [role="log"]';

const radio = (name: string | RegExp, container: HTMLElement = document.body) =>
  [...container.querySelectorAll<HTMLInputElement>('input[type="radio"]')].find((input) => {
    const text = input.closest('label')!.textContent!.trim();
    return typeof name === 'string' ? text === name : name.test(text);
  })!;

/** A live region inside another is read twice, once for each. */
function nestedLiveRegions(): Element[] {
  return [...document.querySelectorAll(live)].filter((region) => region.parentElement?.closest(live));
}

describe('radio groups: arrows stay inside a fieldset, each group is one Tab stop', () => {
  it('the Toolbox: Direction, Alphabet, Input is and Make are four groups', async () => {
    render(Toolbox);
    await userEvent.click(radio('Encode'));
    await userEvent.keyboard('{ArrowLeft}');
    // Two choices: ArrowLeft from the first wraps to the second of the same fieldset.
    expect(radio('Decode').checked).toBe(true);
    expect(document.activeElement).toBe(radio('Decode'));
    expect(radio('a password').checked).toBe(true);
    expect(radio('random bytes').checked).toBe(false);
    await userEvent.keyboard('{ArrowRight}');
    expect(radio('Encode').checked).toBe(true);

    // Tab goes from one group's checked radio to the next group's, then on to the text box.
    await userEvent.tab();
    expect(document.activeElement).toBe(radio('base64url'));
    await userEvent.tab();
    expect(document.activeElement).toBe(radio('text (UTF-8)'));
    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByTestId('b64-input'));
    await userEvent.tab({ shift: true });
    expect(document.activeElement).toBe(radio('text (UTF-8)'));

    await userEvent.click(radio('a password'));
    await userEvent.keyboard('{ArrowDown}');
    expect(radio('random bytes').checked).toBe(true);
    expect(radio('Encode').checked).toBe(true);
    expect(radio('text (UTF-8)').checked).toBe(true);

    const names = [...document.querySelectorAll<HTMLInputElement>('input[type="radio"]')].map(
      (input) => input.name,
    );
    expect(names.every(Boolean)).toBe(true);
    expect(new Set(names).size).toBe(4);
  });

  it('two instances of a tool do not share a group', async () => {
    const first = render(Base64Tool).container;
    const second = render(Base64Tool).container;
    await userEvent.click(radio('Decode', second));
    await userEvent.click(radio('Decode', first));
    await userEvent.keyboard('{ArrowRight}');
    expect(radio('Encode', first).checked).toBe(true);
    expect(radio('Decode', second).checked).toBe(true);
    expect(radio('Decode', first).name).not.toBe(radio('Decode', second).name);
  });

  it("the Generator's JWE source and attack presets: arrows stay in their own panel", async () => {
    const props = { payload: '{"sub":"ada"}', signedToken: '', onOpen: () => {} };
    // Each panel with choices of its own (the app has one, holding the shared workbench's).
    const first = render(EncryptPanel, { ...props, choices: new EncryptionChoices() }).container;
    const second = render(EncryptPanel, { ...props, choices: new EncryptionChoices() }).container;
    await userEvent.click(radio('the payload JSON', second));
    await userEvent.click(radio('the payload JSON', first));
    await userEvent.keyboard('{ArrowDown}');
    expect(radio(/^the signed token/, first).checked).toBe(true);
    expect(radio('the payload JSON', second).checked).toBe(true);

    const attackProps = { signingKey: '', alg: 'HS256', onOpen: () => {} };
    const one = render(AttackPanel, attackProps).container;
    const two = render(AttackPanel, attackProps).container;
    await userEvent.click(radio('"kid" with a path traversal', two));
    await userEvent.click(radio('RS/HS key confusion', one));
    expect(radio('"kid" with a path traversal', two).checked).toBe(true);
  });
});

describe('live regions: one short status per tool, outputs not live, an error said once', () => {
  it('the signed token is not read out; a short sentence is', async () => {
    resetGenerator();
    render(Generator);
    await fireEvent.input(screen.getByTestId('gen-key'), { target: { value: secret } });
    const token = await screen.findByTestId('generated-token');
    expect(token.closest(live)).toBeNull();
    const status = screen.getByTestId('gen-token-status');
    // The token is ASCII (three base64url parts and two dots): its length is its size in bytes.
    expect(status.textContent).toBe(`Token signed, ${token.textContent!.length} bytes.`);
    expect(status.textContent).not.toContain(token.textContent!.slice(0, 20));

    workbench.payload = '{\n  "sub": \n}';
    const problem = await screen.findByTestId('gen-problem');
    expect(problem.closest(live)).toBeNull();
    await waitFor(() => expect(status.textContent).toBe('No token yet: the payload is not valid JSON.'));
    // The same sentence while the person keeps typing: nothing new to announce.
    workbench.payload = '{\n  "sub": "a\n}';
    await waitFor(() => expect(screen.getByTestId('gen-payload-status').textContent).toMatch(/Line 2/));
    expect(status.textContent).toBe('No token yet: the payload is not valid JSON.');

    await fireEvent.input(screen.getByTestId('gen-key'), { target: { value: 'short' } });
    workbench.payload = '{ "sub": "ada" }';
    await waitFor(() => expect(status.textContent).toContain('RFC 7518 §3.2'));
    expect(status.textContent).toBe(`No token yet. ${generatorProblemText()}`);
    expect(nestedLiveRegions()).toEqual([]);
    expect(document.querySelector('[role="alert"]')).toBeNull();
  });

  it('the Toolbox: digests, secrets and decoded text are not live; errors are not said twice', async () => {
    render(Toolbox);
    await fireEvent.input(screen.getByTestId('hmac-key'), { target: { value: 'Jefe' } });
    expect(screen.getByTestId('hmac-hex').closest(live)).toBeNull();
    // "Jefe" is 4 bytes, 32 bits: RFC 7518 §3.2 wants 256 for HS256.
    expect(screen.getByTestId('hmac-status').textContent).toBe(
      'HMAC-SHA-256 computed; the key is 32 bits, shorter than 256.',
    );
    await fireEvent.change(screen.getByRole('combobox', { name: /Key is/ }), { target: { value: 'hex' } });
    await fireEvent.input(screen.getByTestId('hmac-key'), { target: { value: 'zz' } });
    const hmacStatus = screen.getByTestId('hmac-status').textContent!;
    expect(hmacStatus).toMatch(/^The key is not valid hex/);
    const hmacError = screen.getAllByText(hmacStatus).filter((element) => !element.closest(live));
    expect(hmacError).toHaveLength(1);
    expect(screen.getByTestId('hmac-key').getAttribute('aria-invalid')).toBe('true');

    expect(screen.getByTestId('secret-output').closest(live)).toBeNull();
    const secretStatus = screen.getByTestId('secret-status');
    const value = screen.getByTestId('secret-output').textContent!;
    expect(secretStatus.textContent).toMatch(/^New password: \d+\.\d bits of entropy, /);
    expect(secretStatus.textContent).not.toContain(value);
    const before = secretStatus.firstElementChild;
    await userEvent.click(screen.getByRole('button', { name: 'New' }));
    // A new node in the region: read again even when the sentence is the same.
    expect(secretStatus.firstElementChild).not.toBe(before);

    await fireEvent.input(screen.getByTestId('b64-input'), { target: { value: 'héllo' } });
    expect(screen.getByTestId('b64-output').closest(live)).toBeNull();
    expect(screen.getByTestId('b64-status').textContent).toBe('Encoded as base64url.');
    await userEvent.click(radio('Decode'));
    await fireEvent.input(screen.getByTestId('b64-input'), { target: { value: 'aMOp*bGxv' } });
    expect(screen.getByTestId('b64-error').closest(live)).toBeNull();
    expect(screen.getByTestId('b64-status').textContent).toBe(screen.getByTestId('b64-error').textContent);

    expect(nestedLiveRegions()).toEqual([]);
    expect(document.querySelector('[role="alert"]')).toBeNull();
  });

  it('a workspace zip that cannot be read: its note is said once', async () => {
    render(Toolbox);
    const input = screen.getByTestId('zip-import') as HTMLInputElement;
    const file = new File([new Uint8Array([1, 2, 3])], 'not.zip', { type: 'application/zip' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    await fireEvent.change(input);
    const note = await waitFor(() => {
      const found = screen.getByTestId('zip-import-note');
      expect(found.textContent).toContain('zip');
      return found;
    });
    const section = note.closest('section')!;
    expect(nestedLiveRegions().filter((region) => section.contains(region))).toEqual([]);
  });

  it('attack presets and JWE: the tokens are not live, a problem is said once', async () => {
    resetGenerator();
    render(Generator);
    await fireEvent.click(screen.getByTestId('attack-build'));
    const attack = await screen.findByTestId('attack-token');
    expect(attack.closest(live)).toBeNull();
    expect(screen.getByTestId('attack-status').textContent!.trim()).toBe(
      'Made the token: "alg": "none", signature removed.',
    );

    await fireEvent.click(radio('RS/HS key confusion'));
    await fireEvent.click(screen.getByTestId('attack-build'));
    const problem = await screen.findByTestId('attack-problem');
    expect(problem.closest(live)).toBeNull();
    expect(screen.getByTestId('attack-status').textContent!.trim()).toBe(problem.textContent);

    // No signing key yet, so no signed token to nest.
    await fireEvent.input(screen.getByTestId('jwe-key'), { target: { value: 'x' } });
    await fireEvent.click(screen.getByTestId('jwe-encrypt'));
    const jweProblem = await screen.findByTestId('jwe-problem');
    expect(jweProblem.textContent).toBe('There is no signed token yet to nest.');
    expect(jweProblem.closest(live)).toBeNull();
    expect(screen.getByTestId('jwe-status').textContent!.trim()).toBe(jweProblem.textContent);

    expect(nestedLiveRegions()).toEqual([]);
    expect(document.querySelector('[role="alert"]')).toBeNull();
  });
});

function generatorProblemText() {
  return screen
    .getByTestId('gen-problem')
    .textContent!.replace(/^\s*No token yet\.\s*/, '')
    .trim();
}

describe('the Keys list', () => {
  function addSecret(name: string) {
    const jwk = { kty: 'oct', k: btoa(name.padEnd(32, '!')).replace(/=+$/, '') };
    workbench.addKey({ name, alg: 'HS256', publicJwk: jwk, privateJwk: jwk, origin: 'pasted' });
  }

  it('after Remove, the focus goes to the next key, then the one above, then the heading', async () => {
    workbench.keys = [];
    ['first', 'second', 'third'].forEach(addSecret);
    render(KeyWorkbench);
    screen.getByRole('button', { name: 'Remove second' }).focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(workbench.keys.map((key) => key.name)).toEqual(['first', 'third']));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Remove third' }));
    expect(screen.getByTestId('keys-note').textContent).toBe('Removed "second".');

    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(workbench.keys).toHaveLength(1));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Remove first' }));

    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(workbench.keys).toHaveLength(0));
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Keys in this session' }));
  });

  it("every key's buttons name the key", async () => {
    workbench.keys = [];
    ['alpha', 'beta'].forEach(addSecret);
    render(KeyWorkbench);
    const sign = screen.getAllByRole('button', { name: /^Sign with it/ }).map((button) => button.ariaLabel);
    expect(sign).toEqual(['Sign with it: alpha', 'Sign with it: beta']);
    const downloads = await waitFor(() => {
      const found = screen.getAllByRole('button', { name: /^Download the secret JWK/ });
      expect(found).toHaveLength(2);
      return found;
    });
    expect(downloads.map((button) => button.ariaLabel)).toEqual([
      'Download the secret JWK of alpha',
      'Download the secret JWK of beta',
    ]);
    // No two buttons in the list share a name.
    const list = screen.getByTestId('keys-list');
    const names = [...list.querySelectorAll('button')].map(
      (button) => button.getAttribute('aria-label') ?? button.textContent!.trim(),
    );
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('errors are tied to the field that has the focus', () => {
  it('the Base64 input: aria-invalid and aria-describedby while the error shows', async () => {
    render(Base64Tool);
    const input = screen.getByTestId('b64-input');
    await userEvent.click(radio('Decode'));
    await fireEvent.input(input, { target: { value: 'aMOp*bGxv' } });
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const described = document.getElementById(input.getAttribute('aria-describedby')!);
    expect(described).toBe(screen.getByTestId('b64-error'));
    await fireEvent.input(input, { target: { value: 'aMOpbGxv' } });
    expect(input.getAttribute('aria-invalid')).toBeNull();
    expect(input.getAttribute('aria-describedby')).toBeNull();
  });

  it('the CodeMirror payload and header: the focusable content says it is invalid and why', async () => {
    resetGenerator();
    render(Generator);
    const contentOf = (editor: string) =>
      waitFor(() => {
        const host = screen.getByTestId(`${editor}-editor`).querySelector('div')!;
        return host.shadowRoot!.querySelector<HTMLElement>('.cm-content')!;
      });
    const payload = await contentOf('gen-payload');
    const header = await contentOf('gen-header');
    expect(payload.getAttribute('contenteditable')).toBe('true');
    // The status lives outside the editor's shadow root, where an id would not reach: the
    // reference is an element reference (ariaDescribedByElements).
    expect(payload.ariaDescribedByElements).toEqual([screen.getByTestId('gen-payload-status')]);
    expect(header.ariaDescribedByElements).toEqual([screen.getByTestId('gen-header-status')]);
    expect(payload.getAttribute('aria-invalid')).toBeNull();

    payload.focus();
    await userEvent.keyboard('{Control>}a{/Control}{{"sub": ,');
    await waitFor(() => expect(payload.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByTestId('gen-payload-status').textContent).toMatch(/^✕Line 1, column 9: /);
    expect(header.getAttribute('aria-invalid')).toBeNull();
    await userEvent.keyboard('{Control>}a{/Control}{{"sub": 1}');
    await waitFor(() => expect(payload.getAttribute('aria-invalid')).toBeNull());
  });
});
