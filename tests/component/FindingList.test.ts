import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import FindingList from '../../src/ui/FindingList.svelte';
import type { Finding } from '../../src/core';

const finding = (rule: Finding['rule'], message: string): Finding => ({
  rule,
  severity: 'warn',
  message,
  fix: 'Fix it.',
});

const openStates = () =>
  screen.getAllByTestId('finding').map((item) => [item.dataset.rule, item.querySelector('details')!.open]);

describe('FindingList', () => {
  it('a finding opened for one token does not leave the next token’s finding open in its place', async () => {
    const weak = finding('weak-secret', 'The secret is "secret".');
    const expired = finding('expired', 'Expired 2 h ago.');
    const { rerender } = render(FindingList, { findings: [weak] });
    screen.getAllByTestId('finding')[0]!.querySelector('details')!.open = true;
    await rerender({ findings: [expired, weak] });
    // The expired finding takes the first place closed; the one the person opened stays open.
    expect(openStates()).toEqual([
      ['expired', false],
      ['weak-secret', true],
    ]);
  });

  it('lists the same finding twice without a duplicate-key error', () => {
    const twice = finding('duplicate-key', 'The name "sub" appears twice.');
    render(FindingList, { findings: [twice, twice] });
    expect(screen.getAllByTestId('finding')).toHaveLength(2);
  });
});
