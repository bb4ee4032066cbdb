import 'server-only';
import { and, eq, inArray, min, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { categories, products, variants } from '@/db/schema';
import { getCardPrices, type CardPrice } from '@/lib/catalog/card-prices';
import { effectivePriceCents } from '@/lib/catalog/effective-price';
import type { CatalogLocale, ProductCardDto } from '@/lib/catalog/queries';
import type { Channel, PromotionCandidate } from '@/lib/pricing';

export interface RecommendationCard {
  product: ProductCardDto;
  /** The listing price (getCardPrices: priceUnit, the one price function), in the surface's channel. */
  price: CardPrice | undefined;
}

/**
 * Product cards for recommended product ids, in the given order (the ranking), priced like every other
 * product card. Inactive products drop out (the recommendation queries already leave them out).
 */
export async function getRecommendationCards(
  db: DbOrTx,
  productIds: readonly number[],
  context: { locale: CatalogLocale; now: Date; channel: Channel; promotions: PromotionCandidate[] },
): Promise<RecommendationCard[]> {
  if (productIds.length === 0) return [];
  const name = context.locale === 'en' ? products.nameEn : products.nameNl;
  const [rows, prices] = await Promise.all([
    db
      .select({
        id: products.id,
        slug: products.slug,
        name,
        brand: products.brand,
        imagePath: products.imagePath,
        categorySlug: categories.slug,
        fromPriceCents: sql<number>`${min(effectivePriceCents(context.now))}`.mapWith(Number),
        variantCount: sql<number>`count(${variants.id})`.mapWith(Number),
      })
      .from(products)
      .innerJoin(categories, eq(categories.id, products.categoryId))
      .innerJoin(variants, eq(variants.productId, products.id))
      .where(and(inArray(products.id, [...productIds]), eq(products.active, true), eq(variants.active, true)))
      .groupBy(products.id, categories.slug),
    getCardPrices(db, [...productIds], { promotions: context.promotions, now: context.now, channel: context.channel }),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return productIds.flatMap((id) => {
    const product = byId.get(id);
    return product ? [{ product, price: prices[id] }] : [];
  });
}
