/**
 * priceCart on its own: how long the one price function takes for a large cart. With
 * lib/pricing/bench-fixture.ts (50 lines × 200 promotions, from the pricing room) that fixture is
 * priced; until it exists, a cart of the catalog's own variants with synthetic promotions aimed at
 * their categories, products and variants.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { priceCart, type PriceContext, type PriceLineInput, type PromotionCandidate } from '../../lib/pricing';
import { line, promo } from '../../lib/pricing/test-helpers';
import type { BenchDatabase } from './setup';
import { percentile } from './stats';

const FIXTURE = path.resolve(__dirname, '..', '..', 'lib', 'pricing', 'bench-fixture.ts');

export interface PriceCartInput {
  source: 'lib/pricing/bench-fixture.ts' | 'catalog';
  lines: PriceLineInput[];
  promotions: PromotionCandidate[];
  /** The fixture's own context (channel, moment, codes) when it has one. */
  ctx?: PriceContext;
}

/** The cart to price: the pricing room's fixture when it exists, else one built from the bench database. */
export async function loadPriceCartInput(db: BenchDatabase): Promise<PriceCartInput> {
  if (fs.existsSync(FIXTURE)) {
    const fixture = (await import(pathToFileURL(FIXTURE).href)) as {
      buildBenchCart: () => PriceLineInput[];
      buildBenchPromotions: () => PromotionCandidate[];
      buildBenchContext?: () => PriceContext;
    };
    return {
      source: 'lib/pricing/bench-fixture.ts',
      lines: fixture.buildBenchCart(),
      promotions: fixture.buildBenchPromotions(),
      ctx: fixture.buildBenchContext?.(),
    };
  }
  const rows = await db.with((query) =>
    query<{ id: number; product_id: number; category_id: number; price_cents: number; tax_class: PriceLineInput['taxClass'] }>(
      `select v.id, v.product_id, p.category_id, v.price_cents, p.tax_class
         from variants v join products p on p.id = v.product_id where v.active and p.active order by v.id limit 50`,
    ),
  );
  const lines = rows.map((r, i) =>
    line({ variantId: r.id, productId: r.product_id, categoryId: r.category_id, unitPriceCents: r.price_cents, taxClass: r.tax_class, quantity: 1 + (i % 3) }),
  );
  const targets = ['category', 'product', 'variant', 'all'] as const;
  const promotions = Array.from({ length: 200 }, (_, i) => {
    const target = targets[i % targets.length]!;
    const row = rows[i % rows.length]!;
    const targetId = target === 'category' ? row.category_id : target === 'product' ? row.product_id : target === 'variant' ? row.id : null;
    return promo({ id: i + 1, name: `Bench ${i + 1}`, kind: i % 2 ? 'percentage' : 'fixed_amount', value: i % 2 ? 5 + (i % 30) : 100 + i, target, targetId, code: i % 5 === 0 ? `BENCH${i}` : null });
  });
  return { source: 'catalog', lines, promotions };
}

export interface PriceCartFigures {
  source: PriceCartInput['source'];
  lines: number;
  promotions: number;
  iterations: number;
  meanUs: number;
  p50Us: number;
  p95Us: number;
  pricesPerSecond: number;
}

/** Prices the cart repeatedly for `durationMs` (after a warm-up) and reports the time per call. */
export function benchPriceCart(input: PriceCartInput, durationMs: number): PriceCartFigures {
  const ctx: PriceContext = input.ctx ?? { channel: 'web', now: new Date(), fulfilment: 'delivery', codes: ['BENCH0', 'BENCH5'] };
  for (let i = 0; i < 200; i++) priceCart(input.lines, input.promotions, ctx);
  const times: number[] = [];
  const started = performance.now();
  while (performance.now() - started < durationMs) {
    const t0 = performance.now();
    priceCart(input.lines, input.promotions, ctx);
    times.push((performance.now() - t0) * 1000);
  }
  const total = times.reduce((a, b) => a + b, 0);
  return {
    source: input.source,
    lines: input.lines.length,
    promotions: input.promotions.length,
    iterations: times.length,
    meanUs: total / times.length,
    p50Us: percentile(times, 50),
    p95Us: percentile(times, 95),
    pricesPerSecond: (times.length * 1_000_000) / total,
  };
}
