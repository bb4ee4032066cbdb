import 'server-only';
import { and, gte, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { orders, refunds } from '@/db/schema';
import { SHOP_TIME_ZONE, utcToZonedLocal, zonedLocalToUtc } from '@/lib/time/zoned';

/** Midnight of the shop's calendar day (Europe/Amsterdam) that contains `now`, as an instant. */
export function startOfShopDay(now: Date): Date {
  return zonedLocalToUtc(`${utcToZonedLocal(now, SHOP_TIME_ZONE).slice(0, 10)}T00:00`, SHOP_TIME_ZONE);
}

export interface ChannelDayTotals {
  /** Orders placed (not cancelled). */
  orders: number;
  /** What was sold since then net of what was refunded since then: paid order totals − refunds, VAT included. */
  revenueCents: number;
  /** Refunds made since then on orders of this channel (pending or succeeded; a failed one gave nothing back). */
  refundedCents: number;
}

/**
 * Orders placed since `since` per channel and the sales net of refunds (admin dashboard). A refund
 * counts on the day it is made, in the channel the goods were sold in (a web order returned at a
 * counter lowers web sales), so the figure is what the shop kept today. Refunds of a cancelled order
 * are left out: its total never counted as a sale.
 */
export async function ordersPerChannelSince(
  db: DbOrTx,
  since: Date,
): Promise<Record<'web' | 'store', ChannelDayTotals>> {
  const [sold, refunded] = await Promise.all([
    db
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
      .groupBy(orders.channel),
    db
      .select({ channel: orders.channel, cents: sql<number>`coalesce(sum(${refunds.amountCents}), 0)`.mapWith(Number) })
      .from(refunds)
      .innerJoin(orders, sql`${orders.id} = ${refunds.orderId}`)
      .where(and(gte(refunds.createdAt, since), ne(refunds.status, 'failed'), ne(orders.status, 'cancelled')))
      .groupBy(orders.channel),
  ]);
  const result = {
    web: { orders: 0, revenueCents: 0, refundedCents: 0 },
    store: { orders: 0, revenueCents: 0, refundedCents: 0 },
  };
  for (const row of sold) result[row.channel] = { ...result[row.channel], orders: row.orders, revenueCents: row.revenueCents };
  for (const row of refunded) {
    result[row.channel].refundedCents = row.cents;
    result[row.channel].revenueCents -= row.cents;
  }
  return result;
}
