import 'server-only';
import { and, asc, count, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { products, variants } from '@/db/schema';
import { likePattern } from '@/lib/catalog/search';
import { getAvailability } from './queries';

/** At or below this many available units (all locations together) a variant counts as low on stock. */
export const LOW_STOCK_THRESHOLD = 2;

// Available units of a variant over all locations (a missing stock row is 0). Plain SQL with an alias:
// drizzle leaves columns unqualified inside a sub-select.
const totalAvailableSql = sql<number>`(select coalesce(sum(s.on_hand - s.reserved), 0) from stock_levels s
  where s.variant_id = "variants"."id")`.mapWith(Number);

export interface AdminStockRow {
  variantId: number;
  productId: number;
  productName: string;
  brand: string;
  sku: string;
  ean: string;
  size: string | null;
  color: string | null;
  /** Catalog price, VAT included (before promotions). */
  priceCents: number;
  /** False when the variant or its product is out of the assortment. */
  active: boolean;
  /** Available units (on hand − reserved) per location id; a location without a row is absent = 0. */
  available: Record<number, number>;
  totalAvailable: number;
}

/**
 * One page of variants for the admin "Products & stock" table, with available stock per location, in
 * three queries whatever the page size (page, count, stock levels of the page). Search matches the
 * product name in both languages, brand, SKU or EAN; `lowOnly` keeps variants at or below
 * LOW_STOCK_THRESHOLD in total.
 */
export async function listAdminStock(
  db: DbOrTx,
  options: { search?: string; lowOnly?: boolean; limit: number; offset: number; locale: 'nl' | 'en' },
): Promise<{ rows: AdminStockRow[]; total: number }> {
  const name = options.locale === 'en' ? products.nameEn : products.nameNl;
  const conditions: (SQL | undefined)[] = [];
  if (options.search?.trim()) {
    const pattern = likePattern(options.search);
    conditions.push(
      or(
        ilike(products.nameEn, pattern),
        ilike(products.nameNl, pattern),
        ilike(products.brand, pattern),
        ilike(variants.sku, pattern),
        ilike(variants.ean, pattern),
      ),
    );
  }
  if (options.lowOnly) conditions.push(sql`${totalAvailableSql} <= ${LOW_STOCK_THRESHOLD}`);
  const where = and(...conditions);
  const [page, [{ total }]] = await Promise.all([
    db
      .select({
        variantId: variants.id,
        productId: products.id,
        productName: name,
        brand: products.brand,
        sku: variants.sku,
        ean: variants.ean,
        size: variants.size,
        color: variants.color,
        priceCents: variants.priceCents,
        active: sql<boolean>`${variants.active} and ${products.active}`,
      })
      .from(variants)
      .innerJoin(products, eq(products.id, variants.productId))
      .where(where)
      .orderBy(asc(name), asc(variants.sku))
      .limit(options.limit)
      .offset(options.offset),
    db
      .select({ total: count() })
      .from(variants)
      .innerJoin(products, eq(products.id, variants.productId))
      .where(where),
  ]);
  const levels = await getAvailability(
    db,
    page.map((r) => r.variantId),
  );
  const rows = page.map((r) => {
    const available: Record<number, number> = {};
    let totalAvailable = 0;
    for (const level of levels[r.variantId]) {
      available[level.locationId] = level.available;
      totalAvailable += level.available;
    }
    return { ...r, active: Boolean(r.active), available, totalAvailable };
  });
  return { rows, total: Number(total) };
}

// Some store has none of the variant available (no stock row counts as none).
const soldOutInAStoreSql = sql`exists (select 1 from locations l where l.kind = 'store' and not exists (
  select 1 from stock_levels s where s.variant_id = "variants"."id" and s.location_id = l.id and s.on_hand - s.reserved > 0))`;

/**
 * Variants for sale at or below LOW_STOCK_THRESHOLD available units in total (`low`), with none at all
 * (`out`), and with none in at least one store (`outInAStore`) — one query, for the dashboard.
 */
export async function countLowStock(db: DbOrTx): Promise<{ low: number; out: number; outInAStore: number }> {
  const [row] = await db
    .select({
      low: sql<number>`count(*) filter (where ${totalAvailableSql} <= ${LOW_STOCK_THRESHOLD})`.mapWith(
        Number,
      ),
      out: sql<number>`count(*) filter (where ${totalAvailableSql} <= 0)`.mapWith(Number),
      outInAStore: sql<number>`count(*) filter (where ${soldOutInAStoreSql})`.mapWith(Number),
    })
    .from(variants)
    .innerJoin(products, eq(products.id, variants.productId))
    .where(and(eq(variants.active, true), eq(products.active, true)));
  return { low: row?.low ?? 0, out: row?.out ?? 0, outInAStore: row?.outInAStore ?? 0 };
}
