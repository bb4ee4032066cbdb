import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { products, variants } from '@/db/schema';
import { priceUnit, type Channel, type PriceLineInput, type PromotionCandidate } from '@/lib/pricing';
import { effectivePriceCents } from './effective-price';

/** The price a product card shows: its cheapest variant after promotions, priced by lib/pricing. */
export interface CardPrice {
  /** What one unit costs now (after the best promotion). */
  priceCents: number;
  /** The catalog price of that unit; higher than priceCents when a promotion applies. */
  regularCents: number;
  /** True when the variants do not all cost the same ("from € 49,95"). */
  from: boolean;
  promotionName: string | null;
}

/** Pricing inputs (catalog price at `now`, tax class, product, category) of the active variants of each product. */
export async function loadVariantPriceInputs(
  db: DbOrTx,
  productIds: number[],
  now: Date = new Date(),
): Promise<Map<number, Omit<PriceLineInput, 'quantity'>[]>> {
  const byProduct = new Map<number, Omit<PriceLineInput, 'quantity'>[]>();
  if (productIds.length === 0) return byProduct;
  const rows = await db
    .select({
      variantId: variants.id,
      productId: products.id,
      categoryId: products.categoryId,
      unitPriceCents: effectivePriceCents(now),
      taxClass: products.taxClass,
    })
    .from(variants)
    .innerJoin(products, eq(products.id, variants.productId))
    .where(
      and(
        inArray(products.id, [...new Set(productIds)]),
        eq(variants.active, true),
        eq(products.active, true),
      ),
    )
    .orderBy(asc(variants.id));
  for (const row of rows) {
    const list = byProduct.get(row.productId) ?? [];
    list.push(row);
    byProduct.set(row.productId, list);
  }
  return byProduct;
}

/**
 * Card prices for products, each variant priced with priceUnit (the same function as cart and
 * checkout) against the promotion candidates the caller loaded once for the page.
 */
export async function getCardPrices(
  db: DbOrTx,
  productIds: number[],
  context: { promotions: PromotionCandidate[]; now: Date; channel: Channel },
): Promise<Record<number, CardPrice>> {
  const inputs = await loadVariantPriceInputs(db, productIds, context.now);
  const result: Record<number, CardPrice> = {};
  for (const [productId, lines] of inputs) {
    const units = lines.map((line) =>
      priceUnit(line, context.promotions, { channel: context.channel, now: context.now }),
    );
    const best = units.reduce((a, b) => (b.finalUnitCents < a.finalUnitCents ? b : a));
    result[productId] = {
      priceCents: best.finalUnitCents,
      regularCents: best.unitPriceCents,
      from: new Set(units.map((u) => u.finalUnitCents)).size > 1,
      promotionName: best.promotion?.name ?? null,
    };
  }
  return result;
}
