import 'server-only';
import { and, count, desc, eq, gte, ilike, lt, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { locations, products, stockMovementReason, stockMovements, users, variants, type StockMovementReason } from '@/db/schema';
import { likePattern } from '@/lib/catalog/search';
import { zonedLocalToUtc } from '@/lib/time/zoned';

export const MOVEMENT_REASONS = stockMovementReason.enumValues;

export interface LedgerFilter {
  /** SKU, EAN or product name (part of it). */
  search?: string;
  locationId?: number;
  reason?: StockMovementReason;
  /** Shop-local calendar days (Europe/Amsterdam), inclusive. */
  from?: string;
  to?: string;
}

export interface LedgerRow {
  id: number;
  createdAt: Date;
  sku: string;
  productName: string;
  locationName: string;
  reason: StockMovementReason;
  adjustmentReason: string | null;
  onHandDelta: number;
  reservedDelta: number;
  reference: string | null;
  note: string | null;
  actorName: string | null;
}

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

/** The day after a YYYY-MM-DD, as YYYY-MM-DD (calendar arithmetic in UTC is exact for dates). */
function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function whereOf(filter: LedgerFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (filter.search?.trim()) {
    const pattern = likePattern(filter.search);
    conditions.push(or(ilike(variants.sku, pattern), ilike(variants.ean, pattern), ilike(products.nameEn, pattern), ilike(products.nameNl, pattern)));
  }
  if (filter.locationId) conditions.push(eq(stockMovements.locationId, filter.locationId));
  if (filter.reason) conditions.push(eq(stockMovements.reason, filter.reason));
  if (filter.from && DAY_RE.test(filter.from)) conditions.push(gte(stockMovements.createdAt, zonedLocalToUtc(`${filter.from}T00:00`)));
  if (filter.to && DAY_RE.test(filter.to)) conditions.push(lt(stockMovements.createdAt, zonedLocalToUtc(`${nextDay(filter.to)}T00:00`)));
  return and(...conditions);
}

function select(db: DbOrTx, locale: 'nl' | 'en') {
  return db
    .select({
      id: stockMovements.id,
      createdAt: stockMovements.createdAt,
      sku: variants.sku,
      productName: locale === 'en' ? products.nameEn : products.nameNl,
      locationName: locations.name,
      reason: stockMovements.reason,
      adjustmentReason: stockMovements.adjustmentReason,
      onHandDelta: stockMovements.onHandDelta,
      reservedDelta: stockMovements.reservedDelta,
      reference: stockMovements.reference,
      note: stockMovements.note,
      actorName: users.name,
    })
    .from(stockMovements)
    .innerJoin(variants, eq(variants.id, stockMovements.variantId))
    .innerJoin(products, eq(products.id, variants.productId))
    .innerJoin(locations, eq(locations.id, stockMovements.locationId))
    .leftJoin(users, eq(users.id, stockMovements.actorUserId));
}

/** One page of the stock ledger, newest first, with the total for the filter. */
export async function listLedger(
  db: DbOrTx,
  filter: LedgerFilter,
  page: { limit: number; offset: number; locale: 'nl' | 'en' },
): Promise<{ rows: LedgerRow[]; total: number }> {
  const where = whereOf(filter);
  const [rows, [{ total }]] = await Promise.all([
    select(db, page.locale).where(where).orderBy(desc(stockMovements.createdAt), desc(stockMovements.id)).limit(page.limit).offset(page.offset),
    db
      .select({ total: count() })
      .from(stockMovements)
      .innerJoin(variants, eq(variants.id, stockMovements.variantId))
      .innerJoin(products, eq(products.id, variants.productId))
      .where(where),
  ]);
  return { rows: rows as LedgerRow[], total: Number(total) };
}

/** Every movement of the filter for the CSV export, newest first, read in pages of `batch`. */
export async function* ledgerRowsForExport(db: DbOrTx, filter: LedgerFilter, locale: 'nl' | 'en', batch = 1000): AsyncGenerator<LedgerRow[]> {
  const where = whereOf(filter);
  for (let offset = 0; ; offset += batch) {
    const rows = await select(db, locale).where(where).orderBy(desc(stockMovements.createdAt), desc(stockMovements.id)).limit(batch).offset(offset);
    if (rows.length === 0) return;
    yield rows as LedgerRow[];
    if (rows.length < batch) return;
  }
}
