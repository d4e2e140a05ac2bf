import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import NetworkIndicator from '../../src/features/privacy/NetworkIndicator.svelte';
import { networkLog, reportNetworkRequest } from '../../src/state/network.svelte';

describe('NetworkIndicator', () => {
  it('lists the page’s own requests and singles out a request to another site', async () => {
    networkLog.start();
    // The test page itself loaded scripts from its own origin: they are already listed.
    const own = networkLog.total;
    expect(own).toBeGreaterThan(0);
    expect(networkLog.offSite).toBe(0);

    render(NetworkIndicator, { onOpenPrivacy: () => undefined });
    const toggle = screen.getByTestId('network-indicator');
    expect(toggle.textContent).toContain('all to this site');

    reportNetworkRequest('https://login.example.com/.well-known/jwks.json');
    await expect.poll(() => toggle.textContent).toContain('1 to other sites');
    expect(toggle.dataset.offsite).toBe('1');

    await fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    // The box opens at once; the list in it is a chunk of its own, loaded on the first click.
    const log = screen.getByRole('region', { name: 'Network requests of this page' });
    await expect.poll(() => log.textContent).toContain('https://login.example.com/.well-known/jwks.json');
    expect(log.textContent).toContain('jwks · other site');
    // Newest first (the list's own chunk was fetched after the JWKS request, so a new one).
    reportNetworkRequest('https://keys.example.org/jwks.json');
    await expect.poll(() => log.querySelector('li')?.textContent).toContain('keys.example.org');

    await fireEvent.keyDown(log, { key: 'Escape' });
    expect(screen.queryByRole('region', { name: 'Network requests of this page' })).toBeNull();
    expect(document.activeElement).toBe(toggle);
  });

  it('closes its list when it sends the person to the Privacy page', async () => {
    let opened = 0;
    render(NetworkIndicator, { onOpenPrivacy: () => opened++ });
    await fireEvent.click(screen.getByTestId('network-indicator'));
    await fireEvent.click(await screen.findByRole('button', { name: 'How to check it yourself' }));
    expect(opened).toBe(1);
    expect(screen.queryByRole('region', { name: 'Network requests of this page' })).toBeNull();
  });

  it('closes its list when the focus moves on past it, so it covers nothing the focus reaches', async () => {
    const after = document.createElement('button');
    after.textContent = 'next control';
    document.body.append(after);
    render(NetworkIndicator, { onOpenPrivacy: () => undefined });
    const toggle = screen.getByTestId('network-indicator');
    await fireEvent.click(toggle);
    toggle.focus();
    // Within the list, it stays open.
    (await screen.findByRole('button', { name: 'How to check it yourself' })).focus();
    expect(screen.queryByRole('region', { name: 'Network requests of this page' })).not.toBeNull();
    after.focus();
    await expect
      .poll(() => screen.queryByRole('region', { name: 'Network requests of this page' }))
      .toBeNull();
    after.remove();
  });
});
