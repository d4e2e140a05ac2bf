import { decodeBase64url, parseJson } from '../../core';
import { decodeUtf8 } from '../../core/token/utf8';
import { workbench } from '../../state/workbench.svelte';

/**
 * The text of a compact token's part as the Generator's editor should show it: pretty-printed
 * when that changes nothing but white space, else exactly as the token has it. A payload with a
 * duplicate name or a number JavaScript cannot hold would be changed by a round trip through
 * JSON.parse, and the person came to edit their token, not a rewritten one.
 */
export function editableText(part: string): string {
  const bytes = decodeBase64url(part);
  if (!bytes.ok) return part;
  const text = decodeUtf8(bytes.bytes);
  if (!text.ok) return part;
  const json = parseJson(text.text);
  if (!json.ok || json.duplicates.length > 0 || json.lossyNumbers.length > 0) return text.text;
  return JSON.stringify(json.value, null, 2);
}

/** Puts a signed token's header and payload in the Generator, to change and sign again. */
export function openInGenerator(compactToken: string) {
  const [header = '', payload = ''] = compactToken.split('.');
  workbench.header = editableText(header);
  workbench.payload = editableText(payload);
}
