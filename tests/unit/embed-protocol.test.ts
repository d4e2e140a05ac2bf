import { describe, expect, it } from 'vitest';
import {
  explainRefusedCommand,
  maxTokenLength,
  parentOrigin,
  parseEmbedConfig,
  readParentCommand,
} from '../../src/embed/protocol';
import { embedFragment, iframeSnippet, scriptSnippet } from '../../src/features/embed/snippet';

describe('parseEmbedConfig', () => {
  it('defaults to the decoder, following the system theme, emitting nothing', () => {
    expect(parseEmbedConfig('')).toEqual({
      tool: 'decoder',
      scenario: undefined,
      theme: 'auto',
      token: undefined,
      emitToken: false,
    });
  });

  it('reads tool, scenario, theme, token and emit from the fragment', () => {
    expect(parseEmbedConfig('#tool=simulator&scenario=hybrid&theme=dark&token=a.b.c&emit=token')).toEqual({
      tool: 'simulator',
      scenario: 'hybrid',
      theme: 'dark',
      token: 'a.b.c',
      emitToken: true,
    });
  });

  it('opens the simulator when only a scenario is given, and ignores a bad theme', () => {
    expect(parseEmbedConfig('#scenario=login&theme=purple')).toMatchObject({
      tool: 'simulator',
      scenario: 'login',
      theme: 'auto',
    });
  });

  it('emits only on an explicit emit=token', () => {
    expect(parseEmbedConfig('#emit=tokens').emitToken).toBe(false);
    expect(parseEmbedConfig('#emit=').emitToken).toBe(false);
    expect(parseEmbedConfig('#emit=theme,token').emitToken).toBe(true);
  });
});

describe('readParentCommand', () => {
  it('accepts the two documented commands', () => {
    expect(readParentCommand({ type: 'tokenscope:set-token', token: 'x.y.z' })).toEqual({
      type: 'tokenscope:set-token',
      token: 'x.y.z',
    });
    expect(readParentCommand({ type: 'tokenscope:set-theme', theme: 'light' })).toEqual({
      type: 'tokenscope:set-theme',
      theme: 'light',
    });
  });

  it.each([
    null,
    'tokenscope:set-token',
    { type: 'tokenscope:set-token' },
    { type: 'tokenscope:set-token', token: 7 },
    { type: 'tokenscope:set-token', token: 'x'.repeat(maxTokenLength + 1) },
    { type: 'tokenscope:set-theme', theme: 'sepia' },
    { type: 'tokenscope:resize', height: 10 },
    { type: 'other' },
  ])('ignores %j', (data) => {
    expect(readParentCommand(data)).toBeNull();
  });
});

describe('explainRefusedCommand', () => {
  it('says why a message meant for the widget was not taken, without quoting the token', () => {
    const huge = 'eyJ' + 'x'.repeat(5 * 1024 * 1024);
    const reason = explainRefusedCommand({ type: 'tokenscope:set-token', token: huge });
    expect(reason).toBe(
      `"tokenscope:set-token" takes a token of at most 2,097,152 characters (2 MiB); this one has 5,242,883, so the widget keeps the token it has.`,
    );
    // One character over is over: the size is given exactly, not rounded down to "2.0 MiB".
    expect(
      explainRefusedCommand({ type: 'tokenscope:set-token', token: 'x'.repeat(maxTokenLength + 1) }),
    ).toContain('this one has 2,097,153,');
    expect(explainRefusedCommand({ type: 'tokenscope:set-token', token: null })).toContain(
      'needs "token" as a string; it was null',
    );
    expect(explainRefusedCommand({ type: 'tokenscope:set-theme', theme: 'sepia' })).toContain(
      'it was "sepia"',
    );
    expect(explainRefusedCommand({ type: 'tokenscope:set-tokn' })).toContain(
      'is not a message the widget takes',
    );
  });

  it('stays quiet for commands it takes and for other scripts’ messages', () => {
    expect(explainRefusedCommand({ type: 'tokenscope:set-token', token: 'x.y.z' })).toBeUndefined();
    expect(explainRefusedCommand({ type: 'webpackOk' })).toBeUndefined();
    expect(explainRefusedCommand('tokenscope:set-token')).toBeUndefined();
    expect(explainRefusedCommand(null)).toBeUndefined();
  });
});

describe('parentOrigin', () => {
  it('prefers the ancestor origin, then the last message, then the referrer', () => {
    expect(parentOrigin(['https://docs.example'], 'https://ref.example/page', 'https://msg.example')).toBe(
      'https://docs.example',
    );
    expect(parentOrigin(undefined, 'https://ref.example/page', 'https://msg.example')).toBe(
      'https://msg.example',
    );
    expect(parentOrigin(undefined, 'https://ref.example/page?q#f')).toBe('https://ref.example');
  });

  it('is unknown (so nothing sensitive is sent) when the browser does not say', () => {
    expect(parentOrigin(undefined, '')).toBeUndefined();
    expect(parentOrigin(['null'], '')).toBeUndefined();
    expect(parentOrigin(undefined, 'not a url')).toBeUndefined();
  });
});

describe('snippets', () => {
  const site = 'https://tokenscope.example/';
  it('the iframe asks for the least sandbox and no referrer', () => {
    const html = iframeSnippet(
      site,
      { tool: 'decoder', theme: 'auto', emitToken: false },
      'Tokenscope "decoder"',
    );
    expect(html).toContain('src="https://tokenscope.example/embed.html#tool=decoder&amp;theme=auto"');
    expect(html).toContain('sandbox="allow-scripts allow-same-origin"');
    expect(html).toContain('allow="clipboard-write"');
    expect(html).toContain('referrerpolicy="no-referrer"');
    expect(html).toContain('title="Tokenscope &quot;decoder&quot;"');
    expect(html).not.toMatch(/allow-(popups|forms|top-navigation|modals|downloads)/);
  });

  it('a scenario belongs to the simulator only; emit switches the referrer to the origin', () => {
    expect(embedFragment({ tool: 'decoder', scenario: 'login', theme: 'dark', emitToken: false })).toBe(
      'tool=decoder&theme=dark',
    );
    expect(embedFragment({ tool: 'simulator', scenario: 'login', theme: 'dark', emitToken: false })).toBe(
      'tool=simulator&scenario=login&theme=dark',
    );
    const html = iframeSnippet(site, { tool: 'decoder', theme: 'light', emitToken: true }, 't');
    expect(html).toContain('emit=token');
    expect(html).toContain('referrerpolicy="origin"');
  });

  it('the script checks the sender and targets the widget origin', () => {
    const script = scriptSnippet(site, { tool: 'decoder', theme: 'auto', emitToken: false });
    expect(script).toContain('event.origin !== widgetOrigin');
    expect(script).toContain("const widgetOrigin = 'https://tokenscope.example'");
    expect(script).toContain('tokenscope:resize');
    expect(script).not.toContain('tokenscope:token');
    // It is valid JavaScript.
    expect(() => new Function(script)).not.toThrow();
  });
});
