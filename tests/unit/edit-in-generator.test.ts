import { describe, expect, it } from 'vitest';
import { editableText, openInGenerator } from '../../src/features/decoder/edit-in-generator';
import { workbench } from '../../src/state/workbench.svelte';

const part = (text: string) => Buffer.from(text).toString('base64url');

describe('a token opened in the Generator', () => {
  it('shows clean JSON pretty-printed', () => {
    expect(editableText(part('{"sub":"ada","n":[1,2]}'))).toBe(
      '{\n  "sub": "ada",\n  "n": [\n    1,\n    2\n  ]\n}',
    );
  });

  it('keeps the text as the token has it when a round trip would change it', () => {
    // A duplicate name (JSON.parse keeps the last) and an integer past 2^53 (rounded to
    // 12345678901234567000): pretty-printing would quietly edit the claims.
    for (const text of ['{"a":1,"a":2}', '{"n":12345678901234567890}', '{"f":1e400}'])
      expect(editableText(part(text))).toBe(text);
    // A payload that is not JSON is shown as its text; a part that is not base64url as it is.
    expect(editableText(part('plain text payload'))).toBe('plain text payload');
    expect(editableText('not*base64url')).toBe('not*base64url');
  });

  it('puts header and payload in the Generator’s editors', () => {
    openInGenerator(`${part('{"alg":"ES256","kid":"k1"}')}.${part('{"sub":"ada"}')}.c2ln`);
    expect(JSON.parse(workbench.header)).toEqual({ alg: 'ES256', kid: 'k1' });
    expect(JSON.parse(workbench.payload)).toEqual({ sub: 'ada' });
  });
});
