/**
 * "Copy as an openssl command" in the Generator and the Verifier: the script shown is for the
 * token on the page (its signing input as the Generator made it), carries the key the person
 * gave in the form each tool promises (an HMAC secret as hex bytes, a public key as SPKI PEM,
 * never a private key), and is reachable by keyboard with a name a screen reader says. The
 * scripts themselves are run with dash and openssl in tests/unit/openssl-command.test.ts and in
 * the built site by tests/e2e/openssl-command.spec.ts; the browser cannot run a shell.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import Generator from '../../src/features/generator/Generator.svelte';
import Verifier from '../../src/features/verifier/Verifier.svelte';
import { workbench } from '../../src/state/workbench.svelte';
import { workspace } from '../../src/state/workspace.svelte';
import { pkcs8PemOfNewRsaKey, resetGenerator } from './support/generator';

const hexOf = (bytes: Uint8Array) => [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
const b64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const pem = (label: string, der: ArrayBuffer) =>
  `-----BEGIN ${label}-----\n${btoa(String.fromCharCode(...new Uint8Array(der))).replace(/.{64}/g, '$&\n')}\n-----END ${label}-----\n`;
const signingInputOf = (token: string) => token.slice(0, token.lastIndexOf('.'));

/** An ES256 token and its key pair, made with WebCrypto directly (not the code under test). */
async function es256Token() {
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
    'sign',
    'verify',
  ]);
  const input = `${b64url(new TextEncoder().encode('{"alg":"ES256","kid":"k1"}'))}.${b64url(new TextEncoder().encode('{"sub":"ada"}'))}`;
  const signature = await crypto.subtle.sign(
    { name: 'ECDSA', hash: 'SHA-256' },
    pair.privateKey,
    new TextEncoder().encode(input),
  );
  return {
    token: `${input}.${b64url(new Uint8Array(signature))}`,
    spki: await crypto.subtle.exportKey('spki', pair.publicKey),
    privateJwk: await crypto.subtle.exportKey('jwk', pair.privateKey),
  };
}

describe('the Generator’s openssl script', () => {
  beforeEach(() => resetGenerator());

  it('signs the token’s own signing input with the secret as hex, and says the secret is in it', async () => {
    const secret = `it's a "secret" with $(no) expansion, 32+ bytes`;
    render(Generator);
    await fireEvent.input(screen.getByTestId('gen-key'), { target: { value: secret } });
    const token = (await screen.findByTestId('generated-token')).textContent!;
    // Closed, nothing is written yet; the summary opens it from the keyboard.
    expect(screen.queryByTestId('gen-openssl')).toBeNull();
    const summary = screen.getByText('Copy as a command');
    summary.focus();
    await userEvent.keyboard('{Enter}');
    const script = (await screen.findByTestId('gen-openssl')).textContent!;
    expect(script).toContain(`key_hex='${hexOf(new TextEncoder().encode(secret))}'`);
    expect(script).toContain(`signing_input='${signingInputOf(token)}'`);
    expect(script).toContain('openssl dgst -sha256 -mac HMAC -macopt "hexkey:$key_hex"');
    expect(script).not.toContain(secret);
    const command = screen.getByTestId('gen-openssl').closest('.command') as HTMLElement;
    expect(command.textContent).toContain('The secret is in the command');
    within(command).getByRole('button', { name: 'Copy the openssl script' });
    // A script of many lines scrolls in a region that takes focus and has a name.
    const region = within(command).getByRole('region', { name: 'The openssl script' });
    expect(region.tabIndex).toBe(0);
    expect(getComputedStyle(screen.getByTestId('gen-openssl')).whiteSpace).toBe('pre-wrap');

    // The script follows the token as the payload changes.
    workbench.payload = '{ "sub": "grace" }';
    await waitFor(() => {
      const next = screen.getByTestId('generated-token').textContent!;
      expect(next).not.toBe(token);
      expect(screen.getByTestId('gen-openssl').textContent).toContain(
        `signing_input='${signingInputOf(next)}'`,
      );
    });
  });

  it('stays open while a new key signs the token again, and follows it', async () => {
    render(Generator);
    await fireEvent.input(screen.getByTestId('gen-key'), { target: { value: 'x'.repeat(32) } });
    await screen.findByTestId('generated-token');
    await fireEvent.click(screen.getByText('Copy as a command'));
    await screen.findByTestId('gen-openssl');
    await fireEvent.change(screen.getByTestId('gen-alg'), { target: { value: 'ES384' } });
    await fireEvent.click(screen.getByTestId('gen-generate'));
    await waitFor(
      () => {
        const token = screen.getByTestId('generated-token').textContent!;
        const script = screen.getByTestId('gen-openssl').textContent!;
        expect(script).toContain(`signing_input='${signingInputOf(token)}'`);
        expect(script).toContain('openssl dgst -sha384 -sign private.pem');
      },
      { timeout: 5000 },
    );
    expect((screen.getByText('Copy as a command').closest('details') as HTMLDetailsElement).open).toBe(true);
  });

  it('reads a base64 secret as its bytes, as the signer does', async () => {
    const bytes = Uint8Array.from([0xff, 0x00, 0x27, 0x80, ...new Array(30).fill(0xfe)]);
    render(Generator);
    workbench.signing.secretEncoding = 'base64';
    await fireEvent.input(screen.getByTestId('gen-key'), {
      target: { value: btoa(String.fromCharCode(...bytes)) },
    });
    await screen.findByTestId('generated-token');
    await fireEvent.click(screen.getByText('Copy as a command'));
    await waitFor(() =>
      expect(screen.getByTestId('gen-openssl').textContent).toContain(`key_hex='${hexOf(bytes)}'`),
    );
  });

  it('never writes a private key into the script: it reads private.pem', async () => {
    const privatePem = await pkcs8PemOfNewRsaKey();
    render(Generator);
    await fireEvent.change(screen.getByTestId('gen-alg'), { target: { value: 'PS256' } });
    await fireEvent.input(screen.getByTestId('gen-key'), { target: { value: privatePem } });
    const token = (await screen.findByTestId('generated-token', {}, { timeout: 5000 })).textContent!;
    await fireEvent.click(screen.getByText('Copy as a command'));
    const script = (await screen.findByTestId('gen-openssl')).textContent!;
    expect(script).toContain(`signing_input='${signingInputOf(token)}'`);
    expect(script).toContain('-sign private.pem -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:digest');
    expect(script).not.toContain('PRIVATE KEY');
    expect(script).not.toContain(privatePem.split('\n')[1]);
    const note = screen.getByTestId('gen-openssl').closest('.command')!.querySelector('.note')!.textContent!;
    expect(note).toContain('private.pem');
    expect(note).toContain('differ on every signing');
  });
});

describe('the Verifier’s openssl script', () => {
  beforeEach(() => {
    workspace.token = '';
    workspace.key = '';
    workspace.keyOrigin = 'pasted';
    workspace.profile = {};
  });

  it('appears with a key, and carries the token and the public key as SPKI PEM', async () => {
    const { token, spki } = await es256Token();
    workspace.token = token;
    render(Verifier);
    expect(screen.queryByText('Copy as an openssl command')).toBeNull();
    await fireEvent.input(screen.getByTestId('key-input'), { target: { value: pem('PUBLIC KEY', spki) } });
    await waitFor(() => expect(screen.getByTestId('verify-status').dataset.status).toBe('valid'));
    await fireEvent.click(screen.getByText('Copy as an openssl command'));
    const script = (await screen.findByTestId('verify-openssl')).textContent!;
    expect(script).toContain(`token='${token}'`);
    expect(script).toContain(pem('PUBLIC KEY', spki).trim());
    expect(script).toContain("echo 'Verified OK'");
    const command = screen.getByTestId('verify-openssl').closest('.command') as HTMLElement;
    expect(command.textContent).toContain('exits 1');
    within(command).getByRole('region', { name: 'The openssl script' });
  });

  it('writes only the public half of a pasted private JWK', async () => {
    const { token, spki, privateJwk } = await es256Token();
    workspace.token = token;
    workspace.key = JSON.stringify(privateJwk);
    render(Verifier);
    await fireEvent.click(await screen.findByText('Copy as an openssl command'));
    const script = (await screen.findByTestId('verify-openssl')).textContent!;
    expect(script).not.toContain(privateJwk.d!);
    expect(script).not.toContain('PRIVATE');
    expect(script).toContain(pem('PUBLIC KEY', spki).trim());
  });

  it('says why there is no command when the key does not fit the token', async () => {
    const { token } = await es256Token();
    workspace.token = token;
    workspace.key = await pkcs8PemOfNewRsaKey();
    render(Verifier);
    await fireEvent.click(await screen.findByText('Copy as an openssl command'));
    const reason = await screen.findByTestId('verify-openssl');
    expect(reason.tagName).toBe('P');
    expect(reason.textContent).toContain('ES256');
    expect(reason.textContent).toContain('RSA');
    expect(screen.queryByRole('button', { name: 'Copy the openssl script' })).toBeNull();
  });

  it('offers nothing for an encrypted token', async () => {
    workspace.token = 'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..aaaa.bbbb.cccc';
    workspace.key = 'a'.repeat(43);
    render(Verifier);
    await screen.findByTestId('verify-status');
    expect(screen.queryByText('Copy as an openssl command')).toBeNull();
  });
});
