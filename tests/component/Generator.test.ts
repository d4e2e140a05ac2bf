import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { compactVerify, importJWK, type JWK } from 'jose';
import { describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import Generator from '../../src/features/generator/Generator.svelte';
import KeyWorkbench from '../../src/features/generator/KeyWorkbench.svelte';
import { workbench } from '../../src/state/workbench.svelte';
import { workspace } from '../../src/state/workspace.svelte';
import { resetGenerator, decodePart } from './support/generator';

describe('Generator', () => {
  it('signs as you type with a pasted secret, and refuses a short one with the RFC 7518 reason', async () => {
    resetGenerator();
    render(Generator);
    const key = screen.getByTestId('gen-key');
    await fireEvent.input(key, { target: { value: 'too-short' } });
    const problem = await screen.findByTestId('gen-problem');
    expect(problem.textContent).toContain('RFC 7518 §3.2');
    expect(problem.textContent).toContain('256 bits (32 bytes)');
    await fireEvent.input(key, { target: { value: 'a-secret-that-is-32-bytes-long!!' } });
    const token = await screen.findByTestId('generated-token');
    const [h, p] = token.textContent!.split('.');
    expect(decodePart(h!)).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(decodePart(p!)).toEqual({ sub: 'ada' });
    // Independent check: jose verifies the displayed token with the same secret.
    await compactVerify(token.textContent!, new TextEncoder().encode('a-secret-that-is-32-bytes-long!!'));
    // The payload follows edits made elsewhere (claim helpers, imports).
    workbench.payload = '{ "sub": "grace" }';
    await waitFor(() =>
      expect(decodePart(screen.getByTestId('generated-token').textContent!.split('.')[1]!).sub).toBe('grace'),
    );
  });

  it('shows a JSON error with its line and column, and keeps the page working', async () => {
    resetGenerator();
    render(Generator);
    workbench.payload = '{\n  "sub": "ada",\n  "exp": \n}';
    const status = await screen.findByTestId('gen-payload-status');
    await waitFor(() => expect(status.textContent).toMatch(/Line 4, column 1/));
    expect((await screen.findByTestId('gen-problem')).textContent).toContain('payload is not valid JSON');
    // The editor marks the spot (CodeMirror lives in a shadow root under the CSP).
    const host = screen.getByTestId('gen-payload-editor').querySelector('div')!;
    await waitFor(() => expect(host.shadowRoot!.querySelector('.cm-json-error')).not.toBeNull());
    workbench.payload = '{ "sub": "ada" }';
    await waitFor(() => expect(status.textContent).toContain('Valid JSON'));
  });

  it("the editor undoes and redoes typing, and Enter keeps JSON's indentation", async () => {
    resetGenerator();
    render(Generator);
    const host = screen.getByTestId('gen-payload-editor').querySelector('div')!;
    const content = await waitFor(() => host.shadowRoot!.querySelector<HTMLElement>('.cm-content')!);
    content.focus();
    // Real key presses, as a person types them.
    await userEvent.keyboard('{Control>}a{/Control}{{');
    await userEvent.keyboard('{Enter}"x": 1');
    await waitFor(() => expect(workbench.payload).toBe('{\n  "x": 1'));
    // How many steps undo takes depends on how typing was grouped; it must get back to the start.
    const original = '{\n  "sub": "ada"\n}';
    for (let press = 0; press < 5 && workbench.payload !== original; press++)
      await userEvent.keyboard('{Control>}z{/Control}');
    expect(workbench.payload).toBe(original);
    for (let press = 0; press < 5 && workbench.payload !== '{\n  "x": 1'; press++)
      await userEvent.keyboard('{Control>}y{/Control}');
    expect(workbench.payload).toBe('{\n  "x": 1');
    // Ctrl+Shift+Z redoes too (a real Shift+z arrives as "Z"), and with nothing to redo does nothing.
    await userEvent.keyboard('{Control>}z{/Control}');
    await userEvent.keyboard('{Control>}{Shift>}Z{/Shift}{/Control}');
    expect(workbench.payload).toBe('{\n  "x": 1');
    await userEvent.keyboard('{Control>}{Shift>}Z{/Shift}{/Control}');
    expect(workbench.payload).toBe('{\n  "x": 1');
  });

  it('the alg picker rewrites the header, generates a key pair, and the token verifies with its public JWK', async () => {
    resetGenerator();
    render(Generator);
    await fireEvent.change(screen.getByTestId('gen-alg'), { target: { value: 'ES384' } });
    await waitFor(() => expect(JSON.parse(workbench.header).alg).toBe('ES384'));
    await fireEvent.click(screen.getByTestId('gen-generate'));
    const token = await screen.findByTestId('generated-token');
    expect(workbench.keys).toHaveLength(1);
    const publicJwk = workbench.keys[0]!.publicJwk as JWK;
    expect(publicJwk.d).toBeUndefined();
    const header = decodePart(token.textContent!.split('.')[0]!);
    expect(header).toMatchObject({ alg: 'ES384', kid: workbench.keys[0]!.kid });
    await compactVerify(token.textContent!, await importJWK(publicJwk, 'ES384'));
  });

  it('opens the token in the Verifier with the public half of the key', async () => {
    resetGenerator();
    const onOpenTool = vi.fn();
    render(Generator, { onOpenTool });
    await fireEvent.change(screen.getByTestId('gen-alg'), { target: { value: 'EdDSA' } });
    await fireEvent.click(screen.getByTestId('gen-generate'));
    const token = (await screen.findByTestId('generated-token')).textContent!;
    await fireEvent.click(screen.getByTestId('gen-open-verifier'));
    await waitFor(() => expect(onOpenTool).toHaveBeenCalledWith('verifier'));
    expect(workspace.token).toBe(token);
    expect(JSON.parse(workspace.key)).toMatchObject({ kty: 'OKP', crv: 'Ed25519' });
    expect(JSON.parse(workspace.key).d).toBeUndefined();
    expect(workspace.keyOrigin).toBe('generated');
  });

  it('explains and builds an attack preset', async () => {
    resetGenerator();
    render(Generator);
    await fireEvent.click(screen.getByLabelText('"kid" with a path traversal'));
    expect(screen.getByTestId('attack-explanation').textContent).toContain('/dev/null');
    await fireEvent.click(screen.getByTestId('attack-build'));
    const token = await screen.findByTestId('attack-token');
    expect(decodePart(token.textContent!.split('.')[0]!).kid).toContain('../');
    await fireEvent.click(screen.getByLabelText('RS/HS key confusion'));
    await fireEvent.click(screen.getByTestId('attack-build'));
    expect((await screen.findByTestId('attack-problem')).textContent).toContain('RS256');
  });
});

describe('Key workbench', () => {
  it('generates an RSA key with its thumbprint and converts a pasted PEM', async () => {
    resetGenerator();
    render(KeyWorkbench);
    await fireEvent.change(screen.getByTestId('keys-alg'), { target: { value: 'PS256' } });
    await fireEvent.click(screen.getByTestId('keys-generate'));
    await waitFor(() => expect(screen.getByTestId('keys-note').textContent).toContain('Generated'), {
      timeout: 10000,
    });
    const thumbprints = await screen.findAllByTestId('key-thumbprint');
    expect(thumbprints[0]!.textContent).toBe(workbench.keys[0]!.kid);
    const pem = (await screen.findAllByTestId('key-public-pem'))[0]!.textContent!;
    expect(pem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    await fireEvent.input(screen.getByTestId('keys-paste'), { target: { value: pem } });
    await waitFor(() => expect(screen.getAllByTestId('key-thumbprint')).toHaveLength(2));
    // The pasted public PEM has the same thumbprint as the generated key.
    expect(screen.getAllByTestId('key-thumbprint')[0]!.textContent).toBe(workbench.keys[0]!.kid);
    await fireEvent.input(screen.getByTestId('keys-paste'), {
      target: { value: '-----BEGIN PUBLIC KEY-----\nnot base64!\n-----END PUBLIC KEY-----' },
    });
    expect((await screen.findByRole('alert')).textContent).toContain('not valid base64');
  });
});
