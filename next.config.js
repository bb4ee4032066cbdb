// @ts-check
/* eslint-disable @typescript-eslint/no-require-imports -- next.config.js is CommonJS */
const createNextIntlPlugin = require('next-intl/plugin');

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WASM/data files by path at run time; bundling it breaks every query
  // (see shared/STACK-NOTES.md, "PGlite inside Next.js").
  serverExternalPackages: ['@electric-sql/pglite'],
  poweredByHeader: false,
  // A second build directory lets a build run beside another (e.g. a test of several instances).
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // forbidden() answers 403 for a signed-in user with the wrong role.
  // Product photos (≤ 5 MB, lib/catalog/admin-schemas) are uploaded through a server action; the
  // default 1 MB body limit would refuse them before our own size check could answer.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: '6mb' } },
  // Everything else gets its security headers (CSP with a nonce…) from proxy.ts; build assets skip the
  // proxy, so the one header that matters for them is set here.
  async headers() {
    return [
      { source: '/_next/static/:path*', headers: [{ key: 'X-Content-Type-Options', value: 'nosniff' }] },
    ];
  },
};

module.exports = withNextIntl(nextConfig);
