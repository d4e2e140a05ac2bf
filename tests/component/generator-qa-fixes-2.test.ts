import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { calculateJwkThumbprint, compactVerify, importJWK, type JWK } from 'jose';
import { describe, expect, it } from 'vitest';
import Generator from '../../src/features/generator/Generator.svelte';
import EncryptPanel from '../../src/features/generator/EncryptPanel.svelte';
import KeyWorkbench from '../../src/features/generator/KeyWorkbench.svelte';
import { runtimeHasAes192 } from '../../src/core/jwe/aes192';
import { workbench } from '../../src/state/workbench.svelte';
import { resetGenerator, decodePart, pkcs8PemOfNewRsaKey } from './support/generator';

const tokenText = async () => (await screen.findByTestId('generated-token')).textContent!;

describe('Generator: the header names the key chosen to sign', () => {
  it('"Sign with it" in Keys replaces the kid of the key generated before (QA repro)', async () => {
    resetGenerator();
    render(Generator);
    await fireEvent.change(screen.getByTestId('gen-alg'), { target: { value: 'ES256' } });
    await fireEvent.click(screen.getByTestId('gen-generate'));
    await waitFor(() => expect(workbench.keys).toHaveLength(1));
    const keyA = workbench.keys[0]!;
    await waitFor(async () => expect(decodePart((await tokenText()).split('.')[0]!).kid).toBe(keyA.kid));

    // Key B, made in the Keys tool, then "Sign with it".
    const keys = render(KeyWorkbench);
    await fireEvent.change(within(keys.container).getByTestId('keys-alg'), { target: { value: 'ES256' } });
    await fireEvent.click(within(keys.container).getByTestId('keys-generate'));
    await waitFor(() => expect(workbench.keys).toHaveLength(2));
    const keyB = workbench.keys[1]!;
    await fireEvent.click(within(keys.container).getByRole('button', { name: `Sign with it: ${keyB.name}` }));

    // The kid is B's RFC 7638 thumbprint, computed here by jose, not taken from our code.
    const thumbprintB = await calculateJwkThumbprint(keyB.publicJwk);
    await waitFor(async () => expect(decodePart((await tokenText()).split('.')[0]!).kid).toBe(thumbprintB));
    expect(thumbprintB).not.toBe(keyA.kid);
    expect(screen.getByTestId('gen-key-note').textContent).toContain(`Signing with "${keyB.name}"`);
    // The token verifies with the key its header names in the session's JWKS.
    const token = await tokenText();
    const named = workbench.keys.find((key) => key.kid === decodePart(token.split('.')[0]!).kid)!;
    await compactVerify(token, await importJWK(named.publicJwk as JWK, 'ES256'));
  });

  it('the saved-key picker sets kid and alg each time, and a key without kid removes a stale one', async () => {
    resetGenerator();
    const ec = workbench.addKey({
      name: 'EC key',
      alg: 'ES256',
      kid: 'ec-kid',
      publicJwk: {
        kty: 'EC',
        crv: 'P-256',
        x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU',
        y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0',
      },
      privateJwk: {
        kty: 'EC',
        crv: 'P-256',
        x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU',
        y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0',
        d: 'jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI',
      },
      origin: 'pasted',
    });
    const secret = 'a-secret-that-is-32-bytes-long!!';
    const noKid = workbench.addKey({
      name: 'Shared secret',
      alg: 'HS256',
      publicJwk: { kty: 'oct', k: btoa(secret).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_') },
      privateJwk: { kty: 'oct', k: btoa(secret).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_') },
      origin: 'pasted',
    });
    // Same alg as the header already has (the case the old code skipped): kid still set.
    workbench.header = '{\n  "alg": "ES256",\n  "kid": "stale",\n  "typ": "JWT"\n}';
    render(Generator);
    const picker = screen.getByLabelText('Use a saved key');
    await fireEvent.change(picker, { target: { value: ec.id } });
    await waitFor(() =>
      expect(JSON.parse(workbench.header)).toEqual({ alg: 'ES256', kid: 'ec-kid', typ: 'JWT' }),
    );
    await compactVerify(await tokenText(), await importJWK(ec.publicJwk, 'ES256'));

    await fireEvent.change(picker, { target: { value: noKid.id } });
    await waitFor(() => expect(JSON.parse(workbench.header)).toEqual({ alg: 'HS256', typ: 'JWT' }));
    expect(screen.getByTestId('gen-key-note').textContent).toContain(`the header's old "kid" was removed`);
    await waitFor(async () => expect(decodePart((await tokenText()).split('.')[0]!).alg).toBe('HS256'));
    await compactVerify(await tokenText(), new TextEncoder().encode(secret));
  });
});

describe('Generator: what defines the token survives switching tools', () => {
  it('an RS256 PKCS#8 key, its token and the JWE options are there after leaving and coming back', async () => {
    resetGenerator();
    const pem = await pkcs8PemOfNewRsaKey();
    const first = render(Generator);
    await fireEvent.change(screen.getByTestId('gen-alg'), { target: { value: 'RS256' } });
    await fireEvent.input(screen.getByTestId('gen-key'), { target: { value: pem } });
    const before = await tokenText();
    await fireEvent.change(screen.getByTestId('jwe-alg'), { target: { value: 'A256KW' } });
    await fireEvent.change(screen.getByTestId('jwe-enc'), { target: { value: 'A128GCM' } });
    await fireEvent.input(screen.getByTestId('jwe-key'), {
      target: { value: 'a-shared-key-typed-by-the-person' },
    });
    first.unmount();
    expect(screen.queryByTestId('gen-key')).toBeNull();

    const second = render(Generator);
    expect((screen.getByTestId('gen-key') as HTMLTextAreaElement).value).toBe(pem);
    expect((screen.getByTestId('gen-alg') as HTMLSelectElement).value).toBe('RS256');
    // RS256 (PKCS#1 v1.5) is deterministic: the same key, header and payload give the same token.
    expect(await tokenText()).toBe(before);
    expect(screen.queryByText(/Add a key to sign/)).toBeNull();
    expect((screen.getByTestId('jwe-alg') as HTMLSelectElement).value).toBe('A256KW');
    expect((screen.getByTestId('jwe-enc') as HTMLSelectElement).value).toBe('A128GCM');
    expect((screen.getByTestId('jwe-key') as HTMLTextAreaElement).value).toBe(
      'a-shared-key-typed-by-the-person',
    );
    // Memory only: neither storage holds the key.
    for (const storage of [localStorage, sessionStorage])
      for (let index = 0; index < storage.length; index++)
        expect(storage.getItem(storage.key(index)!)).not.toContain('PRIVATE KEY');

    // Left while the header was half-typed: the picker still shows the last algorithm it had.
    workbench.header = '{\n  "alg": "RS256",\n  "typ": ';
    second.unmount();
    render(Generator);
    expect((screen.getByTestId('gen-alg') as HTMLSelectElement).value).toBe('RS256');
    expect((screen.getByTestId('gen-key') as HTMLTextAreaElement).value).toBe(pem);
  });
});

describe('Generator: a text secret is signed as typed', () => {
  it('a trailing space is part of the secret, and the note says so', async () => {
    resetGenerator();
    render(Generator);
    const typed = 'a-secret-that-is-32-bytes-long!! ';
    await fireEvent.input(screen.getByTestId('gen-key'), { target: { value: typed } });
    const token = await tokenText();
    await waitFor(() =>
      expect(screen.getByTestId('gen-key-note').textContent).toContain(
        'It is signed as typed, including the trailing space.',
      ),
    );
    expect(screen.getByTestId('gen-key-note').textContent).toContain('264-bit secret');
    await compactVerify(token, new TextEncoder().encode(typed));
    await expect(compactVerify(token, new TextEncoder().encode(typed.trim()))).rejects.toThrow();
  });

  it('base64 ignores the white space around it, and no note is shown', async () => {
    resetGenerator();
    render(Generator);
    await fireEvent.change(screen.getByLabelText('Secret encoding'), { target: { value: 'base64' } });
    const bytes = new TextEncoder().encode('a-secret-that-is-32-bytes-long!!');
    await fireEvent.input(screen.getByTestId('gen-key'), {
      target: { value: `${btoa(String.fromCharCode(...bytes))}\n` },
    });
    await compactVerify(await tokenText(), bytes);
    expect(screen.getByTestId('gen-key-note').textContent).not.toContain('signed as typed');
  });
});

describe('Encrypt (JWE): 192-bit AES', () => {
  const props = { payload: '{"sub":"ada"}', signedToken: '', onOpen: () => {} };
  const aes192Choices = [
    'ECDH-ES+A192KW',
    'A192KW',
    'A192GCMKW',
    'PBES2-HS384+A192KW',
    'A192GCM',
    'A192CBC-HS384',
  ];
  const options = () => [
    ...(screen.getByTestId('jwe-alg') as HTMLSelectElement).options,
    ...(screen.getByTestId('jwe-enc') as HTMLSelectElement).options,
  ];

  it('without it, the A192 choices stay listed but disabled, with the reason', async () => {
    resetGenerator();
    render(EncryptPanel, { ...props, probeAes192: async () => false });
    await screen.findByTestId('jwe-aes192-note');
    const disabled = options().filter((option) => option.disabled);
    expect(disabled.map((option) => option.value).sort()).toEqual([...aes192Choices].sort());
    for (const option of disabled) expect(option.textContent).toBe(`${option.value} — not in this browser`);
    expect(screen.getByTestId('jwe-alg').getAttribute('aria-describedby')).toBe(
      screen.getByTestId('jwe-aes192-note').id,
    );
    expect(options().find((option) => option.value === 'A256KW')!.disabled).toBe(false);
  });

  it('with it, every choice is enabled and no note shows', async () => {
    resetGenerator();
    let answered = false;
    render(EncryptPanel, { ...props, probeAes192: async () => ((answered = true), true) });
    await waitFor(() => expect(answered).toBe(true));
    expect(options().filter((option) => option.disabled)).toEqual([]);
    expect(screen.queryByTestId('jwe-aes192-note')).toBeNull();
    expect(options().find((option) => option.value === 'A192KW')!.textContent).toBe('A192KW');
  });

  it("the real probe agrees with this browser's WebCrypto", async () => {
    const direct = await crypto.subtle
      .importKey('raw', new Uint8Array(24), 'AES-KW', false, ['wrapKey'])
      .then(
        () => true,
        () => false,
      );
    expect(await runtimeHasAes192()).toBe(direct);
    resetGenerator();
    render(EncryptPanel, props);
    if (direct) expect(screen.queryByTestId('jwe-aes192-note')).toBeNull();
    else await screen.findByTestId('jwe-aes192-note');
  });
});

describe('Generator: a private key pasted under an algorithm it does not fit', () => {
  it('offers the first algorithm it fits, and signs with it when pressed', async () => {
    resetGenerator();
    render(Generator);
    // The default is HS256; an RSA private key cannot sign it.
    await fireEvent.input(screen.getByTestId('gen-key'), { target: { value: await pkcs8PemOfNewRsaKey() } });
    const button = await screen.findByTestId('gen-switch-alg');
    expect(button.textContent).toBe('Switch to RS256');
    await fireEvent.click(button);
    await waitFor(async () => expect(decodePart((await tokenText()).split('.')[0]!).alg).toBe('RS256'));
    expect(screen.queryByTestId('gen-switch-alg')).toBeNull();
    expect(screen.getByTestId('gen-key-note').textContent).toContain(
      'Switched to RS256, which this key fits.',
    );
  });
});
