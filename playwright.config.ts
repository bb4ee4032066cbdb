import fs from 'node:fs';
import { defineConfig, devices, type PlaywrightTestConfig } from '@playwright/test';
import { CLUSTER_PORT, CLUSTER_URL } from './e2e/cluster/cluster';

const PORT = Number(process.env.E2E_PORT ?? 3100);
export const BASE_URL = `http://127.0.0.1:${PORT}`;

// Playwright cannot download its browsers here: use the system Chromium unless a path is given
// (CHROMIUM_PATH), or Playwright's own browser when neither exists (after `npx playwright install`).
const chromiumPath = process.env.CHROMIUM_PATH ?? (fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const AUTH_SECRET = process.env.AUTH_SECRET ?? 'e2e-only-secret-not-for-production-0123456789';

// With PostgreSQL, a second project runs through two instances behind nginx (e2e/cluster/): PGlite
// belongs to one process, so there is no cluster without a server.
const cluster = !!process.env.DATABASE_URL;
const webServers: NonNullable<PlaywrightTestConfig['webServer']> = [
  {
    // A database of its own (fresh PGlite dir, or a new database on DATABASE_URL's server), migrated and
    // seeded, then `next start` on the production build.
    command: `npx tsx db/cli.ts serve-e2e ${PORT}`,
    url: `${BASE_URL}/api/health/ready`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: { NEXT_TELEMETRY_DISABLED: '1', AUTH_SECRET },
  },
];
if (cluster) {
  webServers.push({
    command: `npx tsx e2e/cluster/serve-cluster.ts ${CLUSTER_PORT}`,
    url: `${CLUSTER_URL}/api/health/ready`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: { NEXT_TELEMETRY_DISABLED: '1', AUTH_SECRET },
  });
}

const SHARED_STATE_SPECS = [
  /omnichannel\/core\.spec\.ts/,
  /omnichannel\/s6-cart-handoff\.spec\.ts/,
  /omnichannel\/s8-loyalty\.spec\.ts/,
  /shop\/checkout\.spec\.ts/,
  /admin\/settings\.spec\.ts/,
  // The Utrecht clerk's counter cart.
  /counter\/split-tender\.spec\.ts/,
  // Anna's cart and the Utrecht counter cart.
  /omnichannel\/promotion-engine\.spec\.ts/,
  // The Amsterdam clerk's counter cart.
  /counter\/sale\.spec\.ts/,
  // The Amsterdam clerk's counter cart (a sale to Dirk for the satisfaction survey).
  /omnichannel\/s12-satisfaction\.spec\.ts/,
  /omnichannel\/s14-recommendations\.spec\.ts/,
  /shop\/reviews\.spec\.ts/,
  // Anna's cart and the Utrecht counter cart; the experiment's promotions on the Field Watch.
  /omnichannel\/s11-experiment\.spec\.ts/,
];

export default defineConfig({
  testDir: './e2e',
  // E2E_OUTPUT_DIR: a side run keeps its own (Playwright empties this folder when it starts).
  outputDir: process.env.E2E_OUTPUT_DIR ?? 'test-results/e2e',
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['json', { outputFile: 'test-results/playwright.json' }]] : [['list']],
  use: {
    baseURL: BASE_URL,
    locale: 'en-GB',
    timezoneId: 'Europe/Amsterdam',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    { name: 'setup', testMatch: /auth\.setup\.ts/ },
    { name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined }, dependencies: ['setup'], testIgnore: [/(ops|cluster)\//, ...SHARED_STATE_SPECS] },
    // Specs that change state other specs read: Anna's one cart (the same on every device, so two specs
    // buying as her would share it), the Utrecht clerk's counter cart, and the shop's delivery fee. One at
    // a time, beside the other browser specs.
    { name: 'shared-state', use: { ...devices['Desktop Chrome'], channel: undefined }, dependencies: ['setup'], testMatch: SHARED_STATE_SPECS, workers: 1 },
    ...(cluster
      ? // After the single-instance browser tests, so the two projects' servers don't compete for the CPU.
        // One at a time: its tests time live updates (within 1 s), and two tests at once on the same two
        // instances would each slow the other's refresh.
        [{ name: 'cluster', testMatch: /cluster\/.*\.spec\.ts/, use: { ...devices['Desktop Chrome'], channel: undefined, baseURL: CLUSTER_URL }, dependencies: ['chromium', 'shared-state'], workers: 1 }]
      : []),
    // Operations (e2e/ops): no browser; each test starts `next start` instances of its own on a database
    // of its own, and stops or kills them. One at a time and after the browser tests, whose timing they
    // would disturb: they load the machine on purpose. Alone: `npx playwright test --project=ops --no-deps`.
    { name: 'ops', testMatch: /ops\/.*\.spec\.ts/, workers: 1, timeout: 300_000, use: { trace: 'off' }, dependencies: cluster ? ['chromium', 'shared-state', 'cluster'] : ['chromium', 'shared-state'] },
  ],
  webServer: webServers,
});
