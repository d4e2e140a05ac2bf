/**
 * Pretty-prints a parsed JSON value. JSON.stringify recurses, and a decoded token can be
 * nested thousands of levels deep (an attacker's favourite), so when it overflows the stack
 * the same text is produced by a loop with an explicit stack instead.
 */
import { escapeBidiControls } from '../core/token/json';

export function prettyJson(value: unknown, indent = 2): string {
  let text: string;
  try {
    text = JSON.stringify(value, null, indent) ?? String(value);
  } catch (error) {
    if (!(error instanceof RangeError)) return `(This value cannot be shown: ${String(error)}.)`;
    text = prettyJsonIteratively(value, indent);
  }
  // Inside JSON strings a bidi control may stand escaped: the same JSON, shown as it really is.
  return escapeBidiControls(text);
}

/** Past this depth lines are no longer indented further: 10,000 levels would make gigabytes of spaces. */
const maxIndentDepth = 64;

interface Frame {
  entries: [key: string | null, value: unknown][];
  index: number;
  close: string;
  depth: number;
}

export function prettyJsonIteratively(value: unknown, indent = 2): string {
  const out: string[] = [];
  const newline = (depth: number) =>
    indent ? `\n${' '.repeat(indent * Math.min(depth, maxIndentDepth))}` : '';
  const open = (item: unknown, depth: number): Frame | null => {
    if (Array.isArray(item)) {
      if (item.length === 0) return (out.push('[]'), null);
      out.push('[');
      return { entries: item.map((element) => [null, element]), index: 0, close: ']', depth };
    }
    if (typeof item === 'object' && item !== null) {
      const entries = Object.entries(item);
      if (entries.length === 0) return (out.push('{}'), null);
      out.push('{');
      return { entries, index: 0, close: '}', depth };
    }
    out.push(JSON.stringify(item) ?? 'null');
    return null;
  };

  const stack: Frame[] = [];
  const root = open(value, 1);
  if (root) stack.push(root);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.index === frame.entries.length) {
      out.push(newline(frame.depth - 1) + frame.close);
      stack.pop();
      continue;
    }
    const [key, item] = frame.entries[frame.index++]!;
    const name = key === null ? '' : `${JSON.stringify(key)}:${indent ? ' ' : ''}`;
    out.push(`${frame.index > 1 ? ',' : ''}${newline(frame.depth)}${name}`);
    const child = open(item, frame.depth + 1);
    if (child) stack.push(child);
  }
  return out.join('');
}
