import { and, asc, count, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '@/db/client';
import { locations, products, stockLevels, variants } from '@/db/schema';
import { likePattern } from '@/lib/catalog/search';

export interface StockAtLocation {
  locationId: number;
  onHand: number;
  reserved: number;
  available: number;
}

export interface LocationStock extends StockAtLocation {
  name: string;
  code: string;
  kind: 'warehouse' | 'store';
  city: string;
  pickupEnabled: boolean;
}

const availableSql = sql<number>`${stockLevels.onHand} - ${stockLevels.reserved}`.mapWith(Number);

/**
 * Stock per variant per location, for every requested variant (an empty list when it has no stock rows:
 * a missing row means 0). Keyed by variant id; a plain object so it can be passed to client components.
 */
export async function getAvailability(db: DbOrTx, variantIds: number[]): Promise<Record<number, StockAtLocation[]>> {
  const ids = [...new Set(variantIds)];
  const result: Record<number, StockAtLocation[]> = Object.fromEntries(ids.map((id) => [id, []]));
  if (ids.length === 0) return result;
  const rows = await db
    .select({
      variantId: stockLevels.variantId,
      locationId: stockLevels.locationId,
      onHand: stockLevels.onHand,
      reserved: stockLevels.reserved,
      available: availableSql,
    })
    .from(stockLevels)
    .where(inArray(stockLevels.variantId, ids))
    .orderBy(asc(stockLevels.variantId), asc(stockLevels.locationId));
  for (const { variantId, ...stock } of rows) result[variantId].push(stock);
  return result;
}

/** Every location with this variant's stock (0 where there is no row), warehouse first, then stores by name. */
export async function getVariantStockByLocation(db: DbOrTx, variantId: number): Promise<LocationStock[]> {
  const rows = await db
    .select({
      locationId: locations.id,
      name: locations.name,
      code: locations.code,
      kind: locations.kind,
      city: locations.city,
      pickupEnabled: locations.pickupEnabled,
      onHand: sql<number>`coalesce(${stockLevels.onHand}, 0)`.mapWith(Number),
      reserved: sql<number>`coalesce(${stockLevels.reserved}, 0)`.mapWith(Number),
    })
    .from(locations)
    .leftJoin(stockLevels, and(eq(stockLevels.locationId, locations.id), eq(stockLevels.variantId, variantId)))
    .orderBy(asc(locations.kind), asc(locations.name));
  return rows.map((r) => ({ ...r, available: r.onHand - r.reserved }));
}

export interface VariantStock {
  variantId: number;
  sku: string;
  size: string | null;
  color: string | null;
  locations: LocationStock[];
}

/** Stock of every variant of a product at every location (product page "where to buy", admin detail). */
export async function getProductStock(db: DbOrTx, productId: number): Promise<VariantStock[]> {
  const [variantRows, locationRows] = await Promise.all([
    db
      .select({ variantId: variants.id, sku: variants.sku, size: variants.size, color: variants.color })
      .from(variants)
      .where(eq(variants.productId, productId))
      .orderBy(asc(variants.id)),
    db
      .select({
        locationId: locations.id,
        name: locations.name,
        code: locations.code,
        kind: locations.kind,
        city: locations.city,
        pickupEnabled: locations.pickupEnabled,
      })
      .from(locations)
      .orderBy(asc(locations.kind), asc(locations.name)),
  ]);
  if (variantRows.length === 0) return [];
  const levels = await getAvailability(db, variantRows.map((v) => v.variantId));
  return variantRows.map((v) => {
    const byLocation = new Map(levels[v.variantId].map((l) => [l.locationId, l]));
    return {
      ...v,
      locations: locationRows.map((loc) => {
        const level = byLocation.get(loc.locationId);
        return { ...loc, onHand: level?.onHand ?? 0, reserved: level?.reserved ?? 0, available: level?.available ?? 0 };
      }),
    };
  });
}

export interface StockOverviewRow {
  productId: number;
  productName: string;
  brand: string;
  variantId: number;
  sku: string;
  size: string | null;
  color: string | null;
  /** Per location id: available and on hand (locations without a row are absent = 0). */
  stock: Record<number, { available: number; onHand: number }>;
  totalAvailable: number;
}

/**
 * One row per variant for the admin stock list, with stock per location. Search matches the product
 * name (both languages), brand or SKU. Returns one page plus the total count.
 */
export async function listStockOverview(
  db: DbOrTx,
  options: { search?: string; limit: number; offset: number; locale?: 'nl' | 'en' },
): Promise<{ rows: StockOverviewRow[]; total: number }> {
  const pattern = options.search?.trim() ? likePattern(options.search) : null;
  const where = pattern
    ? or(ilike(products.nameEn, pattern), ilike(products.nameNl, pattern), ilike(products.brand, pattern), ilike(variants.sku, pattern))
    : undefined;
  const name = options.locale === 'en' ? products.nameEn : products.nameNl;
  const [page, [{ total }]] = await Promise.all([
    db
      .select({
        productId: products.id,
        productName: name,
        brand: products.brand,
        variantId: variants.id,
        sku: variants.sku,
        size: variants.size,
        color: variants.color,
      })
      .from(variants)
      .innerJoin(products, eq(products.id, variants.productId))
      .where(where)
      .orderBy(asc(name), asc(variants.sku))
      .limit(options.limit)
      .offset(options.offset),
    db.select({ total: count() }).from(variants).innerJoin(products, eq(products.id, variants.productId)).where(where),
  ]);
  const levels = await getAvailability(db, page.map((r) => r.variantId));
  const rows = page.map((r) => {
    const stock: StockOverviewRow['stock'] = {};
    let totalAvailable = 0;
    for (const l of levels[r.variantId]) {
      stock[l.locationId] = { available: l.available, onHand: l.onHand };
      totalAvailable += l.available;
    }
    return { ...r, stock, totalAvailable };
  });
  return { rows, total: Number(total) };
}

export interface LedgerMismatch {
  variantId: number;
  locationId: number;
  onHand: number;
  reserved: number;
  ledgerOnHand: number;
  ledgerReserved: number;
}

/**
 * (variant, location) pairs whose stock level differs from the sum of its movements. Empty when the
 * ledger is whole; for tests and an ops health check.
 */
export async function ledgerMismatches(db: DbOrTx): Promise<LedgerMismatch[]> {
  const result = await db.execute(sql`
    select coalesce(l.variant_id, m.variant_id) as "variantId",
           coalesce(l.location_id, m.location_id) as "locationId",
           coalesce(l.on_hand, 0)::int as "onHand",
           coalesce(l.reserved, 0)::int as "reserved",
           coalesce(m.on_hand, 0)::int as "ledgerOnHand",
           coalesce(m.reserved, 0)::int as "ledgerReserved"
    from ${stockLevels} l
    full join (
      select variant_id, location_id, sum(on_hand_delta) as on_hand, sum(reserved_delta) as reserved
      from stock_movements group by variant_id, location_id
    ) m on m.variant_id = l.variant_id and m.location_id = l.location_id
    where coalesce(l.on_hand, 0) <> coalesce(m.on_hand, 0) or coalesce(l.reserved, 0) <> coalesce(m.reserved, 0)
    order by 1, 2`);
  return rowsOf<LedgerMismatch>(result).map((r) => ({
    variantId: Number(r.variantId),
    locationId: Number(r.locationId),
    onHand: Number(r.onHand),
    reserved: Number(r.reserved),
    ledgerOnHand: Number(r.ledgerOnHand),
    ledgerReserved: Number(r.ledgerReserved),
  }));
}
