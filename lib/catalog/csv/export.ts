import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { categories, products, variants } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { effectivePriceCents } from '../effective-price';
import type { CsvRow } from './format';
import { writeCatalogCsv } from './parse';

/**
 * Every variant of every product as catalog CSV rows (the import's format), by product slug and SKU.
 * The price is the variant's own (base) price; scheduled price changes are not part of the file.
 */
export async function listCatalogRows(db: DbOrTx, actor: Actor): Promise<CsvRow[]> {
  if (actor.role !== 'admin') throw new DomainError('forbidden');
  const rows = await db
    .select({
      productSlug: products.slug,
      brand: products.brand,
      nameEn: products.nameEn,
      nameNl: products.nameNl,
      categorySlug: categories.slug,
      taxClass: products.taxClass,
      sku: variants.sku,
      ean: variants.ean,
      size: variants.size,
      color: variants.color,
      // The price charged now: a started scheduled change, else the base price.
      priceCents: effectivePriceCents(new Date()),
      active: variants.active,
    })
    .from(variants)
    .innerJoin(products, eq(products.id, variants.productId))
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .orderBy(asc(products.slug), asc(variants.sku));
  return rows.map((r) => ({ ...r, size: r.size || null, color: r.color || null }));
}

/** The whole catalog as CSV text, with a byte-order mark so spreadsheet programs read it as UTF-8. */
export async function exportCatalogCsv(db: DbOrTx, actor: Actor): Promise<string> {
  return `\uFEFF${writeCatalogCsv(await listCatalogRows(db, actor))}`;
}
