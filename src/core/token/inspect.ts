import { runSyncRules } from '../audit/rules';
import { decodeBase64url } from './base64url';
import { escapeBidiControls, formatJsonPath, parseJson, type JsonLossyNumber } from './json';
import { normalizeTokenInput } from './normalize';
import type { DecodedToken, Inspection, InspectionError, PartName, TokenFormat, TokenPart } from './types';
import { decodeUtf8 } from './utf8';

const partLabels: Record<PartName, string> = {
  header: 'the header',
  payload: 'the payload',
  signature: 'the signature',
  encrypted_key: 'the encrypted key',
  iv: 'the initialization vector',
  ciphertext: 'the ciphertext',
  tag: 'the authentication tag',
  aad: 'the additional authenticated data',
  json: 'the JSON',
};

const compactShapes: Record<number, { format: TokenFormat; names: PartName[] }> = {
  3: { format: 'jws-compact', names: ['header', 'payload', 'signature'] },
  5: { format: 'jwe-compact', names: ['header', 'encrypted_key', 'iv', 'ciphertext', 'tag'] },
};

/** What is shown is what JavaScript reads; a verifier in another language may read the text. */
function lossyNumberNote(part: string, { path, literal, value }: JsonLossyNumber): string {
  const where = path.length ? `${formatJsonPath(path)} in ${part}` : part;
  const shown = Number.isFinite(value)
    ? `it is read (and shown) as ${String(value)}`
    : `it is read as ${String(value)} and shown as null`;
  return `The number ${literal} at ${where} is beyond what a JavaScript number holds exactly: ${shown}. A server in another language may read it differently.`;
}

class DecodeFailure extends Error {
  constructor(readonly detail: InspectionError) {
    super(detail.message);
  }
}

/** Collects what decodes while it walks a token, so a failure can still show the rest. */
class Walk {
  header?: Record<string, unknown>;
  payload?: unknown;
  format?: TokenFormat;
  readonly parts: TokenPart[] = [];
  readonly duplicates: DecodedToken['duplicates'] = [];
  readonly noncanonical: DecodedToken['noncanonical'] = [];

  constructor(
    readonly token: string,
    readonly notes: string[],
  ) {}

  /** Base64url-decodes one part; records its size or its damage. */
  bytesOf(name: PartName, text: string, index: number): Uint8Array {
    const decoded = decodeBase64url(text);
    if (!decoded.ok) {
      this.parts.push({
        name,
        text,
        bytes: 0,
        error: decoded.message,
        ...(decoded.position ? { errorPosition: decoded.position } : {}),
      });
      throw new DecodeFailure({
        code: 'base64url',
        message: `Part ${index} (${partLabels[name]}) is not valid base64url: ${decoded.message}.`,
        part: index,
        position: decoded.position,
      });
    }
    for (const reason of decoded.noncanonical) this.noncanonical.push({ part: name, reason });
    this.parts.push({ name, text, bytes: decoded.bytes.length });
    return decoded.bytes;
  }

  textOf(name: PartName, bytes: Uint8Array, index: number): string {
    const text = decodeUtf8(bytes);
    if (!text.ok) {
      this.markDamaged(name, text.message);
      throw new DecodeFailure({
        code: 'utf8',
        message: `Part ${index} (${partLabels[name]}) decodes to bytes that are not UTF-8 text: ${text.message}.`,
        part: index,
        position: text.position,
      });
    }
    return text.text;
  }

  jsonOf(name: PartName, text: string, index: number): unknown {
    const parsed = parseJson(text);
    if (!parsed.ok) {
      this.markDamaged(name, parsed.message);
      throw new DecodeFailure({
        code: 'json',
        message: `Part ${index} (${partLabels[name]}) is not valid JSON: ${parsed.message}.`,
        part: index,
        position: parsed.position,
      });
    }
    for (const d of parsed.duplicates) this.duplicates.push({ part: name, ...d });
    for (const lossy of parsed.lossyNumbers) this.notes.push(lossyNumberNote(partLabels[name], lossy));
    if (escapeBidiControls(text) !== text)
      this.notes.push(
        `The ${name} holds bidirectional control characters (like U+202E), which make text display in another order than it is written: they are shown escaped, as \\u202e.`,
      );
    return parsed.value;
  }

  objectOf(name: PartName, text: string, index: number): Record<string, unknown> {
    const value = this.jsonOf(name, text, index);
    if (!isObject(value)) {
      this.markDamaged(name, 'not a JSON object');
      throw new DecodeFailure({
        code: 'not-an-object',
        message: `Part ${index} (${partLabels[name]}) is JSON, but ${describeJsonType(value)} instead of an object.`,
        part: index,
      });
    }
    return value;
  }

  /** A JOSE header part: base64url, then UTF-8, then a JSON object. */
  headerOf(text: string, index: number): Record<string, unknown> {
    const header = this.objectOf(
      'header',
      this.textOf('header', this.bytesOf('header', text, index), index),
      index,
    );
    this.header = header;
    return header;
  }

  /** A JWS payload: JSON when it looks like JSON, text otherwise (RFC 7515 allows any bytes). */
  payloadOf(text: string, index: number, encoded: boolean): unknown {
    if (!encoded) {
      // RFC 7797: with "b64": false the payload stands in the token as it is.
      this.parts.push({ name: 'payload', text, bytes: new TextEncoder().encode(text).length });
      return (this.payload = text);
    }
    const decoded = this.textOf('payload', this.bytesOf('payload', text, index), index);
    const trimmed = decoded.trimStart();
    this.payload = decoded;
    if (trimmed.startsWith('{') || trimmed.startsWith('['))
      this.payload = this.jsonOf('payload', decoded, index);
    return this.payload;
  }

  private markDamaged(name: PartName, error: string) {
    const part = this.parts.findLast((p) => p.name === name);
    if (part) part.error = error;
  }

  result(): DecodedToken {
    return {
      format: this.format!,
      token: this.token,
      header: this.header ?? {},
      payload: this.payload,
      parts: this.parts,
      duplicates: this.duplicates,
      noncanonical: this.noncanonical,
      notes: this.notes,
    };
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeJsonType(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'string') return 'a string';
  return `a ${typeof value}`;
}

const detachedNote =
  'The payload is not in the token: its content travels apart from it (detached content, RFC 7515 appendix F), or is empty. The Verifier checks the signature against content you paste.';

function walkCompact(walk: Walk): void {
  const pieces = walk.token.split('.');
  const shape = compactShapes[pieces.length];
  if (!shape) {
    // Still show the header when the first part is one: the most common damage is a lost tail.
    try {
      if (pieces[0]) walk.headerOf(pieces[0], 1);
    } catch {
      // the part-count error below is the one worth reporting
    }
    const dots = pieces.length - 1;
    throw new DecodeFailure({
      code: 'part-count',
      message:
        `A compact token has 3 parts (a signed JWS) or 5 parts (an encrypted JWE) separated by dots; ` +
        `this one has ${pieces.length} (${dots} dot${dots === 1 ? '' : 's'})` +
        (pieces.length === 2 ? ': the signature part seems to be missing.' : '.'),
    });
  }
  walk.format = shape.format;
  // Every part is decoded, damaged or not, so all of them show; the first damage is reported.
  const failures: DecodeFailure[] = [];
  const attempt = <T>(step: () => T): T | undefined => {
    try {
      return step();
    } catch (error) {
      if (!(error instanceof DecodeFailure)) throw error;
      failures.push(error);
      return undefined;
    }
  };
  const header = attempt(() => walk.headerOf(pieces[0]!, 1));
  if (shape.format === 'jws-compact') {
    if (pieces[1] === '') walk.notes.push(detachedNote);
    attempt(() => walk.payloadOf(pieces[1]!, 2, header?.b64 !== false));
    attempt(() => walk.bytesOf('signature', pieces[2]!, 3));
  } else {
    shape.names
      .slice(1)
      .forEach((name, offset) => attempt(() => walk.bytesOf(name, pieces[offset + 1]!, offset + 2)));
  }
  if (failures[0]) throw failures[0];
}

/**
 * JSON serialization merges headers from "protected" and from plain members; only the first
 * are covered (RFC 7515 §7.2.1, RFC 7516 §7.2.1), which the merged header no longer shows.
 */
function noteUnprotected(
  walk: Walk,
  merged: Record<string, unknown>,
  covered: Record<string, unknown>,
  meaning: string,
): void {
  const names = Object.keys(merged).filter((name) => !(name in covered));
  if (names.length)
    walk.notes.push(`Outside the protected header, so ${meaning}: ${names.map((n) => `"${n}"`).join(', ')}.`);
}

/** `RS256, kid "a"`: what tells one signature or recipient from another. */
function summary(header: Record<string, unknown>): string {
  const alg = typeof header.alg === 'string' ? header.alg : 'no alg';
  return typeof header.kid === 'string' ? `${alg}, kid "${header.kid}"` : alg;
}

/** The other signatures are summarised from what decodes; only the first is checked in full. */
function signatureSummary(entry: unknown): string {
  if (!isObject(entry)) return 'not an object';
  const bytes = typeof entry.protected === 'string' ? decodeBase64url(entry.protected) : undefined;
  const text = bytes?.ok ? decodeUtf8(bytes.bytes) : undefined;
  const parsed = text?.ok ? parseJson(text.text) : undefined;
  const covered = parsed?.ok && isObject(parsed.value) ? parsed.value : {};
  return summary({ ...(isObject(entry.header) ? entry.header : {}), ...covered });
}

function walkJsonSerialization(walk: Walk): void {
  const parsed = parseJson(walk.token);
  if (!parsed.ok) {
    throw new DecodeFailure({
      code: 'json-serialization',
      message: `The token looks like JSON serialization but ${parsed.message}.`,
      position: parsed.position,
    });
  }
  const json = parsed.value;
  if (!isObject(json)) {
    throw new DecodeFailure({
      code: 'json-serialization',
      message: `JSON serialization must be an object; this is ${describeJsonType(json)}.`,
    });
  }
  const stringField = (value: unknown, field: string): string | undefined => {
    if (value === undefined) return undefined;
    if (typeof value !== 'string')
      throw new DecodeFailure({
        code: 'json-serialization',
        message: `The "${field}" member must be a base64url string.`,
      });
    return value;
  };
  const protectedHeader = (value: unknown, field: string) => {
    const text = stringField(value, field);
    return text ? walk.headerOf(text, 1) : {};
  };

  if ('ciphertext' in json) {
    walk.format = 'jwe-json';
    const recipients = Array.isArray(json.recipients) ? json.recipients : [json];
    const first: Record<string, unknown> = isObject(recipients[0]) ? recipients[0] : {};
    const covered = protectedHeader(json.protected, 'protected');
    const shared = isObject(json.unprotected) ? json.unprotected : {};
    const header = {
      ...shared,
      ...(isObject(first.header) ? first.header : {}),
      ...covered,
    };
    walk.header = header;
    noteUnprotected(walk, header, covered, 'not integrity-protected by the encryption');
    const encryptedKey = stringField(first.encrypted_key, 'encrypted_key');
    if (encryptedKey !== undefined) walk.bytesOf('encrypted_key', encryptedKey, 2);
    (['iv', 'ciphertext', 'tag', 'aad'] as const).forEach((name, offset) => {
      const text = stringField(json[name], name);
      if (text !== undefined) walk.bytesOf(name, text, offset + 3);
    });
    if (recipients.length > 1)
      walk.notes.push(
        `It has ${recipients.length} recipients (${recipients.map((r) => summary({ ...shared, ...(isObject(r) && isObject(r.header) ? r.header : {}), ...covered })).join('; ')}); the first one's header is shown.`,
      );
    return;
  }
  // A JWS's content may travel apart from it (RFC 7515 appendix F): no "payload" member then.
  if ('payload' in json || 'signature' in json || 'signatures' in json) {
    walk.format = 'jws-json';
    const signatures = Array.isArray(json.signatures) ? json.signatures : [json];
    const first: Record<string, unknown> = isObject(signatures[0]) ? signatures[0] : {};
    const covered = protectedHeader(first.protected, 'protected');
    const header = { ...(isObject(first.header) ? first.header : {}), ...covered };
    walk.header = header;
    noteUnprotected(walk, header, covered, 'not covered by the signature');
    const payload = stringField(json.payload, 'payload');
    if (payload === undefined) walk.notes.push(detachedNote);
    else walk.payloadOf(payload, 2, header.b64 !== false);
    const signature = stringField(first.signature, 'signature');
    if (signature === undefined)
      throw new DecodeFailure({
        code: 'json-serialization',
        message: 'The JWS JSON has no "signature" member.',
      });
    walk.bytesOf('signature', signature, 3);
    if (signatures.length > 1)
      walk.notes.push(
        `It has ${signatures.length} signatures (${signatures.map(signatureSummary).join('; ')}); the first one's header is shown.`,
      );
    return;
  }
  throw new DecodeFailure({
    code: 'json-serialization',
    message:
      'This JSON is neither a JWS (no "payload" or "signature" member) nor a JWE (no "ciphertext" member).',
  });
}

/**
 * Decodes any JWS or JWE, compact or JSON serialization. Never throws: a damaged token
 * comes back with everything that did decode and a precise error for what did not.
 */
export function inspect(input: string, options: { now?: number } = {}): Inspection {
  const now = options.now ?? Date.now();
  let walk: Walk | undefined;
  try {
    const { token, notes } = normalizeTokenInput(String(input ?? ''));
    walk = new Walk(token, notes);
    if (token === '') throw new DecodeFailure({ code: 'empty', message: 'Paste a token to decode it.' });
    if (token.startsWith('{')) walkJsonSerialization(walk);
    else walkCompact(walk);
    const decoded = walk.result();
    return { ok: true, ...decoded, findings: runSyncRules(decoded, { now }) };
  } catch (error) {
    const detail: InspectionError =
      error instanceof DecodeFailure
        ? error.detail
        : {
            code: 'unexpected',
            message: `The token could not be decoded: ${error instanceof Error ? error.message : String(error)}.`,
          };
    return {
      ok: false,
      error: detail,
      findings: [],
      format: walk?.format,
      header: walk?.header,
      payload: walk?.payload,
      parts: walk?.parts ?? [],
      notes: walk?.notes ?? [],
    };
  }
}
