import 'server-only';
import { and, asc, count, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { products, stockLevels, stockTransferLines, stockTransfers, variants } from '@/db/schema';
import { effectivePriceCents } from '@/lib/catalog/effective-price';
import { likePattern } from '@/lib/catalog/search';
import { getDefaultLowStockThreshold, isVariantLow, stockStatus, variantLowSomewhereSql, type StockStatus } from './low-stock';

// Available units of a variant over all locations (a missing stock row is 0). Plain SQL with an alias:
// drizzle leaves columns unqualified inside a sub-select.
const totalAvailableSql = sql<number>`(select coalesce(sum(s.on_hand - s.reserved), 0) from stock_levels s
  where s.variant_id = "variants"."id")`.mapWith(Number);

export interface StockPosition {
  onHand: number;
  reserved: number;
  available: number;
  /** This position's own threshold; null = the shop-wide default. */
  threshold: number | null;
  status: StockStatus;
}

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
  /** The full position per location id that carries the variant (has a stock row). */
  levels: Record<number, StockPosition>;
  totalAvailable: number;
  /** Units on their way between locations (shipped, not received): in no location's stock, not sellable. */
  inTransit: number;
  /** Low at at least one location (the one definition, lib/inventory/low-stock). */
  low: boolean;
}

/**
 * One page of variants for the admin stock matrix, with every position per location and what is in
 * transit, in four queries whatever the page size. Search matches the product name in both languages,
 * brand, SKU or EAN; `lowOnly` keeps variants that are low somewhere (lib/inventory/low-stock).
 */
export async function listAdminStock(
  db: DbOrTx,
  options: { search?: string; lowOnly?: boolean; limit: number; offset: number; locale: 'nl' | 'en' },
): Promise<{ rows: AdminStockRow[]; total: number; defaultThreshold: number }> {
  const defaultThreshold = await getDefaultLowStockThreshold(db);
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
  if (options.lowOnly) conditions.push(variantLowSomewhereSql(defaultThreshold));
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
        // The price charged now (a started scheduled change included), as every channel shows it.
        priceCents: effectivePriceCents(new Date()),
        active: sql<boolean>`${variants.active} and ${products.active}`,
      })
      .from(variants)
      .innerJoin(products, eq(products.id, variants.productId))
      .where(where)
      .orderBy(asc(name), asc(variants.sku))
      .limit(options.limit)
      .offset(options.offset),
    db.select({ total: count() }).from(variants).innerJoin(products, eq(products.id, variants.productId)).where(where),
  ]);
  const ids = page.map((r) => r.variantId);
  const [levelRows, transit] = ids.length
    ? await Promise.all([
        db
          .select({
            variantId: stockLevels.variantId,
            locationId: stockLevels.locationId,
            onHand: stockLevels.onHand,
            reserved: stockLevels.reserved,
            threshold: stockLevels.lowStockThreshold,
          })
          .from(stockLevels)
          .where(inArray(stockLevels.variantId, ids)),
        inTransitByVariant(db, ids),
      ])
    : [[], new Map<number, number>()];
  const rows = page.map((r) => {
    const available: Record<number, number> = {};
    const levels: Record<number, StockPosition> = {};
    let totalAvailable = 0;
    const statuses: StockStatus[] = [];
    for (const l of levelRows) {
      if (l.variantId !== r.variantId) continue;
      const free = l.onHand - l.reserved;
      const status = stockStatus(free, l.threshold, defaultThreshold);
      available[l.locationId] = free;
      levels[l.locationId] = { onHand: l.onHand, reserved: l.reserved, available: free, threshold: l.threshold, status };
      totalAvailable += free;
      statuses.push(status);
    }
    const low = isVariantLow(statuses, totalAvailable);
    return { ...r, active: Boolean(r.active), available, levels, totalAvailable, inTransit: transit.get(r.variantId) ?? 0, low };
  });
  return { rows, total: Number(total), defaultThreshold };
}

/** Units shipped and not yet received, per variant. */
export async function inTransitByVariant(db: DbOrTx, variantIds: number[]): Promise<Map<number, number>> {
  if (variantIds.length === 0) return new Map();
  const rows = await db
    .select({ variantId: stockTransferLines.variantId, units: sql<number>`sum(${stockTransferLines.quantity})::int`.mapWith(Number) })
    .from(stockTransferLines)
    .innerJoin(stockTransfers, eq(stockTransfers.id, stockTransferLines.transferId))
    .where(and(eq(stockTransfers.status, 'in_transit'), inArray(stockTransferLines.variantId, variantIds)))
    .groupBy(stockTransferLines.variantId);
  return new Map(rows.map((r) => [r.variantId, r.units]));
}

// Some store has none of the variant available (no stock row counts as none).
const soldOutInAStoreSql = sql`exists (select 1 from locations l where l.kind = 'store' and not exists (
  select 1 from stock_levels s where s.variant_id = "variants"."id" and s.location_id = l.id and s.on_hand - s.reserved > 0))`;

/**
 * For the dashboard, in one query over the variants for sale: low somewhere (`low`, the one
 * definition of lib/inventory/low-stock), none available anywhere (`out`), none in at least one store
 * (`outInAStore`); with the default threshold the card names.
 */
export async function countLowStock(
  db: DbOrTx,
): Promise<{ low: number; out: number; outInAStore: number; defaultThreshold: number }> {
  const defaultThreshold = await getDefaultLowStockThreshold(db);
  const [row] = await db
    .select({
      low: sql<number>`count(*) filter (where ${variantLowSomewhereSql(defaultThreshold)})`.mapWith(Number),
      out: sql<number>`count(*) filter (where ${totalAvailableSql} <= 0)`.mapWith(Number),
      outInAStore: sql<number>`count(*) filter (where ${soldOutInAStoreSql})`.mapWith(Number),
    })
    .from(variants)
    .innerJoin(products, eq(products.id, variants.productId))
    .where(and(eq(variants.active, true), eq(products.active, true)));
  return { low: row?.low ?? 0, out: row?.out ?? 0, outInAStore: row?.outInAStore ?? 0, defaultThreshold };
}
