import 'server-only';
import { and, gte, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { orders } from '@/db/schema';
import { SHOP_TIME_ZONE, utcToZonedLocal, zonedLocalToUtc } from '@/lib/time/zoned';

/** Midnight of the shop's calendar day (Europe/Amsterdam) that contains `now`, as an instant. */
export function startOfShopDay(now: Date): Date {
  return zonedLocalToUtc(`${utcToZonedLocal(now, SHOP_TIME_ZONE).slice(0, 10)}T00:00`, SHOP_TIME_ZONE);
}

export interface ChannelDayTotals {
  /** Orders placed (not cancelled). */
  orders: number;
  /** Total of the orders that are paid (or further), VAT included. */
  revenueCents: number;
}

/** Orders placed since `since` per channel, in one query (admin dashboard). */
export async function ordersPerChannelSince(
  db: DbOrTx,
  since: Date,
): Promise<Record<'web' | 'store', ChannelDayTotals>> {
  const rows = await db
    .select({
      channel: orders.channel,
      orders: sql<number>`count(*)`.mapWith(Number),
      revenueCents:
        sql<number>`coalesce(sum(${orders.totalCents}) filter (where ${orders.status} <> 'pending_payment'), 0)`.mapWith(
          Number,
        ),
    })
    .from(orders)
    .where(and(gte(orders.placedAt, since), ne(orders.status, 'cancelled')))
    .groupBy(orders.channel);
  const result = { web: { orders: 0, revenueCents: 0 }, store: { orders: 0, revenueCents: 0 } };
  for (const row of rows) result[row.channel] = { orders: row.orders, revenueCents: row.revenueCents };
  return result;
}
