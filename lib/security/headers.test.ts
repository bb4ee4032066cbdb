import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CAMERA_SCAN_PATHS,
  MESSAGE_PREVIEW_CSP,
  contentSecurityPolicy,
  createNonce,
  isCameraScanPath,
  isStoreFinderPath,
  permissionsPolicy,
  securityHeaders,
} from './headers';

const base = { pathname: '/', nonce: 'bm9uY2U=', dev: false, https: false, production: true };

/** "a b; c d" → { a: ['b'], c: ['d'] } */
function directives(csp: string): Record<string, string[]> {
  return Object.fromEntries(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values]),
  );
}

describe('contentSecurityPolicy', () => {
  it('allows only nonced scripts (and what they load), no plugins, no <base>, no framing, forms to us', () => {
    expect(directives(contentSecurityPolicy(base))).toEqual({
      'default-src': ["'self'"],
      'script-src': ["'self'", "'nonce-bm9uY2U='", "'strict-dynamic'"],
      'style-src': ["'self'", "'nonce-bm9uY2U='"],
      'img-src': ["'self'", 'data:', 'blob:'],
      'font-src': ["'self'"],
      'connect-src': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'none'"],
      'form-action': ["'self'"],
      'frame-ancestors': ["'none'"],
    });
  });

  it('never allows inline script or eval in production', () => {
    const csp = contentSecurityPolicy(base);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
  });

  it('gives next dev eval (React debug stacks), inline styles (overlay) and its HMR socket', () => {
    const d = directives(contentSecurityPolicy({ ...base, dev: true }));
    expect(d['script-src']).toEqual(["'self'", "'nonce-bm9uY2U='", "'strict-dynamic'", "'unsafe-eval'"]);
    expect(d['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(d['connect-src']).toEqual(["'self'", 'ws:', 'wss:']);
  });

  it('upgrades insecure requests only over https', () => {
    expect(directives(contentSecurityPolicy({ ...base, https: true }))).toHaveProperty(
      'upgrade-insecure-requests',
    );
    expect(directives(contentSecurityPolicy(base))).not.toHaveProperty('upgrade-insecure-requests');
  });
});

describe('permissionsPolicy', () => {
  it.each([
    // Only the counter pages with a camera scanner (QR of a web cart; a receipt's barcode for a return).
    ['/counter/load-cart', 'camera=(self)', 'geolocation=()'],
    ['/counter/returns', 'camera=(self)', 'geolocation=()'],
    ['/counter/returns/', 'camera=(self)', 'geolocation=()'],
    ['/counter', 'camera=()', 'geolocation=()'],
    ['/counter/checkout', 'camera=()', 'geolocation=()'],
    ['/counter/returns/7f1c', 'camera=()', 'geolocation=()'],
    ['/counter/returns/orders/12', 'camera=()', 'geolocation=()'],
    ['/counter/load-cartx', 'camera=()', 'geolocation=()'],
    ['/counter/till', 'camera=()', 'geolocation=()'],
    ['/', 'camera=()', 'geolocation=()'],
    ['/counterfeit', 'camera=()', 'geolocation=()'],
    ['/admin', 'camera=()', 'geolocation=()'],
    ['/sign-in', 'camera=()', 'geolocation=()'],
    ['/stores', 'camera=()', 'geolocation=(self)'],
    ['/products/court-classic', 'camera=()', 'geolocation=(self)'],
    ['/products', 'camera=()', 'geolocation=()'],
    ['/storesx', 'camera=()', 'geolocation=()'],
  ])('%s → %s, %s, microphone denied', (pathname, camera, geolocation) => {
    expect(isCameraScanPath(pathname)).toBe(camera === 'camera=(self)');
    expect(isStoreFinderPath(pathname)).toBe(geolocation === 'geolocation=(self)');
    expect(permissionsPolicy(pathname).split(', ')).toEqual([camera, 'microphone=()', geolocation, 'payment=()', 'usb=()']);
  });
});

/** The app's pages whose module graph (app/ and components/) reaches the camera reader, @zxing/browser. */
function pagesWithCameraScanner(): string[] {
  const root = path.resolve(import.meta.dirname, '../..');
  const walk = (dir: string): string[] =>
    fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
      const rel = path.posix.join(dir, e.name);
      return e.isDirectory() ? walk(rel) : /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [rel] : [];
    });
  const files = [...walk('app'), ...walk('components')];
  const imports = new Map(
    files.map((file) => {
      const text = fs.readFileSync(path.join(root, file), 'utf8');
      const specs = [...text.matchAll(/(?:from|import\()\s*'([^']+)'/g)].map((m) => m[1]);
      const resolved = specs.map((spec) =>
        spec.startsWith('@/') ? spec.slice(2) : spec.startsWith('.') ? path.posix.join(path.posix.dirname(file), spec) : spec,
      );
      return [file, resolved] as const;
    }),
  );
  const reaches = new Set<string>(['@zxing/browser']);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [file, specs] of imports) {
      if (reaches.has(file)) continue;
      if (specs.some((spec) => reaches.has(spec) || reaches.has(`${spec}.tsx`) || reaches.has(`${spec}.ts`))) {
        reaches.add(file);
        grew = true;
      }
    }
  }
  return [...reaches]
    .filter((file) => /^app\/.*\/page\.tsx$/.test(file))
    .map((file) => file.replace(/^app/, '').replace(/\/\([^)]+\)/g, '').replace(/\/page\.tsx$/, '') || '/')
    .sort();
}

describe('camera only where the counter scans', () => {
  it('allows the camera on exactly the pages that render a camera scanner', () => {
    expect(pagesWithCameraScanner()).toEqual(['/counter/load-cart', '/counter/returns']);
    expect([...CAMERA_SCAN_PATHS].sort()).toEqual(pagesWithCameraScanner());
  });
});

describe('securityHeaders', () => {
  it('sets nosniff, the referrer policy, framing and opener isolation on every response', () => {
    expect(securityHeaders(base)).toEqual({
      'content-security-policy': contentSecurityPolicy(base),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'strict-origin-when-cross-origin',
      'permissions-policy': permissionsPolicy('/'),
      'x-frame-options': 'DENY',
      'cross-origin-opener-policy': 'same-origin',
    });
  });

  it('sends HSTS only in production over https', () => {
    expect(securityHeaders({ ...base, https: true })['strict-transport-security']).toBe(
      'max-age=63072000; includeSubDomains',
    );
    expect(securityHeaders({ ...base, https: false })).not.toHaveProperty('strict-transport-security');
    expect(securityHeaders({ ...base, https: true, production: false })).not.toHaveProperty(
      'strict-transport-security',
    );
  });
});

describe('createNonce', () => {
  it('is 128 random bits in base64, new every time', () => {
    const nonces = new Set(Array.from({ length: 50 }, createNonce));
    expect(nonces.size).toBe(50);
    for (const n of nonces) expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe('the admin outbox’s email preview', () => {
  const ctx = { nonce: 'abc', dev: false, https: false, production: true };

  it('gets a policy for email HTML (inline styles, nothing that runs) and may be framed by our own page only', () => {
    const headers = securityHeaders({ ...ctx, pathname: '/api/admin/outbox/6f1c/preview' });
    expect(headers['content-security-policy']).toBe(MESSAGE_PREVIEW_CSP);
    expect(MESSAGE_PREVIEW_CSP).toContain("default-src 'none'");
    expect(MESSAGE_PREVIEW_CSP).toContain('sandbox');
    expect(headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('changes nothing for any other path', () => {
    for (const pathname of ['/admin/outbox/6f1c', '/api/admin/outbox/6f1c/preview/x', '/api/admin/outbox/preview']) {
      const headers = securityHeaders({ ...ctx, pathname });
      expect(headers['content-security-policy']).not.toBe(MESSAGE_PREVIEW_CSP);
      expect(headers['x-frame-options']).toBe('DENY');
    }
  });
});
