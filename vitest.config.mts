import path from 'node:path';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

const root = import.meta.dirname;
const shared = {
  resolve: {
    alias: {
      '@': root,
      // 'server-only' throws outside React Server Components; domain code is tested directly.
      'server-only': path.join(root, 'lib/testing/server-only-stub.ts'),
    },
  },
};

// Every unit/integration test runs on PGlite; with DATABASE_URL set, all of them run again on PostgreSQL,
// together with the tests that need real concurrency (*.pg.test.ts). *.pglite.test.ts are about the
// embedded database itself. The security suite (*.security.test.ts: every action as every caller, and
// fuzzed) is about authorization and parsing, not the engine, and is the longest part of the run: with
// DATABASE_URL set it runs once, on PostgreSQL (without it, on PGlite).
const securityOnPostgres = process.env.DATABASE_URL ? ['**/*.security.test.ts'] : [];
const projects: TestProjectInlineConfiguration[] = [
  {
    ...shared,
    test: {
      name: 'pglite',
      include: ['{lib,db,components}/**/*.test.{ts,tsx}'],
      exclude: ['**/*.pg.test.ts', ...securityOnPostgres, 'node_modules/**'],
      env: { TEST_DB: 'pglite' },
      hookTimeout: 120_000,
      testTimeout: 60_000,
    },
  },
];
if (process.env.DATABASE_URL) {
  projects.push({
    ...shared,
    test: {
      name: 'postgres',
      include: ['{lib,db,components}/**/*.test.{ts,tsx}'],
      exclude: ['**/*.pglite.test.ts', 'node_modules/**'],
      env: { TEST_DB: 'postgres' },
      hookTimeout: 120_000,
      testTimeout: 60_000,
    },
  });
}

export default defineConfig({
  test: {
    projects,
    // Two cores: PGlite instances are heavy, keep the worker count low.
    maxWorkers: 2,
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'test-results/vitest.json' }]] : ['default'],
  },
});
