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
// embedded database itself.
const projects: TestProjectInlineConfiguration[] = [
  {
    ...shared,
    test: {
      name: 'pglite',
      include: ['{lib,db,components}/**/*.test.{ts,tsx}'],
      exclude: ['**/*.pg.test.ts', 'node_modules/**'],
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
