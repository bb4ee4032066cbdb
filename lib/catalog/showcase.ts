import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { products } from '@/db/schema';
import {
  countProductsByCategory,
  listCategories,
  listProducts,
  type CatalogLocale,
  type ProductCardDto,
} from './queries';
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
  for (const row of images)
    if (!firstImage.has(row.categoryId)) firstImage.set(row.categoryId, row.imagePath);
  return categories
    .map((c) => ({
      slug: c.slug,
      name: c.name,
      imagePath: firstImage.get(c.id) ?? null,
      productCount: counts[c.slug] ?? 0,
    }))
    .filter((c) => c.productCount > 0);
}

/**
 * A handful of products for the home page: those on promotion first (at most two per category, so one
 * category-wide sale does not fill the row), then one per category so the selection shows the range.
 * `prices` are the card prices of the candidates (see getCardPrices).
 */
export function pickFeatured(
  candidates: ProductCardDto[],
  prices: Record<number, CardPrice>,
  limit: number,
): ProductCardDto[] {
  const picked = new Map<number, ProductCardDto>();
  const perCategory = new Map<string, number>();
  const take = (p: ProductCardDto, maxPerCategory: number) => {
    if (picked.size >= limit || picked.has(p.id) || (perCategory.get(p.categorySlug) ?? 0) >= maxPerCategory)
      return;
    picked.set(p.id, p);
    perCategory.set(p.categorySlug, (perCategory.get(p.categorySlug) ?? 0) + 1);
  };
  for (const p of candidates) if (prices[p.id]?.promotionName) take(p, 2);
  for (const p of candidates) take(p, 1);
  for (const p of candidates) take(p, Infinity);
  return [...picked.values()];
}

/** Every active product as a card (the catalogue is small), for picking featured ones. */
export async function listAllProductCards(db: DbOrTx, locale: CatalogLocale): Promise<ProductCardDto[]> {
  return (await listProducts(db, { locale, limit: 500, offset: 0 })).items;
}
