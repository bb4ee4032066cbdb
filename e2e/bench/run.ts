/**
 * `npm run bench` — the shop's own benchmark, side by side with pgbench on the same machine.
 *
 *   npm run bench                       3 rounds; app workloads of 15 s; pgbench scale 10, 10 clients, 20 s
 *   npm run bench -- --smoke            1 short round (CI: proves the bench still runs; its figures mean little)
 *   npm run bench -- --rounds 5 --duration 20 --pgbench-duration 30 --scale 10 --port 3190 --out file.json
 *
 * It measures the production build in NEXT_DIST_DIR (default .next: `npm run build` first) on a fresh
 * database of its own, verifies afterwards that every counted flow placed (and paid) its order, and
 * prints no figures for a run with errors (exit code 1). See README "Benchmark".
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadActionIds, Visitor, WebhookRelay, ACTIONS, expectOk, expectRedirect } from './client';
import { benchPriceCart, loadPriceCartInput } from './price-cart';
import { checkTargets, formatReport, summarizeRounds, type RoundResult } from './report';
import { BenchDatabase, CLERK_COUNT, Pgbench, postgresAnswers, prepareCatalog, readLedger, Server } from './setup';
import { addToCart, checkoutFlow, closedLoop, counterSale, keyMaker, openLoop, pageLoad, type LoopResult } from './workloads';

const ROOT = path.resolve(__dirname, '..', '..');

function options() {
  const argv = process.argv.slice(2);
  const value = (name: string) => {
    const at = argv.indexOf(`--${name}`);
    return at >= 0 ? argv[at + 1] : argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  };
  const smoke = argv.includes('--smoke');
  const num = (name: string, fallback: number) => (value(name) !== undefined ? Number(value(name)) : fallback);
  return {
    smoke,
    rounds: num('rounds', smoke ? 1 : 3),
    durationMs: num('duration', smoke ? 3 : 15) * 1000,
    pgbenchSeconds: num('pgbench-duration', smoke ? 5 : 20),
    scale: num('scale', smoke ? 1 : 10),
    port: num('port', Number(process.env.BENCH_PORT ?? 3190)),
    out: value('out') ?? path.join(ROOT, 'test-results', 'bench', `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`),
    keep: argv.includes('--keep'),
  };
}

const blankLoop = { count: 0, elapsedMs: 0, perSecond: Number.NaN, steps: {}, errors: 0, errorSamples: [], cpuMsPerFlow: Number.NaN, xactsPerFlow: null, cpuMsPerSale: Number.NaN, xactsPerSale: null };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (message: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

async function main() {
  const opt = options();
  const distDir = process.env.NEXT_DIST_DIR || '.next';
  const buildIdFile = path.join(ROOT, distDir, 'BUILD_ID');
  if (!fs.existsSync(buildIdFile)) throw new Error(`No production build in ${distDir}: run \`npm run build\` first (or set NEXT_DIST_DIR).`);
  const actionId = loadActionIds(path.join(ROOT, distDir));
  const serverUrl = process.env.DATABASE_URL || undefined;
  const db = new BenchDatabase(opt.smoke ? 'bench_smoke' : 'bench', serverUrl);
  const notes: string[] = [];

  // pgbench beside the app's database server; beside PGlite, the local PostgreSQL when one answers.
  const pgbenchServer = serverUrl ?? process.env.PGBENCH_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  let pgbench: Pgbench | null = null;
  if (!Pgbench.available()) notes.push('pgbench skipped: /usr/bin/pgbench is not installed, so no ratios to pgbench.');
  else if (!serverUrl && !(await postgresAnswers(pgbenchServer))) notes.push(`pgbench skipped: the app ran on PGlite and no PostgreSQL answers at ${new URL(pgbenchServer).host}, so no ratios to pgbench.`);
  else {
    pgbench = new Pgbench(pgbenchServer, opt.scale, opt.smoke ? 'bench_smoke_pgbench' : 'bench_pgbench');
    if (!serverUrl) notes.push(`The app ran on PGlite; pgbench ran against the local PostgreSQL (${new URL(pgbenchServer).host}) — the ratios compare two different databases.`);
  }

  log(`fresh database ${db.kind === 'postgres' ? `"${db.name}" on ${new URL(serverUrl!).host}` : db.env.OMNISHOP_DATA_DIR}: migrate + seed`);
  await db.create();
  const catalog = await prepareCatalog(db);
  const priceInput = await loadPriceCartInput(db);
  const tag = Math.floor(Math.random() * 0xffffffff).toString(16).padStart(8, '0');
  const before = await readLedger(db, catalog, tag);
  if (pgbench) log(`pgbench -i -s ${opt.scale}: ${await pgbench.init()} ms`);

  const relay = new WebhookRelay();
  let server: Server | null = null;
  await relay.start(() => server!.baseUrl);
  log(`next start (${distDir}, build ${fs.readFileSync(buildIdFile, 'utf8').trim()}) on port ${opt.port}`);
  server = await Server.start(db, { distDir, port: opt.port, env: { OMNIPAY_WEBHOOK_URL: relay.url } });
  const base = server.baseUrl;
  const newKey = keyMaker(tag);
  const placed = { count: 0 };
  const sold = { count: 0 };
  const rounds: RoundResult[] = [];
  const errors: string[] = [];
  const refusedWorkloads: Record<string, string[]> = {};
  const loadBefore = os.loadavg();

  try {
    const shoppers = Array.from({ length: 10 }, () => new Visitor(base, actionId));
    const cartPool = Array.from({ length: 20 }, () => new Visitor(base, actionId));
    const readers = Array.from({ length: 50 }, () => new Visitor(base, actionId));
    const clerks = catalog.clerks.map(() => new Visitor(base, actionId));
    // The bench's clerks sign in and each opens a till of its own, as at the start of a day.
    for (const [i, clerk] of clerks.entries()) {
      expectRedirect('clerk sign-in', await clerk.action('/sign-in', ACTIONS.signIn, { email: catalog.clerks[i], password: 'omnishop' }), /^\/counter/);
      expectOk('open till', await clerk.action('/counter/till', ACTIONS.openTill, { tillName: `Bench till ${i + 1}`, openingFloat: '100' }));
    }
    log(`${CLERK_COUNT} clerks signed in at ${catalog.store.name}, each at a till of their own`);

    const checkout = checkoutFlow({ shoppers, variants: catalog.variants, relay, newKey, placed });
    const sale = counterSale({ clerks, variants: catalog.variants, newKey, sold });
    const productPath = `/products/${catalog.variants[0]!.slug}`;
    // Warm-up (not counted): every code path once, so the rounds measure a warm server.
    for (const unit of [checkout, sale]) await closedLoop(10, 1, unit).then((r) => r.errors && errors.push(...r.errorSamples.map((e) => `warm-up: ${e}`)));
    await closedLoop(10, 1000, pageLoad(readers, productPath));
    if (errors.length) throw new Error('warm-up failed');

    // PostgreSQL backends report their transactions to pg_stat_database at most every second, and an idle
    // one only after up to PGSTAT_IDLE_INTERVAL (10 s): each reading waits that long after the load stopped.
    // (The smoke does not wait: its figures only show that the bench runs.)
    const settle = () => sleep(opt.smoke ? 1100 : 11_000);
    const idleWindowS = opt.smoke ? 3 : 15;
    await settle();
    const idle0 = await db.xactCommit();
    await sleep(idleWindowS * 1000);
    const idle1 = await db.xactCommit();
    // The database's own background work (the jobs polling), to tell apart from the workloads' transactions.
    const idleXactsPerSecond = idle0 === null || idle1 === null ? null : (idle1 - idle0) / idleWindowS;

    for (let round = 1; round <= opt.rounds; round++) {
      const pgbenchTps = pgbench ? await pgbench.run(10, opt.pgbenchSeconds) : null;
      log(`round ${round}/${opt.rounds}: pgbench ${pgbenchTps ?? 'skipped'} tps`);
      await settle();
      let x = await db.xactCommit();
      let readAt = performance.now();
      // A workload with its CPU and transactions per unit; the window runs from one reading to the next.
      const measured = async (run: () => Promise<LoopResult>) => {
        const cpu0 = server!.cpuMs();
        const result = await run();
        const cpu = server!.cpuMs() - cpu0;
        await settle();
        const [x1, at] = [await db.xactCommit(), performance.now()];
        const units = Math.max(1, result.count);
        const background = idleXactsPerSecond === null ? 0 : (idleXactsPerSecond * (at - readAt)) / 1000;
        const xactsPer = x === null || x1 === null ? null : (x1 - x - background) / units;
        [x, readAt] = [x1, at];
        return { result, cpuPer: cpu / units, xactsPer };
      };
      const web = await measured(() => closedLoop(10, opt.durationMs, checkout));
      log(`  web checkout ${web.result.perSecond.toFixed(2)} flows/s`);
      const counter = await measured(() => closedLoop(CLERK_COUNT, opt.durationMs, sale));
      log(`  counter ${counter.result.perSecond.toFixed(2)} sales/s`);
      const product10 = await closedLoop(10, opt.durationMs, pageLoad(readers, productPath));
      const product50 = await closedLoop(50, opt.durationMs, pageLoad(readers, productPath));
      const productAt50rps = await openLoop(50, opt.durationMs, pageLoad(readers, productPath));
      const trivial10 = await closedLoop(10, opt.durationMs, pageLoad(readers, '/api/health/live'));
      const trivial50 = await closedLoop(50, opt.durationMs, pageLoad(readers, '/api/health/live'));
      log(`  product page ${product10.perSecond.toFixed(1)} / ${product50.perSecond.toFixed(1)} req/s, trivial ${trivial10.perSecond.toFixed(0)} / ${trivial50.perSecond.toFixed(0)} req/s`);
      const addToCartMax = await closedLoop(10, opt.durationMs, addToCart(cartPool, catalog.variants));
      const halfRate = Math.max(1, addToCartMax.perSecond / 2);
      const addToCartHalf = await openLoop(halfRate, opt.durationMs, addToCart(cartPool, catalog.variants));
      log(`  add to cart max ${addToCartMax.perSecond.toFixed(1)} req/s; at ${halfRate.toFixed(1)} req/s p95 ${addToCartHalf.steps.latency?.p95.toFixed(0)} ms`);
      const priceCart = benchPriceCart(priceInput, opt.smoke ? 500 : 3000);
      const result: RoundResult = {
        round,
        pgbenchTps,
        checkout: { ...web.result, cpuMsPerFlow: web.cpuPer, xactsPerFlow: web.xactsPer },
        counter: { ...counter.result, cpuMsPerSale: counter.cpuPer, xactsPerSale: counter.xactsPer },
        product10,
        product50,
        productAt50rps,
        trivial10,
        trivial50,
        addToCartMax,
        addToCartHalf: { ...addToCartHalf, ratePerSecond: halfRate },
        priceCart,
      };
      for (const [name, loop] of Object.entries(result)) {
        const r = loop as { errors?: number; errorSamples?: string[] };
        if (!r.errors) continue;
        const message = `round ${round} ${name}: ${r.errors} errors, e.g. ${r.errorSamples!.join(' | ')}`;
        // A flow that failed may have left an order behind: the books no longer add up, nothing is printed.
        if (name === 'checkout' || name === 'counter') errors.push(message);
        else (refusedWorkloads[name] ??= []).push(message);
      }
      rounds.push(result);
      if (errors.length) break;
    }
    if (relay.failures) errors.push(`${relay.failures} webhook deliveries were refused by the app`);
    await finish({ rounds, errors, notes, idleXactsPerSecond, loadBefore });
  } catch (error) {
    errors.push(error instanceof Error ? error.message : String(error));
    await finish({ rounds, errors, notes, idleXactsPerSecond: null, loadBefore });
  }

  async function finish(run: { rounds: RoundResult[]; errors: string[]; notes: string[]; idleXactsPerSecond: number | null; loadBefore: number[] }) {
    const loadAfter = os.loadavg();
    await server!.stop();
    await relay.stop();
    // Every counted flow placed its order and paid it; every unit left the stock (or is reserved for its order).
    const after = await readLedger(db, catalog, tag);
    const expected = placed.count + sold.count;
    const verification = { expectedOrders: expected, orders: after.orders - before.orders, paidOrders: after.paidOrders - before.paidOrders, unitsTaken: after.unitsTaken - before.unitsTaken };
    if (verification.orders !== expected || verification.paidOrders !== expected || verification.unitsTaken !== expected) {
      run.errors.push(`verification failed: ${JSON.stringify(verification)}`);
    }
    const refused = run.errors.length > 0;
    // A workload with an error in any round gets no figure at all (its rounds are blanked), and the exit code says so.
    const refusedNames = Object.keys(refusedWorkloads) as (keyof RoundResult)[];
    const blanked = run.rounds.map((r) => ({ ...r, ...Object.fromEntries(refusedNames.map((n) => [n, { ...blankLoop, ratePerSecond: Number.NaN }])) }) as RoundResult);
    const summary = refused ? null : summarizeRounds(blanked);
    const targets = summary ? checkTargets(summary) : null;
    const machine = { cpus: os.cpus().length, model: os.cpus()[0]?.model, loadavgBefore: run.loadBefore, loadavgAfter: loadAfter };
    const heading = [
      `Omnishop bench: ${run.rounds.length} round(s), app workloads ${opt.durationMs / 1000} s each; pgbench TPC-B scale ${opt.scale}, 10 clients, ${opt.pgbenchSeconds} s`,
      `app on ${db.kind === 'postgres' ? 'PostgreSQL' : 'PGlite'}, build ${distDir}; ${machine.cpus} CPUs, load average ${loadAfter.map((l) => l.toFixed(1)).join(' ')} at the end`,
      `verified: ${verification.orders} orders placed and paid, ${verification.unitsTaken} units taken from stock, for ${expected} counted flows and sales`,
      ...(run.idleXactsPerSecond !== null ? [`DB transactions per flow: the background jobs' ${run.idleXactsPerSecond.toFixed(1)} transactions/s while idle are subtracted`] : []),
      ...run.notes,
    ];
    fs.mkdirSync(path.dirname(opt.out), { recursive: true });
    fs.writeFileSync(
      opt.out,
      `${JSON.stringify({ startedAt: new Date().toISOString(), options: opt, database: db.kind, distDir, machine, notes: run.notes, idleXactsPerSecond: run.idleXactsPerSecond, verification, refused, errors: run.errors, refusedWorkloads, summary, targets, rounds: run.rounds }, null, 2)}\n`,
    );
    if (refused) {
      console.error(`\nNo figures: this run had errors (details in ${path.relative(ROOT, opt.out)}).\n${run.errors.map((e) => `  - ${e}`).join('\n')}`);
      console.error(`\nLast lines of the server:\n${server!.logTail(20)}`);
      process.exitCode = 1;
    } else {
      const refusals = Object.values(refusedWorkloads).flat();
      if (refusals.length) heading.push(...refusals.map((m) => `NO FIGURE (errors): ${m}`));
      console.log(`\n${formatReport(summary!, targets!, heading)}\n\nWritten to ${path.relative(ROOT, opt.out)}`);
      if (refusals.length) process.exitCode = 1;
    }
    if (!opt.keep) {
      await db.drop();
      await pgbench?.drop();
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
