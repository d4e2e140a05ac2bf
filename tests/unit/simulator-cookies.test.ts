import { describe, expect, it } from 'vitest';
import { CookieJar, decideCookie, parseSetCookie, siteOf } from '../../src/core/simulator/cookies';

// Expected results follow RFC 6265bis (§5.1.3 domain matching, §5.1.4 paths, §5.8.3 Secure,
// §5.6.7 SameSite) and Chromium's default of Lax for a cookie without SameSite.
const request = (over: Partial<Parameters<typeof decideCookie>[1]> = {}) => ({
  host: 'app.example.com',
  path: '/api/profile',
  scheme: 'https' as const,
  initiatorSite: 'example.com',
  method: 'GET',
  topLevel: false,
  ...over,
});

describe('simulator cookie jar', () => {
  it('parses the flags of a Set-Cookie header', () => {
    const cookie = parseSetCookie('sid=abc; Path=/; HttpOnly; Secure; SameSite=Strict', 'app.example.com');
    expect(cookie).toMatchObject({
      name: 'sid',
      value: 'abc',
      hostOnly: true,
      domain: 'app.example.com',
      httpOnly: true,
      secure: true,
      sameSite: 'Strict',
    });
    expect(parseSetCookie('a=b', 'x.example.com').sameSite).toBe('Lax');
    expect(parseSetCookie('a=b; Domain=.Example.com', 'x.example.com')).toMatchObject({
      hostOnly: false,
      domain: 'example.com',
    });
  });

  it('keeps a host-only cookie on its host, a Domain cookie on every subdomain', () => {
    const hostOnly = parseSetCookie('sid=1; Path=/', 'app.example.com');
    expect(decideCookie(hostOnly, request()).sent).toBe(true);
    expect(decideCookie(hostOnly, request({ host: 'api.example.com' })).sent).toBe(false);
    const wide = parseSetCookie('sid=1; Domain=example.com; Path=/', 'app.example.com');
    expect(decideCookie(wide, request({ host: 'api.example.com' })).sent).toBe(true);
    expect(decideCookie(wide, request({ host: 'blog.example.com' })).sent).toBe(true);
    expect(decideCookie(wide, request({ host: 'example.org' })).sent).toBe(false);
  });

  it('withholds a Secure cookie from plain http and a Path cookie from other paths', () => {
    const cookie = parseSetCookie('rt=1; Path=/auth/refresh; Secure', 'auth.example.com');
    expect(decideCookie(cookie, request({ host: 'auth.example.com', path: '/auth/refresh' })).sent).toBe(
      true,
    );
    expect(
      decideCookie(cookie, request({ host: 'auth.example.com', path: '/auth/refresh', scheme: 'http' })).sent,
    ).toBe(false);
    expect(decideCookie(cookie, request({ host: 'auth.example.com', path: '/auth/refreshments' })).sent).toBe(
      false,
    );
    expect(decideCookie(cookie, request({ host: 'auth.example.com', path: '/api' })).sent).toBe(false);
  });

  it('applies SameSite to cross-site requests only', () => {
    const lax = parseSetCookie('sid=1; Secure; SameSite=Lax', 'app.example.com');
    const strict = parseSetCookie('sid=1; Secure; SameSite=Strict', 'app.example.com');
    const none = parseSetCookie('sid=1; Secure; SameSite=None', 'app.example.com');
    const noneInsecure = parseSetCookie('sid=1; SameSite=None', 'app.example.com');
    const crossPost = request({ initiatorSite: 'evil.example', method: 'POST' });
    const crossNavigation = request({ initiatorSite: 'evil.example', topLevel: true });
    expect(decideCookie(lax, crossPost).sent).toBe(false);
    expect(decideCookie(lax, crossNavigation).sent).toBe(true);
    expect(decideCookie(strict, crossNavigation).sent).toBe(false);
    expect(decideCookie(strict, request()).sent).toBe(true);
    expect(decideCookie(none, crossPost).sent).toBe(true);
    expect(decideCookie(noneInsecure, crossPost).sent).toBe(false);
    // app.example.com and api.example.com are the same site: SameSite does not separate them.
    expect(siteOf('app.example.com')).toBe(siteOf('api.example.com'));
  });

  it('hides HttpOnly cookies from document.cookie and replaces a cookie of the same name', () => {
    const jar = new CookieJar();
    jar.set('sid=secret; HttpOnly; Secure', 'app.example.com');
    jar.set('theme=dark', 'app.example.com');
    expect(jar.visibleToScript()).toBe('theme=dark');
    jar.set('theme=light', 'app.example.com');
    expect(jar.all).toHaveLength(2);
    expect(jar.headerFor(request()).header).toBe('sid=secret; theme=light');
  });
});
