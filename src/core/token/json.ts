/**
 * JSON parsing that a person can act on: where it breaks (line and column), and which
 * member names appear twice. JSON.parse keeps the last of duplicate names silently, and
 * RFC 7515 §4 / RFC 8725 §3.9 tell us to treat them as suspect, so we scan the text too.
 */

/** Where a value sits: member names and array positions from the top; `[]` is the top. */
export type JsonPath = (string | number)[];

/**
 * `"a"."b"[0]`: names quoted as JSON writes them, array positions in brackets; cut at `max`
 * characters, since a path thousands of levels deep must still fit in a sentence.
 */
export function formatJsonPath(path: JsonPath, max = 80): string {
  const text = path
    .slice(0, max)
    .map((step, index) =>
      typeof step === 'number' ? `[${step}]` : `${index > 0 ? '.' : ''}${quoteJson(step)}`,
    )
    .join('');
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** The characters that reorder the text around them (Unicode bidi controls). */
const bidiControls = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from a token with its bidirectional controls written as `\u202e`: a claim must not make
 * itself or its neighbours display as something else ("is_admin" spelled backwards).
 */
export function escapeBidiControls(text: string): string {
  return text.replace(bidiControls, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A string as JSON writes it, bidi controls escaped too. */
export function quoteJson(text: string): string {
  return escapeBidiControls(JSON.stringify(text));
}

export interface JsonDuplicate {
  /** The object holding the duplicate. */
  path: JsonPath;
  name: string;
}

/** A number whose value, written out again, is not the number written: readers may differ. */
export interface JsonLossyNumber {
  path: JsonPath;
  /** The number as written in the text. */
  literal: string;
  /** What JSON.parse makes of it: ±Infinity, 0, or the nearest double. */
  value: number;
}

export type JsonResult =
  | { ok: true; value: unknown; duplicates: JsonDuplicate[]; lossyNumbers: JsonLossyNumber[] }
  | { ok: false; message: string; position: number; line: number; column: number };

/** Beyond this the scanner stops descending; JSON.parse itself handles deeper input fine. */
const maxTrackedDepth = 100_000;

export function parseJson(text: string): JsonResult {
  if (text.trim() === '') return { ok: false, message: 'it is empty', position: 1, line: 1, column: 1 };
  const scan = scanJson(text);
  if (!scan.ok) return scan;
  try {
    return {
      ok: true,
      value: JSON.parse(text),
      duplicates: scan.duplicates,
      lossyNumbers: scan.lossyNumbers,
    };
  } catch (error) {
    // The scanner accepted it, so this is an engine limit (say, nesting depth).
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `the JSON engine refused it: ${message}`, position: 1, line: 1, column: 1 };
  }
}

type Frame =
  | { kind: 'object'; names: Set<string>; expectingName: boolean; current: string }
  | { kind: 'array'; index: number };

/** A single-pass, non-recursive validator (10,000 nested arrays must not overflow the stack). */
function scanJson(
  text: string,
):
  | { ok: true; duplicates: JsonDuplicate[]; lossyNumbers: JsonLossyNumber[] }
  | Extract<JsonResult, { ok: false }> {
  const duplicates: JsonDuplicate[] = [];
  const lossyNumbers: JsonLossyNumber[] = [];
  const stack: Frame[] = [];
  let i = 0;
  const n = text.length;

  const fail = (message: string, at = i) => {
    const before = text.slice(0, at);
    const line = before.split('\n').length;
    const column = at - before.lastIndexOf('\n');
    return {
      ok: false as const,
      message: `${message} at line ${line}, column ${column}`,
      position: at + 1,
      line,
      column,
    };
  };
  const skipSpace = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else break;
    }
  };
  const found = () => (i >= n ? 'the text ends' : `found ${JSON.stringify(text[i])}`);

  const readString = (): string | null => {
    // i is at the opening quote
    const start = i++;
    let simple = true;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        const raw = text.slice(start, i);
        return simple ? raw.slice(1, -1) : (JSON.parse(raw) as string);
      }
      if (c === 0x5c) {
        simple = false;
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return null;
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else return null;
        continue;
      }
      if (c < 0x20) return null;
      i++;
    }
    return null;
  };

  const numberPattern = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

  const readValue = (): ReturnType<typeof fail> | null => {
    skipSpace();
    const c = text[i];
    if (c === '{' || c === '[') {
      if (stack.length >= maxTrackedDepth) return fail('nested too deeply');
      stack.push(
        c === '{'
          ? { kind: 'object', names: new Set(), expectingName: true, current: '' }
          : { kind: 'array', index: 0 },
      );
      i++;
      return null;
    }
    if (c === '"') {
      const at = i;
      if (readString() === null)
        return fail('a string is not closed or holds an invalid escape or control character', at);
      return null;
    }
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, i)) {
        i += literal.length;
        return null;
      }
    }
    numberPattern.lastIndex = i;
    if (numberPattern.test(text)) {
      const literal = text.slice(i, numberPattern.lastIndex);
      i = numberPattern.lastIndex;
      const value = Number(literal);
      if (!Number.isFinite(value) || canonicalDecimal(literal) !== canonicalDecimal(JSON.stringify(value))) {
        lossyNumbers.push({ path: pathInto(stack.length), literal, value });
      }
      return null;
    }
    return fail(`expected a value, ${found()}`);
  };

  const error = readValue();
  if (error) return error;
  while (stack.length > 0) {
    skipSpace();
    const frame = stack[stack.length - 1]!;
    if (frame.kind === 'object') {
      if (frame.expectingName) {
        if (text[i] === '}' && frame.names.size === 0) {
          i++;
          stack.pop();
          continue;
        }
        if (text[i] !== '"') return fail(`expected a member name in double quotes, ${found()}`);
        const at = i;
        const name = readString();
        if (name === null) return fail('a member name is not a valid string', at);
        if (frame.names.has(name)) duplicates.push({ path: pathInto(stack.length - 1), name });
        frame.names.add(name);
        frame.current = name;
        skipSpace();
        if (text[i] !== ':') return fail(`expected ":" after the member name, ${found()}`);
        i++;
        frame.expectingName = false;
        const e = readValue();
        if (e) return e;
        continue;
      }
      if (text[i] === ',') {
        i++;
        frame.expectingName = true;
        skipSpace();
        if (text[i] !== '"') return fail(`expected a member name after ",", ${found()}`);
        continue;
      }
      if (text[i] === '}') {
        i++;
        stack.pop();
        continue;
      }
      return fail(`expected "," or "}" in an object, ${found()}`);
    }
    // array
    if (text[i] === ']') {
      i++;
      stack.pop();
      continue;
    }
    if (frame.index > 0) {
      if (text[i] !== ',') return fail(`expected "," or "]" in an array, ${found()}`);
      i++;
    }
    frame.index++;
    const e = readValue();
    if (e) return e;
  }
  skipSpace();
  if (i < n) return fail(`unexpected text after the JSON value, ${found()}`);
  return { ok: true, duplicates, lossyNumbers };

  /** The path to the value the first `depth` open containers lead to; built only when asked. */
  function pathInto(depth: number): JsonPath {
    return stack.slice(0, depth).map((frame) => (frame.kind === 'array' ? frame.index - 1 : frame.current));
  }
}

/**
 * A decimal number as sign, significant digits and exponent, so that `1.50e2` and `150`
 * compare equal: a number is lossy when this differs from that of the value written out again.
 * Beyond ±1.8e308 that is null, a tiny number becomes 0, an integer past 2^53 is rounded, and
 * more than about 17 significant digits are cut.
 */
function canonicalDecimal(literal: string): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(literal);
  if (!match) return literal;
  const [, sign, whole, fraction = '', exponent = '0'] = match;
  const digits = (whole! + fraction).replace(/^0+/, '');
  if (digits === '') return '0';
  const significant = digits.replace(/0+$/, '');
  return `${sign}${significant}e${Number(exponent) - fraction.length + digits.length - significant.length}`;
}
