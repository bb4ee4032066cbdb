/**
 * Measures priceCart on the bench fixture without vitest: `npx tsx lib/pricing/bench.ts [iterations]`.
 * Prints the mean and p50/p95/p99 per call in milliseconds after a warm-up.
 */
import { buildBenchCart, buildBenchContext, buildBenchPromotions } from './bench-fixture';
import { priceCart } from './price-cart';

export interface PriceCartTiming {
  iterations: number;
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** CPU time of this process per call (user + system): what the function costs, without waiting for a busy machine's cores. */
  cpuMsPerCall: number;
}

export function measurePriceCart(iterations = 2000, warmup = 200): PriceCartTiming {
  const lines = buildBenchCart();
  const promotions = buildBenchPromotions();
  const ctx = buildBenchContext();
  for (let i = 0; i < warmup; i++) priceCart(lines, promotions, ctx);
  const samples: number[] = [];
  const cpu = process.cpuUsage();
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    priceCart(lines, promotions, ctx);
    samples.push(performance.now() - start);
  }
  const used = process.cpuUsage(cpu);
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
  return { iterations, meanMs: samples.reduce((a, v) => a + v, 0) / samples.length, p50Ms: at(0.5), p95Ms: at(0.95), p99Ms: at(0.99), cpuMsPerCall: (used.user + used.system) / 1000 / iterations };
}

if (process.argv[1] && /bench\.ts$/.test(process.argv[1])) {
  const n = Number(process.argv[2] ?? 2000);
  const t = measurePriceCart(n);
  const cart = priceCart(buildBenchCart(), buildBenchPromotions(), buildBenchContext());
  console.log(`priceCart, 50 lines × 200 promotions, ${t.iterations} calls: mean ${t.meanMs.toFixed(3)} ms, p50 ${t.p50Ms.toFixed(3)} ms, p95 ${t.p95Ms.toFixed(3)} ms, p99 ${t.p99Ms.toFixed(3)} ms; CPU ${t.cpuMsPerCall.toFixed(3)} ms per call`);
  console.log(`(total ${cart.totalCents} of ${cart.subtotalCents}, ${cart.appliedPromotions.length} promotions applied)`);
}
