/** The benchmark's figures over the rounds: medians and ranges, ratios to pgbench, and the targets of issue 11. */
import type { PriceCartFigures } from './price-cart';
import { fmt, fmtSpread, spread, type Spread } from './stats';
import type { LoopResult } from './workloads';

export interface RoundResult {
  round: number;
  pgbenchTps: number | null;
  checkout: LoopResult & { cpuMsPerFlow: number; xactsPerFlow: number | null };
  counter: LoopResult & { cpuMsPerSale: number; xactsPerSale: number | null };
  product10: LoopResult;
  product50: LoopResult;
  productAt50rps: LoopResult;
  trivial10: LoopResult;
  trivial50: LoopResult;
  addToCartMax: LoopResult;
  addToCartHalf: LoopResult & { ratePerSecond: number };
  priceCart: PriceCartFigures;
}

const over = (rounds: RoundResult[], pick: (r: RoundResult) => number | null | undefined) => spread(rounds.map(pick));
const ratio = (rounds: RoundResult[], pick: (r: RoundResult) => number) =>
  spread(rounds.map((r) => (r.pgbenchTps ? pick(r) / r.pgbenchTps : null)));
const step = (rounds: RoundResult[], pick: (r: RoundResult) => LoopResult, name: string, p: 'p50' | 'p95') =>
  over(rounds, (r) => pick(r).steps[name]?.[p]);

/** Every figure as median and range over the rounds. */
export function summarizeRounds(rounds: RoundResult[]) {
  const loops = { checkout: (r: RoundResult) => r.checkout, counter: (r: RoundResult) => r.counter };
  const steps = (pick: (r: RoundResult) => LoopResult, names: string[]) =>
    Object.fromEntries(names.map((n) => [n, { p50: step(rounds, pick, n, 'p50'), p95: step(rounds, pick, n, 'p95') }]));
  const page = (pick: (r: RoundResult) => LoopResult) => ({
    perSecond: over(rounds, (r) => pick(r).perSecond),
    p50: step(rounds, pick, 'request', 'p50'),
    p95: step(rounds, pick, 'request', 'p95'),
    ratioToPgbench: ratio(rounds, (r) => pick(r).perSecond),
  });
  return {
    pgbenchTps: over(rounds, (r) => r.pgbenchTps),
    checkout: {
      flowsPerSecond: over(rounds, (r) => r.checkout.perSecond),
      ratioToPgbench: ratio(rounds, (r) => r.checkout.perSecond),
      steps: steps(loops.checkout, ['add', 'checkoutPage', 'place', 'pay', 'webhook']),
      cpuMsPerFlow: over(rounds, (r) => r.checkout.cpuMsPerFlow),
      xactsPerFlow: over(rounds, (r) => r.checkout.xactsPerFlow),
    },
    counter: {
      salesPerSecond: over(rounds, (r) => r.counter.perSecond),
      ratioToPgbench: ratio(rounds, (r) => r.counter.perSecond),
      steps: steps(loops.counter, ['scan', 'checkoutPage', 'pay']),
      cpuMsPerSale: over(rounds, (r) => r.counter.cpuMsPerSale),
      xactsPerSale: over(rounds, (r) => r.counter.xactsPerSale),
    },
    product10: page((r) => r.product10),
    product50: page((r) => r.product50),
    productAt50rps: {
      p50: step(rounds, (r) => r.productAt50rps, 'latency', 'p50'),
      p95: step(rounds, (r) => r.productAt50rps, 'latency', 'p95'),
      // In any round the server fell behind the rate: its latencies would only measure the part it answered.
      notSustained: rounds.map((r) => r.productAt50rps.notSustained).find(Boolean) ?? null,
    },
    trivial10: page((r) => r.trivial10),
    trivial50: page((r) => r.trivial50),
    productToTrivial: {
      at10: over(rounds, (r) => r.product10.perSecond / r.trivial10.perSecond),
      at50: over(rounds, (r) => r.product50.perSecond / r.trivial50.perSecond),
    },
    addToCart: {
      maxPerSecond: over(rounds, (r) => r.addToCartMax.perSecond),
      maxP95: step(rounds, (r) => r.addToCartMax, 'request', 'p95'),
      halfRate: over(rounds, (r) => r.addToCartHalf.ratePerSecond),
      halfP50: step(rounds, (r) => r.addToCartHalf, 'latency', 'p50'),
      halfP95: step(rounds, (r) => r.addToCartHalf, 'latency', 'p95'),
      ratioToPgbench: ratio(rounds, (r) => r.addToCartMax.perSecond),
    },
    priceCart: {
      source: rounds[0]?.priceCart.source,
      size: rounds[0] ? `${rounds[0].priceCart.lines} lines × ${rounds[0].priceCart.promotions} promotions` : null,
      meanUs: over(rounds, (r) => r.priceCart.meanUs),
      p95Us: over(rounds, (r) => r.priceCart.p95Us),
    },
  };
}

export type Summary = ReturnType<typeof summarizeRounds>;

interface Target {
  name: string;
  measured: number | null;
  target: string;
  met: boolean | null;
}

/** Issue 11's speed targets (all but Lighthouse), on the medians. */
export function checkTargets(s: Summary): Target[] {
  const m = (x: Spread | null) => x?.median ?? null;
  const t = (name: string, measured: number | null, target: string, ok: (v: number) => boolean): Target => ({
    name,
    measured,
    target,
    met: measured === null ? null : ok(measured),
  });
  const at50 = s.productAt50rps.notSustained
    ? { name: 'product page p95 ms at 50 req/s (not sustained)', measured: null, target: '≤ 100', met: false }
    : t('product page p95 ms at 50 req/s', m(s.productAt50rps.p95), '≤ 100', (v) => v <= 100);
  return [
    t('web checkout flows/s ÷ pgbench tps', m(s.checkout.ratioToPgbench), '≥ 0.03', (v) => v >= 0.03),
    t('Next CPU ms per checkout flow', m(s.checkout.cpuMsPerFlow), '≤ 15', (v) => v <= 15),
    t('DB transactions per checkout flow', m(s.checkout.xactsPerFlow), '≤ 8', (v) => v <= 8),
    t('counter sales/s ÷ pgbench tps', m(s.counter.ratioToPgbench), '≥ 0.03', (v) => v >= 0.03),
    t('counter pay p95 ms (10 clerks)', m(s.counter.steps.pay!.p95), '≤ 200', (v) => v <= 200),
    t('product page ÷ trivial route req/s (50 conn.)', m(s.productToTrivial.at50), '≥ 0.5', (v) => v >= 0.5),
    at50,
    t('add to cart p95 ms at half of max', m(s.addToCart.halfP95), '≤ 50', (v) => v <= 50),
  ];
}

/** The printed report: one line per figure, "median (min–max)" over the rounds. */
export function formatReport(s: Summary, targets: Target[], heading: string[]): string {
  const rows: [string, string, string?][] = [];
  const add = (label: string, value: Spread | null, ratioToPgbench?: Spread | null) => rows.push([label, fmtSpread(value), ratioToPgbench ? fmtSpread(ratioToPgbench) : undefined]);
  const steps = (label: string, st: Record<string, { p50: Spread | null; p95: Spread | null }>) => {
    for (const [name, v] of Object.entries(st)) rows.push([`  ${label} ${name} p50 / p95 ms`, `${fmtSpread(v.p50)} / ${fmtSpread(v.p95)}`]);
  };
  add('pgbench TPC-B tps', s.pgbenchTps);
  add('web checkout flows/s (10 shoppers)', s.checkout.flowsPerSecond, s.checkout.ratioToPgbench);
  steps('step', s.checkout.steps);
  add('  Next CPU ms per flow', s.checkout.cpuMsPerFlow);
  add('  DB transactions per flow', s.checkout.xactsPerFlow);
  add('counter sales/s (10 clerks, 10 tills)', s.counter.salesPerSecond, s.counter.ratioToPgbench);
  steps('step', s.counter.steps);
  add('  Next CPU ms per sale', s.counter.cpuMsPerSale);
  add('  DB transactions per sale', s.counter.xactsPerSale);
  for (const [label, page] of [
    ['product page, 10 connections', s.product10],
    ['product page, 50 connections', s.product50],
    ['trivial route, 10 connections', s.trivial10],
    ['trivial route, 50 connections', s.trivial50],
  ] as const) {
    add(`${label}: req/s`, page.perSecond, page.ratioToPgbench);
    rows.push([`  p50 / p95 ms`, `${fmtSpread(page.p50)} / ${fmtSpread(page.p95)}`]);
  }
  rows.push(
    s.productAt50rps.notSustained
      ? ['product page at 50 req/s: p50 / p95 ms', 'not sustained']
      : ['product page at 50 req/s: p50 / p95 ms', `${fmtSpread(s.productAt50rps.p50)} / ${fmtSpread(s.productAt50rps.p95)}`],
  );
  add('product ÷ trivial req/s at 10 / 50', s.productToTrivial.at10);
  rows[rows.length - 1]![1] += ` / ${fmtSpread(s.productToTrivial.at50)}`;
  add('add to cart max req/s (10 conn.)', s.addToCart.maxPerSecond, s.addToCart.ratioToPgbench);
  add(`add to cart at half of max: req/s`, s.addToCart.halfRate);
  rows.push(['  p50 / p95 ms', `${fmtSpread(s.addToCart.halfP50)} / ${fmtSpread(s.addToCart.halfP95)}`]);
  add(`priceCart ${s.priceCart.size} (${s.priceCart.source}): mean µs`, s.priceCart.meanUs);
  add('  p95 µs', s.priceCart.p95Us);

  const width = Math.max(...rows.map((r) => r[0].length)) + 2;
  const valueWidth = Math.max(...rows.map((r) => r[1].length)) + 2;
  const lines = [
    ...heading,
    ...(s.productAt50rps.notSustained ? [`product page at 50 req/s not sustained: ${s.productAt50rps.notSustained}`] : []),
    '',
    `${'figure'.padEnd(width)}${'median (range)'.padEnd(valueWidth)}÷ pgbench tps`,
    ...rows.map(([label, value, r]) => `${label.padEnd(width)}${value.padEnd(valueWidth)}${r ?? ''}`),
    '',
    'Targets (issue 11, on the medians; Lighthouse is measured separately):',
    ...targets.map((tg) => `  ${tg.met === null ? '–' : tg.met ? '✓' : '✗'} ${tg.name.padEnd(48)} ${fmt(tg.measured).padStart(8)}   target ${tg.target}`),
  ];
  return lines.join('\n');
}
