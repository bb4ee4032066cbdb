import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { products } from '@/db/schema';
import { countProductsByCategory, listCategories, listProducts, type CatalogLocale, type ProductCardDto } from './queries';
import type { CardPrice } from './card-prices';

export interface CategoryTileDto {
  slug: string;
  name: string;
  /** Image of the category's first product, or null for an empty category. */
  imagePath: string | null;
  productCount: number;
}

/** Categories for the home page grid, each with a product image and its number of products. */
export async function listCategoryTiles(db: DbOrTx, locale: CatalogLocale): Promise<CategoryTileDto[]> {
  const [categories, counts, images] = await Promise.all([
    listCategories(db, locale),
    countProductsByCategory(db),
    db
      .select({ categoryId: products.categoryId, imagePath: products.imagePath })
      .from(products)
      .where(and(eq(products.active, true)))
      .orderBy(asc(products.id)),
  ]);
  const firstImage = new Map<number, string>();
  for (const row of images) if (!firstImage.has(row.categoryId)) firstImage.set(row.categoryId, row.imagePath);
  return categories
    .map((c) => ({ slug: c.slug, name: c.name, imagePath: firstImage.get(c.id) ?? null, productCount: counts[c.slug] ?? 0 }))
    .filter((c) => c.productCount > 0);
}

/**
 * A handful of products for the home page: those on promotion first, then one per category so the
 * selection shows the range. `prices` are the card prices of the candidates (see getCardPrices).
 */
export function pickFeatured(
  candidates: ProductCardDto[],
  prices: Record<number, CardPrice>,
  limit: number,
): ProductCardDto[] {
  const promoted = candidates.filter((p) => prices[p.id]?.promotionName);
  const picked = new Map(promoted.slice(0, limit).map((p) => [p.id, p]));
  const seenCategories = new Set([...picked.values()].map((p) => p.categorySlug));
  for (const p of candidates) {
    if (picked.size >= limit) break;
    if (seenCategories.has(p.categorySlug)) continue;
    seenCategories.add(p.categorySlug);
    picked.set(p.id, p);
  }
  return [...picked.values()];
}

/** Every active product as a card (the catalogue is small), for picking featured ones. */
export async function listAllProductCards(db: DbOrTx, locale: CatalogLocale): Promise<ProductCardDto[]> {
  return (await listProducts(db, { locale, limit: 500, offset: 0 })).items;
}
