import { and, eq, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { priceChanges, variants } from '@/db/schema';

/**
 * The catalog price (cents, VAT included) of a variant at `now`, as one SQL expression: the latest
 * started, not cancelled scheduled change (price_changes), else `variants.price_cents`.
 *
 * Every read of a price that is charged or shown — web cart, checkout, counter search and scan,
 * product page, cards, promotion previews — selects this expression with the same `now` it hands
 * to lib/pricing, so all channels switch at the same instant (startsAt − 1 ms: old, startsAt: new)
 * and priceCart stays pure. Use it in a query that has `variants` in its FROM clause.
 */
/**
 * The outer row's variant id, always qualified: in a select from `variants` alone drizzle renders the
 * column as a bare "id", which inside the sub-select would mean price_changes.id.
 */
export const VARIANT_ID = sql.raw('"variants"."id"');

export function effectivePriceCents(now: Date): SQL<number> {
  // The instant as ISO text cast to timestamptz: the same on postgres.js and PGlite, no driver Date handling.
  const at = now.toISOString();
  return sql<number>`coalesce((
    select pc.price_cents from price_changes pc
    where pc.variant_id = ${VARIANT_ID} and pc.cancelled_at is null and pc.starts_at <= ${at}::timestamptz
    order by pc.starts_at desc, pc.id desc
    limit 1
  ), ${variants.priceCents})`.mapWith(Number);
}

/**
 * A new base price takes effect at once: scheduled changes that have already started would keep
 * overriding it (effectivePriceCents), so they end now. Changes still to come stay scheduled.
 */
export async function endStartedPriceChanges(tx: DbOrTx, variantId: number, now: Date): Promise<void> {
  await tx
    .update(priceChanges)
    .set({ cancelledAt: now, updatedAt: now })
    .where(and(eq(priceChanges.variantId, variantId), isNull(priceChanges.cancelledAt), lte(priceChanges.startsAt, now)));
}
