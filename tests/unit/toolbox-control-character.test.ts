/**
 * The Toolbox's base64 decoder names a control character by its code point, written as the rest of
 * the app writes one (codePointLabel: "U+" and at least four upper-case hex digits), not quoted:
 * a quoted NUL or escape shows nothing, or garbles the line it is printed on.
 */
import { describe, expect, it } from 'vitest';
import { decodeBase64 } from '../../src/core/toolbox/base64';

describe('base64: a control character is named by its code point', () => {
  it.each([
    ['\u0000', 'U+0000'],
    ['\u001b', 'U+001B'],
    ['\u007f', 'U+007F'],
  ])('%j at position 5', (control, label) => {
    expect(decodeBase64(`Zm9v${control}YmFy`)).toEqual({
      ok: false,
      message: `control character ${label} at position 5 is not a base64 character`,
      position: 5,
    });
  });
});
