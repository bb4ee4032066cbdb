import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { getSetting } from '@/lib/settings/settings';

// THE one definition of "low stock", used by the dashboard card, the stock matrix and its filter:
// a variant is low at a location that carries it (has a stock_levels row) when its available units
// (on hand − reserved) are at or below that row's own threshold, or the shop-wide default
// (setting 'stock'.lowStockThreshold) when the row has none. A location without a row does not carry
// the variant and is never "low" there. Out of stock (0 available) is the lowest kind of low, and a
// variant with nothing available anywhere is low as a whole (even where no location carries it).

export type StockStatus = 'out' | 'low' | 'ok';

/** The shop-wide default threshold (setting 'stock'). */
export async function getDefaultLowStockThreshold(db: DbOrTx): Promise<number> {
  return (await getSetting(db, 'stock')).lowStockThreshold;
}

/** The threshold that applies to one stock position. */
export function effectiveThreshold(own: number | null | undefined, defaultThreshold: number): number {
  return own ?? defaultThreshold;
}

/** Out, low or ok for a stock position with `available` units and its own threshold (null = the default). */
export function stockStatus(available: number, own: number | null | undefined, defaultThreshold: number): StockStatus {
  if (available <= 0) return 'out';
  return available <= effectiveThreshold(own, defaultThreshold) ? 'low' : 'ok';
}

/**
 * The same rule in SQL, for a stock_levels row aliased `alias` (plain SQL names: drizzle leaves columns
 * unqualified inside sub-selects). True for 'low' and 'out'.
 */
export function isLowSql(alias: string, defaultThreshold: number): SQL {
  const a = sql.raw(alias);
  return sql`(${a}.on_hand - ${a}.reserved) <= coalesce(${a}.low_stock_threshold, ${defaultThreshold})`;
}

/** SQL: the variant (outer `"variants"."id"`) is low at a location that carries it, or has none available anywhere. */
export function variantLowSomewhereSql(defaultThreshold: number): SQL {
  return sql`(exists (select 1 from stock_levels ls where ls.variant_id = "variants"."id" and ${isLowSql('ls', defaultThreshold)})
    or (select coalesce(sum(lt.on_hand - lt.reserved), 0) from stock_levels lt where lt.variant_id = "variants"."id") <= 0)`;
}

/** The same for one variant already loaded: its positions' statuses and its total available. */
export function isVariantLow(statuses: StockStatus[], totalAvailable: number): boolean {
  return totalAvailable <= 0 || statuses.some((s) => s !== 'ok');
}
