import { describe, expect, it } from 'vitest';
import { safeRedirectTarget, sameOriginRedirect } from './callback-url';

describe('safeRedirectTarget', () => {
  const hostile: [string, string][] = [
    ['backslash as a second slash', '/\\evil.example'],
    ['backslash after the slash, encoded', '/%5Cevil.example'],
    ['protocol-relative', '//evil'],
    ['protocol-relative with backslashes', '\\\\evil'],
    ['encoded slashes', '/%2F%2Fevil'],
    ['double-encoded slashes', '/%252F%252Fevil'],
    ['triple-encoded slashes', '/%25252F%25252Fevil'],
    ['absolute URL', 'https://evil'],
    ['absolute URL, same-looking path', 'https://evil.example/account'],
    ['tab between slashes', '/\t/evil'],
    ['newline between slashes', '/\n/evil'],
    ['encoded tab between slashes', '/%09/evil'],
    ['carriage return', '/account\r\nSet-Cookie: x=1'],
    ['NUL byte', '/\u0000/evil'],
    ['leading space', ' /account'],
    ['dot segment to a double slash', '/.//evil'],
    ['dot-dot segment to a double slash', '/..//evil'],
    ['javascript: URL', 'javascript:alert(1)'],
    ['javascript: after a slash-looking start', 'javascript://%0aalert(1)'],
    ['data: URL', 'data:text/html,<script>alert(1)</script>'],
    ['scheme-relative with credentials', '//user@evil'],
    ['relative without a leading slash', 'evil.example'],
    ['malformed escape', '/%E0%A4%A'],
    ['empty string', ''],
    ['too long', `/${'a'.repeat(600)}`],
  ];

  it.each(hostile)('refuses %s', (_name, target) => {
    expect(safeRedirectTarget(target, '/fallback')).toBe('/fallback');
  });

  it('refuses missing targets', () => {
    expect(safeRedirectTarget(undefined, '/home')).toBe('/home');
    expect(safeRedirectTarget(null)).toBe('/');
  });

  const friendly: [string, string][] = [
    ['/account', '/account'],
    ['/checkout', '/checkout'],
    ['/orders/123?tab=lines#top', '/orders/123?tab=lines#top'],
    ['/search?q=red%20shoes', '/search?q=red%20shoes'],
    ['/verify-email?token=abc_DEF-123', '/verify-email?token=abc_DEF-123'],
    ['/a/./b/../c', '/a/c'],
  ];

  it.each(friendly)('keeps the same-site path %s', (target, expected) => {
    expect(safeRedirectTarget(target, '/fallback')).toBe(expected);
  });
});

describe('sameOriginRedirect (Auth.js redirect callback)', () => {
  const base = 'https://shop.example';

  it('keeps same-site paths and absolute URLs on this origin', () => {
    expect(sameOriginRedirect('/account', base)).toBe('https://shop.example/account');
    expect(sameOriginRedirect('https://shop.example/orders?x=1', base)).toBe('https://shop.example/orders?x=1');
    expect(sameOriginRedirect('https://shop.example', base)).toBe('https://shop.example');
  });

  it.each(['https://evil.example', 'https://shop.example.evil.example/', '/\\evil.example', '//evil', 'https://shop.example//evil', 'javascript:alert(1)'])(
    'sends %s back to the home page',
    (url) => {
      expect(sameOriginRedirect(url, base)).toBe(base);
    },
  );
});
