/**
 * The Decoder's "Verify signature" box (the Verifier's key and verdict, shown under the payload)
 * and a pasted OAuth token response: switching between its tokens, and its at_hash.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { sha256 } from '@noble/hashes/sha2.js';
import { CompactEncrypt, SignJWT, exportJWK, generateKeyPair } from 'jose';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import Decoder from '../../src/features/decoder/Decoder.svelte';
import VerdictSummary from '../../src/features/decoder/VerdictSummary.svelte';
import Verifier from '../../src/features/verifier/Verifier.svelte';
import VerdictView from '../../src/features/verifier/VerdictView.svelte';
import { workspace } from '../../src/state/workspace.svelte';
import examples from '../fixtures/oidc-at-hash.json';

const b64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const text = (value: string) => b64url(new TextEncoder().encode(value));

/** HS256 with WebCrypto directly (not jose, not the code under test). */
async function hs256(payload: object, secret: string): Promise<string> {
  const input = `${text('{"alg":"HS256","typ":"JWT"}')}.${text(JSON.stringify(payload))}`;
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const signature = new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(input)));
  return `${input}.${b64url(signature)}`;
}

const status = () => screen.getByTestId('verify-status');
const settled = async (expected: string, timeout = 3000) =>
  waitFor(() => expect(status().dataset.status).toBe(expected), { timeout });
const now = () => Math.floor(Date.now() / 1000);

function renderDecoder(onOpenTool: (tool: string) => void = () => {}) {
  return render(Decoder, { onOpenTool });
}

async function typeKey(value: string) {
  await fireEvent.input(await screen.findByTestId('key-input'), { target: { value } });
}

beforeEach(() => {
  workspace.token = '';
  workspace.key = '';
  workspace.keyOrigin = 'pasted';
  workspace.profile = {};
});

describe('the verify box', () => {
  it("verifies under the payload with the workspace's key, and opens the Verifier", async () => {
    const onOpenTool = vi.fn();
    workspace.token = await hs256({ sub: 'ada', exp: now() + 600 }, 'right-secret');
    renderDecoder(onOpenTool);
    const payload = await screen.findByTestId('payload-json');
    const key = await screen.findByTestId('key-input');
    // Under the payload, where jwt.io has its box; the field is labelled.
    expect(payload.compareDocumentPosition(key) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.getByLabelText('Key to verify with')).toBe(key);
    expect(status().dataset.status).toBe('idle');

    await typeKey('wrong-secret');
    await settled('invalid-signature');
    expect(status().textContent).toContain('Invalid signature');
    await typeKey('right-secret');
    await settled('valid');
    expect(status().textContent).toContain('Valid');
    // The key is the workspace's: the Verifier has it.
    expect(workspace.key).toBe('right-secret');

    await fireEvent.click(screen.getByRole('button', { name: 'Open in the Verifier' }));
    expect(onOpenTool).toHaveBeenCalledWith('verifier');
  });

  it('shares key, profile and verdict with the Verifier, both ways', async () => {
    workspace.token = await hs256({ sub: 'ada', iss: 'https://issuer.example' }, 'shared');
    // A key and a profile set in the Verifier show in the Decoder's box.
    workspace.key = 'shared';
    workspace.profile = { issuer: 'https://other.example', algorithms: ['HS256'] };
    const decoder = renderDecoder();
    await settled('claim-mismatch');
    expect(status().textContent).toContain('Claims do not match');
    expect((screen.getByTestId('key-input') as HTMLTextAreaElement).value).toBe('shared');
    expect(screen.getByTestId('profile-checks').textContent).toContain(
      'issuer checked · algorithms limited to HS256',
    );
    const decoderReason = status().querySelector('.reason')!.textContent;
    expect(decoderReason).toMatch(/issuer|iss/);
    decoder.unmount();

    render(Verifier);
    await settled('claim-mismatch');
    expect(status().querySelector('.reason')!.textContent).toBe(decoderReason);
  });

  it('reads a base64 secret as base64 when told, the choice being the profile', async () => {
    // The secret is the bytes 0..31, pasted as base64 (what an issuer's console shows).
    const bytes = Uint8Array.from({ length: 32 }, (_, i) => i);
    const pasted = btoa(String.fromCharCode(...bytes));
    const input = `${text('{"alg":"HS256"}')}.${text('{"sub":"ada"}')}`;
    const key = await crypto.subtle.importKey('raw', bytes, { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
    ]);
    const signature = new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(input)));
    workspace.token = `${input}.${b64url(signature)}`;
    renderDecoder();
    await typeKey(pasted);
    await settled('invalid-signature');
    await fireEvent.click(await screen.findByRole('radio', { name: 'Base64' }));
    await settled('valid');
    expect(workspace.profile.secretEncoding).toBe('base64');
  });

  it('re-checks as the clock passes exp: valid, then expired', async () => {
    workspace.token = await hs256({ sub: 'ada', exp: now() + 2 }, 'secret');
    workspace.key = 'secret';
    renderDecoder();
    await settled('valid');
    await settled('expired', 9000);
    expect(status().textContent).toContain('Expired');
  }, 12_000);

  it('never goes green on the key the token carries about itself (jwk header)', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const jwk = await exportJWK(publicKey);
    workspace.token = await new SignJWT({ sub: 'mallory' })
      .setProtectedHeader({ alg: 'ES256', jwk })
      .sign(privateKey);
    renderDecoder();
    await typeKey(JSON.stringify(jwk));
    await settled('key-mismatch');
    expect(status().textContent).toContain('only the key the token carries about itself');
  });

  it('decrypts a JWE and shows its plaintext', async () => {
    const secret = crypto.getRandomValues(new Uint8Array(32));
    const claims = { sub: 'ada', scope: 'read', exp: now() + 600 };
    workspace.token = await new CompactEncrypt(new TextEncoder().encode(JSON.stringify(claims)))
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
      .encrypt(secret);
    renderDecoder();
    expect((await screen.findByRole('heading', { name: 'Decrypt' })).tagName).toBe('H2');
    await typeKey(JSON.stringify({ kty: 'oct', k: b64url(secret) }));
    await settled('decrypted');
    expect(screen.getByLabelText('Key to decrypt with')).toBeTruthy();
    expect((await screen.findByTestId('decoder-plaintext')).textContent).toContain('"scope": "read"');
  });

  it('is not in the widget: a Decoder with no other tools to open has no box', async () => {
    workspace.token = await hs256({ sub: 'ada' }, 'secret');
    render(Decoder);
    await screen.findByTestId('payload-json');
    // The box would have loaded with the payload view; give it the time to.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(screen.queryByTestId('key-input')).toBeNull();
    expect(screen.queryByTestId('verify-status')).toBeNull();
  });

  it('says a verdict once it holds, not once per keystroke of the key', async () => {
    workspace.token = await hs256({ sub: 'ada' }, 'the-right-secret');
    renderDecoder();
    await screen.findByTestId('key-input');
    const region = screen.getByTestId('verdict-announcement');
    expect(region.getAttribute('aria-live')).toBe('polite');
    // The visible verdict is not live itself: it would be read on every keystroke.
    expect(status().closest('[aria-live]')).toBeNull();
    const said: string[] = [];
    const observer = new MutationObserver(() => said.push(region.textContent!.trim()));
    observer.observe(region, { childList: true, characterData: true, subtree: true });
    // Typed a character at a time: each makes another wrong secret, with another reason.
    for (const length of [3, 6, 9, 12])
      await typeKey('the-wrong-secret'.slice(0, length)).then(() => new Promise((r) => setTimeout(r, 80)));
    await settled('invalid-signature');
    await waitFor(() => expect(said.filter(Boolean)).toHaveLength(1), { timeout: 3000 });
    expect(said.filter(Boolean)[0]).toMatch(/^Invalid signature\. The signature does not match/);
    await typeKey('the-right-secret');
    await waitFor(() => expect(said.filter(Boolean)).toHaveLength(2), { timeout: 3000 });
    expect(said.filter(Boolean)[1]).toMatch(/^Valid\. Signature verified/);
    observer.disconnect();
  });
});

describe("the verify box's words and colours are the Verifier's", () => {
  const statuses = [
    'valid',
    'decrypted',
    'invalid-signature',
    'expired',
    'not-yet-valid',
    'claim-mismatch',
    'key-mismatch',
    'unsupported',
    'malformed',
  ] as const;
  const results = [
    ...statuses.map((status) => ({ status, reason: `because ${status}` })),
    {
      status: 'key-mismatch' as const,
      reason: 'HS256 is not allowed',
      cause: 'algorithm-not-allowed' as const,
    },
  ];

  it.each(
    results.map((result) => [`${result.status}${'cause' in result ? ` (${result.cause})` : ''}`, result]),
  )('%s', (_, result) => {
    const props = { result, checking: false, idleText: '' };
    const full = render(VerdictView, { ...props, testid: 'full' });
    const fullBox = screen.getByTestId('full');
    const fullTitle = fullBox.querySelector('.title')!;
    const fullWords = [...fullTitle.childNodes]
      .filter((node) => node.nodeType === Node.TEXT_NODE)
      .map((node) => node.textContent)
      .join('')
      .trim();
    const fullMark = fullTitle.querySelector('.mark')!.textContent;
    const fullTone = [...fullBox.classList].find((name) => name.startsWith('tone-'));
    full.unmount();

    render(VerdictSummary, { ...props, testid: 'summary' });
    const summary = screen.getByTestId('summary');
    expect(summary.querySelector('.title')!.textContent).toBe(fullWords);
    expect(summary.querySelector('.mark')!.textContent).toBe(fullMark);
    expect([...summary.classList].find((name) => name.startsWith('tone-'))).toBe(fullTone);
    expect(summary.textContent).toContain(result.reason);
  });
});

describe('a pasted token response', () => {
  const part = (value: object) => text(JSON.stringify(value));
  /** at_hash by @noble/hashes, not WebCrypto: the left half of SHA-256, base64url. */
  const atHash = (accessToken: string) => b64url(sha256(new TextEncoder().encode(accessToken)).slice(0, 16));
  const accessToken = `${part({ alg: 'RS256', typ: 'at+jwt' })}.${part({ sub: 'ada', scope: 'read' })}.c2ln`;
  const idTokenFor = (claims: object) =>
    `${part({ alg: 'RS256', kid: 'k1' })}.${part({ sub: 'ada', ...claims })}.c2ln`;
  const paste = async (value: string) =>
    fireEvent.input(screen.getByTestId('token-input'), { target: { value } });

  it("checks the ID token's at_hash, and switches between the tokens", async () => {
    const idToken = idTokenFor({ at_hash: atHash(accessToken), nonce: 'n-1' });
    renderDecoder();
    await paste(JSON.stringify({ access_token: accessToken, token_type: 'Bearer', id_token: idToken }));
    expect((await screen.findByTestId('payload-json')).textContent).toContain('"scope": "read"');
    const check = await screen.findByTestId('at-hash');
    expect(check.dataset.outcome).toBe('match');
    expect(check.textContent).toContain('matches this access_token (SHA-256');
    expect(screen.getByTestId('token-response').textContent).toContain('Showing the access_token');

    await fireEvent.click(screen.getByRole('button', { name: 'Show the id_token' }));
    expect(workspace.token).toBe(idToken);
    await waitFor(() => expect(screen.getByTestId('payload-json').textContent).toContain('"nonce": "n-1"'));
    expect(screen.getByTestId('token-response').textContent).toContain('Showing the id_token');
    // The pressed button went with the access token it named: focus is on the way back.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Show the access_token' }));
    expect((await screen.findByTestId('at-hash')).dataset.outcome).toBe('match');

    await fireEvent.click(screen.getByRole('button', { name: 'Show the access_token' }));
    expect(workspace.token).toBe(accessToken);
    await waitFor(() => expect(screen.getByTestId('payload-json').textContent).toContain('"scope": "read"'));

    // Another token in the box: the response is let go.
    await paste(await hs256({ sub: 'someone-else' }, 'k'));
    await waitFor(() => expect(screen.getByTestId('payload-json').textContent).toContain('someone-else'));
    expect(screen.queryByTestId('token-response')).toBeNull();
  });

  it('says when the at_hash does not match, with both values; a missing one is a quiet note', async () => {
    const claimed = atHash('the-access-token-issued-with-it');
    renderDecoder();
    await paste(JSON.stringify({ access_token: accessToken, id_token: idTokenFor({ at_hash: claimed }) }));
    const check = await screen.findByTestId('at-hash');
    await waitFor(() => expect(check.dataset.outcome).toBe('mismatch'));
    expect(check.textContent).toContain(`it says "${claimed}"`);
    expect(check.textContent).toContain(`hashes to "${atHash(accessToken)}"`);

    await paste(JSON.stringify({ access_token: accessToken, id_token: idTokenFor({}) }));
    await waitFor(() => expect(screen.getByTestId('at-hash').dataset.outcome).toBe('missing'));
    expect(screen.getByTestId('at-hash').textContent).toContain('has no at_hash');
  });

  it("OpenID Connect Core's own response (Appendix A.3): an opaque access token, its at_hash matched", async () => {
    const { accessToken: opaque, idToken } = examples.appendixA3;
    renderDecoder();
    await paste(JSON.stringify({ access_token: opaque, token_type: 'Bearer', id_token: idToken }, null, 2));
    // The opaque access token cannot be shown: the ID token is, and nothing to switch to.
    expect((await screen.findByTestId('payload-json')).textContent).toContain('77QmUPtjPfzWtF2AnpK9RQ');
    expect((await screen.findByTestId('at-hash')).dataset.outcome).toBe('match');
    expect(screen.queryByRole('button', { name: /^Show the / })).toBeNull();
  });
});
