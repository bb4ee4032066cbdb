import fs from 'node:fs';

const status = Number(process.argv[2] ?? 1);
const read = (file) => (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : null);

let passed = 0;
let failed = 0;
const vitest = read('test-results/vitest.json');
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
}
const playwright = read('test-results/playwright.json');
if (playwright) {
  passed += playwright.stats.expected + playwright.stats.flaky;
  failed += playwright.stats.unexpected;
}
// The bench smoke (.ci/run): one test, failed when it refused its figures (all, or a workload's).
const bench = read('test-results/bench-smoke.json');
if (bench) {
  if (bench.refused || Object.keys(bench.refusedWorkloads ?? {}).length > 0) failed += 1;
  else passed += 1;
}
if (status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
