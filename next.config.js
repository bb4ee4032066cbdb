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
  experimental: { authInterrupts: true },
};

module.exports = withNextIntl(nextConfig);
