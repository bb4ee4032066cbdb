/**
 * `npm run lighthouse` — Lighthouse (mobile defaults: Moto G-class emulation, slow 4G, 4x CPU
 * throttling) on the home page, the listing and one product page of a running production server.
 *
 *   npm run lighthouse                                   5 runs per page against http://127.0.0.1:3400
 *   npm run lighthouse -- --url http://127.0.0.1:3000 --runs 3 --out result.json --product wayfarer-original
 *
 * Uses the system Chromium (CHROME_PATH, default /usr/bin/chromium). Prints the median and range of
 * performance, accessibility, LCP, TBT and CLS per page, and writes every run to a JSON file. The
 * score depends on the machine's load (simulated throttling scales with it): report medians.
 * Issue #11 target: performance >= 95, accessibility 100.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

function options() {
  const argv = process.argv.slice(2);
  const value = (name: string) => {
    const at = argv.indexOf(`--${name}`);
    return at >= 0 ? argv[at + 1] : argv.find((a) => a.startsWith(`--${name}=`))?.split('=').slice(1).join('=');
  };
  return {
    url: (value('url') ?? 'http://127.0.0.1:3400').replace(/\/$/, ''),
    runs: Number(value('runs') ?? 5),
    // A seeded product (db/seed-data.ts) with images.
    product: value('product') ?? 'aviator-classic',
    only: value('page'),
    out: value('out') ?? path.join(ROOT, 'test-results', 'lighthouse', `lighthouse-${new Date().toISOString().replace(/[:.]/g, '-')}.json`),
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  };
}

type Run = { performance: number; accessibility: number; lcpMs: number; tbtMs: number; cls: number; failing: string[] };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const range = (xs: number[]) => [Math.min(...xs), Math.max(...xs)] as const;

/** One run in a plain-node child (see lighthouse-run.mjs for why not in this tsx process). */
function runOnce(url: string, chromePath: string): Run {
  const child = spawnSync(process.execPath, [path.join(__dirname, 'lighthouse-run.mjs'), url, chromePath], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, timeout: 180_000 });
  if (child.status !== 0) throw new Error(`lighthouse run of ${url} failed (${child.status ?? child.signal}): ${child.stderr}`);
  return JSON.parse(child.stdout) as Run;
}

async function main() {
  const opts = options();
  const pages = [
    { name: 'home', path: '/' },
    { name: 'listing', path: '/products' },
    { name: 'product', path: `/products/${opts.product}` },
  ].filter((p) => !opts.only || p.name === opts.only);

  const results: Record<string, { url: string; runs: Run[]; median: Omit<Run, 'failing'> }> = {};
  for (const page of pages) {
    const url = opts.url + page.path;
    const check = await fetch(url);
    if (!check.ok) throw new Error(`${url} answered ${check.status}: is the production server running (README "Benchmark")?`);
    const runs: Run[] = [];
    for (let i = 0; i < opts.runs; i++) {
      const run = runOnce(url, opts.chromePath);
      runs.push(run);
      console.log(`lighthouse: ${page.name} run ${i + 1}/${opts.runs}: perf ${run.performance} a11y ${run.accessibility} LCP ${run.lcpMs} ms TBT ${run.tbtMs} ms CLS ${run.cls}`);
    }
    const pick = (k: 'performance' | 'accessibility' | 'lcpMs' | 'tbtMs' | 'cls') => runs.map((r) => r[k]);
    results[page.name] = {
      url,
      runs,
      median: { performance: median(pick('performance')), accessibility: median(pick('accessibility')), lcpMs: median(pick('lcpMs')), tbtMs: median(pick('tbtMs')), cls: median(pick('cls')) },
    };
  }

  console.log(`\nLighthouse mobile, median of ${opts.runs} (range) — ${opts.url}`);
  console.log('page      perf          a11y          LCP ms             TBT ms          CLS');
  for (const [name, { runs, median: m }] of Object.entries(results)) {
    const r = (k: 'performance' | 'accessibility' | 'lcpMs' | 'tbtMs' | 'cls') => range(runs.map((x) => x[k])).join('–');
    console.log(
      `${name.padEnd(9)} ${`${m.performance} (${r('performance')})`.padEnd(13)} ${`${m.accessibility} (${r('accessibility')})`.padEnd(13)} ${`${m.lcpMs} (${r('lcpMs')})`.padEnd(18)} ${`${m.tbtMs} (${r('tbtMs')})`.padEnd(15)} ${m.cls} (${r('cls')})`,
    );
    // Audit ids (without their per-run values) and in how many runs each lost points.
    const failing = new Map<string, number>();
    for (const id of runs.flatMap((x) => x.failing.map((f) => f.split(' (')[0]))) failing.set(id, (failing.get(id) ?? 0) + 1);
    if (failing.size) console.log(`          losing points (runs): ${[...failing].map(([id, n]) => `${id} ${n}`).join(', ')}`);
  }
  fs.mkdirSync(path.dirname(opts.out), { recursive: true });
  fs.writeFileSync(opts.out, JSON.stringify({ url: opts.url, runs: opts.runs, chromePath: opts.chromePath, at: new Date().toISOString(), pages: results }, null, 2));
  console.log(`\nlighthouse: wrote ${opts.out}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
