/** What people paste is rarely a bare token: an Authorization header, quotes, line breaks. */

export interface NormalizedInput {
  token: string;
  notes: string[];
}

const headerPrefix = /^authorization\s*:\s*/i;
const bearerPrefix = /^bearer\s+/i;

export function normalizeTokenInput(input: string): NormalizedInput {
  const notes: string[] = [];
  let token = input.trim();
  if (headerPrefix.test(token)) {
    token = token.replace(headerPrefix, '');
    notes.push('An "Authorization:" header name was dropped.');
  }
  if (bearerPrefix.test(token)) {
    token = token.replace(bearerPrefix, '');
    notes.push('A leading "Bearer " was dropped.');
  }
  const quoted = /^(["'`])([\s\S]*)\1$/.exec(token);
  if (quoted) {
    token = quoted[2]!.trim();
    notes.push('Surrounding quotes were dropped.');
  }
  if (!token.startsWith('{') && /\s/.test(token)) {
    token = token.replace(/\s+/g, '');
    notes.push('White space inside the token (line breaks from copying) was removed.');
  }
  return { token, notes };
}
