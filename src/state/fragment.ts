/**
 * The URL fragment as `key=value&…` pairs: how `#token=`, `#tool=` and the widget's options are
 * written and read. Percent-encoding only, unlike `URLSearchParams`, which reads `+` as a space:
 * a hand-made link to a token in standard base64 (`…ab+c/d`) must reach the decoder unchanged.
 */

export type Fragment = Record<string, string | undefined>;

export function parseFragment(hash: string): Fragment {
  const state: Fragment = {};
  for (const pair of hash.replace(/^#/, '').split('&')) {
    if (!pair) continue;
    const equals = pair.indexOf('=');
    const key = decode(equals === -1 ? pair : pair.slice(0, equals));
    state[key] = equals === -1 ? '' : decode(pair.slice(equals + 1));
  }
  return state;
}

/** Empty and undefined values are left out. Dots stay readable, as tokens are full of them. */
export function formatFragment(state: Fragment): string {
  return Object.entries(state)
    .filter((entry): entry is [string, string] => Boolean(entry[1]))
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&');
}

/** A stray `%` (a link cut short, a hand edit) keeps the text as written rather than failing. */
function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
