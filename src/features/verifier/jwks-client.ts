/**
 * The main page's side of the JWKS fetch helper (public/jwks-fetch.html). The page's own CSP
 * keeps connect-src 'self'; the helper frame, with a policy of its own, fetches the one URL
 * the person confirmed and posts the JSON back. Nothing but the URL crosses over.
 */
import { reportNetworkRequest } from '../../state/network.svelte';

export type FetchResult = { ok: true; json: unknown } | { ok: false; error: string };

let frame: Promise<HTMLIFrameElement> | undefined;
let nextId = 1;

function helperFrame(): Promise<HTMLIFrameElement> {
  frame ??= new Promise((resolve, reject) => {
    const iframe = document.createElement('iframe');
    iframe.src = `${import.meta.env.BASE_URL}jwks-fetch.html`;
    iframe.title = 'JWKS fetch helper';
    iframe.hidden = true;
    iframe.setAttribute('aria-hidden', 'true');
    iframe.tabIndex = -1;
    const timer = setTimeout(() => reject(new Error('The fetch helper did not start.')), 10_000);
    const onReady = (event: MessageEvent) => {
      if (event.origin !== location.origin || event.source !== iframe.contentWindow) return;
      if ((event.data as { type?: string })?.type !== 'tokenscope:jwks-ready') return;
      clearTimeout(timer);
      removeEventListener('message', onReady);
      resolve(iframe);
    };
    addEventListener('message', onReady);
    document.body.append(iframe);
  });
  frame.catch(() => (frame = undefined));
  return frame;
}

/** Which URLs may be fetched: https anywhere, http only on this machine. */
export function checkFetchUrl(text: string): { ok: true; url: string } | { ok: false; error: string } {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { ok: false, error: 'Enter a full URL, starting with https://.' };
  }
  if (url.protocol === 'https:') return { ok: true, url: url.href };
  if (url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost'))
    return { ok: true, url: url.href };
  return { ok: false, error: 'Only https:// URLs are fetched (http:// only on 127.0.0.1 or localhost).' };
}

/** OpenID Connect Discovery 1.0 §4: the configuration lives under the issuer's path. */
export function discoveryUrlOf(issuer: string): string {
  return `${issuer.trim().replace(/\/+$/, '')}/.well-known/openid-configuration`;
}

/** Fetches one JSON document through the helper frame. Resolves, never rejects. */
export async function fetchJsonThroughHelper(url: string): Promise<FetchResult> {
  const checked = checkFetchUrl(url);
  if (!checked.ok) return checked;
  let iframe: HTMLIFrameElement;
  try {
    iframe = await helperFrame();
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  const id = nextId++;
  reportNetworkRequest(checked.url, 'jwks');
  return new Promise((resolve) => {
    const onResult = (event: MessageEvent) => {
      if (event.origin !== location.origin || event.source !== iframe.contentWindow) return;
      const data = event.data as { type?: string; id?: number; ok?: boolean; json?: unknown; error?: string };
      if (data?.type !== 'tokenscope:jwks-result' || data.id !== id) return;
      removeEventListener('message', onResult);
      resolve(
        data.ok ? { ok: true, json: data.json } : { ok: false, error: data.error ?? 'The fetch failed.' },
      );
    };
    addEventListener('message', onResult);
    iframe.contentWindow?.postMessage(
      { type: 'tokenscope:jwks-fetch', id, url: checked.url },
      location.origin,
    );
  });
}
