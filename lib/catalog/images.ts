import { asc, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { productImages } from '@/db/schema';
import { imageUrl } from './image-store';
import type { CatalogLocale } from './queries';

export interface ShopImage {
  url: string;
  alt: string;
  color: string | null;
}

async function imagesOf(db: DbOrTx, productIds: number[], locale: CatalogLocale) {
  if (productIds.length === 0) return [];
  return db
    .select({
      productId: productImages.productId,
      path: productImages.path,
      alt: locale === 'en' ? productImages.altEn : productImages.altNl,
      color: productImages.color,
    })
    .from(productImages)
    .where(inArray(productImages.productId, [...new Set(productIds)]))
    .orderBy(asc(productImages.productId), asc(productImages.sortOrder), asc(productImages.id));
}

/**
 * The photos the product page shows for the chosen colour: that colour's own first, then those for
 * every colour (color null). Another colour's photos are left out. Empty → the page shows the
 * product's illustration.
 */
export async function getProductImages(db: DbOrTx, productId: number, color: string | null, locale: CatalogLocale): Promise<ShopImage[]> {
  const rows = await imagesOf(db, [productId], locale);
  const own = color ? rows.filter((r) => r.color === color) : [];
  const shared = rows.filter((r) => r.color === null);
  return [...own, ...shared].map((r) => ({ url: imageUrl(r.path), alt: r.alt, color: r.color }));
}

/**
 * One photo per product for its card: of `colors[productId]` when the card stands for one colour
 * (e.g. its cheapest variant's), else a photo for every colour, else the first. Products without
 * photos are left out (the card keeps the illustration).
 */
export async function getCardImages(
  db: DbOrTx,
  productIds: number[],
  locale: CatalogLocale,
  colors: Record<number, string | null> = {},
): Promise<Record<number, ShopImage>> {
  const rows = await imagesOf(db, productIds, locale);
  const result: Record<number, ShopImage> = {};
  for (const productId of new Set(rows.map((r) => r.productId))) {
    const mine = rows.filter((r) => r.productId === productId);
    const wanted = colors[productId] ?? null;
    const pick = (wanted ? mine.find((r) => r.color === wanted) : undefined) ?? mine.find((r) => r.color === null) ?? mine[0];
    result[productId] = { url: imageUrl(pick.path), alt: pick.alt, color: pick.color };
  }
  return result;
}

