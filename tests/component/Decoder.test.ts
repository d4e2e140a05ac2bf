import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import Decoder from '../../src/features/decoder/Decoder.svelte';
import { workspace } from '../../src/state/workspace.svelte';
import detached from '../fixtures/rfc7520-jws-detached.json';

const b64url = (text: string) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(text)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const token = (header: object, payload: object) =>
  `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}.c2lnbmF0dXJl`;

async function paste(text: string) {
  const input = screen.getByTestId('token-input');
  await fireEvent.input(input, { target: { value: text } });
}

describe('Decoder', () => {
  it('decodes as the person types: header, payload and claims', async () => {
    workspace.token = '';
    render(Decoder);
    const exp = Math.floor(Date.now() / 1000) + 14 * 60 + 30;
    await paste(token({ alg: 'HS256', typ: 'JWT' }, { sub: 'ada', exp }));
    // The result views are a chunk of their own, loaded with the first token.
    expect((await screen.findByTestId('header-json')).textContent).toContain('"alg": "HS256"');
    expect((await screen.findByTestId('payload-json')).textContent).toContain('"sub": "ada"');
    const table = await screen.findByTestId('claims-table');
    expect(table.textContent).toContain('expires in 14 min');
    // The meaning stands once per layout (beside the value, or under it on a phone): one shows.
    const meanings = await screen.findAllByText('Expiration time.');
    expect(meanings.filter((element) => element.checkVisibility())).toHaveLength(1);
    expect(screen.queryByTestId('decode-error')).toBeNull();
  });

  it('shows a specific error and keeps the part that decoded', async () => {
    workspace.token = '';
    render(Decoder);
    await paste(`${b64url('{"alg":"RS256"}')}.eyJzdWIi*.c2ln`);
    const error = await screen.findByTestId('decode-error');
    expect(error.textContent).toContain('Part 2 (the payload) is not valid base64url');
    expect(error.textContent).toContain('"*"');
    expect((await screen.findByTestId('header-json')).textContent).toContain('RS256');
  });

  it('shows bidi controls in a damaged part escaped, so the text after them is not reversed', async () => {
    workspace.token = '';
    render(Decoder);
    // "abc" after U+202E (right-to-left override) would display as "cba".
    await paste(`${b64url('{"alg":"RS256"}')}.eyJz\u202eabc.c2ln`);
    const payloadPart = (await screen.findAllByRole('listitem')).find((item) =>
      item.textContent?.includes('Payload'),
    )!;
    const code = payloadPart.querySelector('code.text')!;
    expect(code.textContent).toBe('eyJz\\u202eabc');
    // The character blamed is still the one marked: the override itself.
    expect(code.querySelector('mark')?.textContent).toBe('\\u202e');
  });

  it('says how many claims the table leaves out past its 500 rows', async () => {
    workspace.token = '';
    render(Decoder);
    const payload: Record<string, unknown> = {};
    for (let i = 0; i < 700; i++) payload[`claim_${i}`] = i;
    payload.exp = Math.floor(Date.now() / 1000) + 600;
    await paste(token({ alg: 'HS256' }, payload));
    // 1 header parameter and 701 claims; shown: alg, the first 500 claims and exp.
    const note = (await screen.findByTestId('claims-left-out')).textContent!.replace(/\s+/g, ' ');
    expect(note).toContain('200 more claims are not listed');
    expect((await screen.findByTestId('claims-table')).querySelector('[data-claim="exp"]')).not.toBeNull();
  });

  it('says under the status whether the token is still good, by its exp and nbf', async () => {
    workspace.token = '';
    render(Decoder);
    const now = Math.floor(Date.now() / 1000);
    await paste(token({ alg: 'HS256' }, { exp: now + 10 * 60 + 30 }));
    expect((await screen.findByTestId('token-validity')).textContent).toBe(
      'Valid for another 10 min ("exp"), if the signature holds',
    );
    await paste(token({ alg: 'HS256' }, { exp: now - 2 * 3600 - 30 }));
    await waitFor(() =>
      expect(screen.getByTestId('token-validity').textContent).toBe('Expired 2 h ago ("exp")'),
    );
    await paste(token({ alg: 'HS256' }, { nbf: now + 5 * 60 + 30, exp: now + 3600 }));
    await waitFor(() =>
      expect(screen.getByTestId('token-validity').textContent).toBe('Not valid yet: valid in 5 min ("nbf")'),
    );
    await paste(token({ alg: 'HS256' }, { sub: 'no times' }));
    await waitFor(() => expect(screen.queryByTestId('token-validity')).toBeNull());
  });

  it('renders a script-bearing claim as inert text', async () => {
    workspace.token = '';
    render(Decoder);
    const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    await paste(token({ alg: 'HS256' }, { name: evil }));
    const payload = await screen.findByTestId('payload-json');
    expect(payload.textContent).toContain('<img src=x');
    expect(payload.querySelector('img, script')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('flags an unsigned token', async () => {
    workspace.token = '';
    render(Decoder);
    await paste(`${b64url('{"alg":"none"}')}.${b64url('{"sub":"x"}')}.`);
    const finding = (await screen.findAllByTestId('finding')).find((el) => el.dataset.rule === 'alg-none');
    expect(finding?.dataset.severity).toBe('danger');
  });

  it('says that a JWE is encrypted and points to the Verifier', async () => {
    workspace.token = '';
    render(Decoder);
    await paste(`${b64url('{"alg":"dir","enc":"A128GCM"}')}..AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA`);
    expect(await screen.findByText(/The payload is encrypted/)).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('Encrypted token (JWE, compact serialization)');
  });

  it('says when a JWS carries no payload (detached content, RFC 7520 §4.5)', async () => {
    workspace.token = '';
    render(Decoder);
    await paste(detached.compact);
    expect(await screen.findByText(/the token carries no payload/)).toBeTruthy();
    expect(
      await screen.findByText(/its content travels apart from it \(detached content, RFC 7515 appendix F\)/),
    ).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('Signed token (JWS, compact serialization)');
    expect(screen.queryByTestId('payload-json')).toBeNull();
  });

  it('lists the claims that differ from a second token', async () => {
    workspace.token = '';
    render(Decoder);
    await paste(token({ alg: 'HS256' }, { sub: 'ada', role: 'user' }));
    await fireEvent.click(screen.getByText('Compare claims with a second token'));
    const second = await screen.findByLabelText('Second token');
    await fireEvent.input(second, {
      target: { value: token({ alg: 'HS256' }, { sub: 'ada', role: 'admin', x: 1 }) },
    });
    const changes = document.querySelector('.changes')!;
    expect(changes.textContent).toMatch(/changed\s*role\s*"user"\s*→\s*"admin"/);
    expect(changes.textContent).toMatch(/added\s*x\s*1/);
  });
});
