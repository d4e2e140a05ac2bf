/**
 * JSON parsing that a person can act on: where it breaks (line and column), and which
 * member names appear twice. JSON.parse keeps the last of duplicate names silently, and
 * RFC 7515 §4 / RFC 8725 §3.9 tell us to treat them as suspect, so we scan the text too.
 */

export interface JsonDuplicate {
  /** Path of the object holding the duplicate, like `$.address`. */
  path: string;
  name: string;
}

/** A number whose text no JavaScript number holds exactly: what a reader here sees differs. */
export interface JsonLossyNumber {
  /** Path of the value, like `$.exp`. */
  path: string;
  /** The number as written in the text. */
  literal: string;
  /** What JSON.parse makes of it: Infinity, 0, or the nearest double. */
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
  | { kind: 'object'; names: Set<string>; path: string; expectingName: boolean; current: string }
  | { kind: 'array'; path: string; index: number };

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
      const parent = stack[stack.length - 1];
      const path = parent ? childPath(parent) : '$';
      stack.push(
        c === '{'
          ? { kind: 'object', names: new Set(), path, expectingName: true, current: '' }
          : { kind: 'array', path, index: 0 },
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
      if (losesPrecision(literal, value)) {
        const parent = stack[stack.length - 1];
        lossyNumbers.push({ path: parent ? childPath(parent) : '$', literal, value });
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
        if (frame.names.has(name)) duplicates.push({ path: frame.path, name });
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

  function childPath(parent: Frame): string {
    return parent.kind === 'array'
      ? `${parent.path}[${parent.index - 1}]`
      : `${parent.path}.${parent.current}`;
  }
}

/**
 * Beyond ±1.8e308 a number becomes Infinity (and `null` when written out again), a tiny one
 * becomes 0, and an integer past 2^53 is rounded. Decimal fractions like 0.1 are not counted:
 * every JSON reader rounds them alike.
 */
function losesPrecision(literal: string, value: number): boolean {
  if (!Number.isFinite(value)) return true;
  if (value === 0) return /[1-9]/.test(literal.replace(/[eE].*$/, ''));
  return /^-?\d+$/.test(literal) && !Number.isSafeInteger(value) && BigInt(literal) !== BigInt(value);
}
