import 'server-only';
import { and, eq, gte, ne, notInArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import { orders, payments, refunds, returns } from '@/db/schema';
import { isExchangeOrder, isExchangePayment } from '@/lib/returns/exchange-payment';
import { SHOP_TIME_ZONE, utcToZonedLocal, zonedLocalToUtc } from '@/lib/time/zoned';

/** Midnight of the shop's calendar day (Europe/Amsterdam) that contains `now`, as an instant. */
export function startOfShopDay(now: Date): Date {
  return zonedLocalToUtc(`${utcToZonedLocal(now, SHOP_TIME_ZONE).slice(0, 10)}T00:00`, SHOP_TIME_ZONE);
}

export interface ChannelDayTotals {
  /** Orders placed (not cancelled), exchange orders left out: those are counted as exchanges. */
  orders: number;
  /** Exchange orders placed in this channel (the replacement goods of an exchange at a counter). */
  exchanges: number;
  /** Net sales: paid order totals − refunds − goods taken back in exchanges, VAT and shipping included. */
  revenueCents: number;
  /** Refunds made since then on orders of this channel (pending or succeeded; a failed one gave nothing back). */
  refundedCents: number;
  /** Goods of orders of this channel taken back since then in an exchange, valued at what was paid for them. */
  exchangedCents: number;
}

/**
 * Net sales, the rule of these figures: what was sold (paid order totals, VAT and shipping included)
 * minus what came back, counted on the day it came back, in the channel it was sold in (a web order
 * returned at a counter lowers web sales), so the figure is what the shop kept today.
 * - A refund gives money back for goods (or shipping) that came back, whatever its method.
 * - An exchange gives goods for goods: the returned units are taken off the order they were bought
 *   on (its credit note; exchangedCents = the exchange order's 'exchange' payment), and the
 *   replacement is sold on the exchange order in the store (its invoice). The same pair of shoes
 *   counts once, in the channel that sold it last; the exchange is not a new order.
 * - Store credit is a means of payment, not revenue. A refund to store credit is a refund (the goods
 *   came back: sales go down); spending the credit pays for a new sale, which counts once, as that
 *   sale. The unspent credit is owed to the customer and is never sales: counting the credit itself
 *   as well (when issued or when spent) would count the same goods twice.
 * Refunds of a cancelled order are left out: its total never counted as a sale. An exchange counts
 * once its order is settled (not while the difference is still to pay), so both sides move together.
 */
export async function ordersPerChannelSince(
  db: DbOrTx,
  since: Date,
): Promise<Record<'web' | 'store', ChannelDayTotals>> {
  const exchangeOrders = alias(orders, 'exchange_orders');
  const [sold, refunded, exchanged] = await Promise.all([
    db
      .select({
        channel: orders.channel,
        orders: sql<number>`count(*) filter (where not ${isExchangeOrder})`.mapWith(Number),
        exchanges: sql<number>`count(*) filter (where ${isExchangeOrder})`.mapWith(Number),
        soldCents:
          sql<number>`coalesce(sum(${orders.totalCents}) filter (where ${orders.status} <> 'pending_payment'), 0)`.mapWith(
            Number,
          ),
      })
      .from(orders)
      .where(and(gte(orders.placedAt, since), ne(orders.status, 'cancelled')))
      .groupBy(orders.channel),
    db
      .select({
        channel: orders.channel,
        cents: sql<number>`coalesce(sum(${refunds.amountCents}), 0)`.mapWith(Number),
      })
      .from(refunds)
      .innerJoin(orders, eq(orders.id, refunds.orderId))
      .where(and(gte(refunds.createdAt, since), ne(refunds.status, 'failed'), ne(orders.status, 'cancelled')))
      .groupBy(orders.channel),
    // The part of each exchange order paid by the returned goods, in the channel of the order they came from.
    db
      .select({
        channel: orders.channel,
        cents: sql<number>`coalesce(sum(${payments.amountCents}), 0)`.mapWith(Number),
      })
      .from(payments)
      .innerJoin(exchangeOrders, eq(exchangeOrders.id, payments.orderId))
      .innerJoin(returns, eq(returns.exchangeOrderId, exchangeOrders.id))
      .innerJoin(orders, eq(orders.id, returns.orderId))
      .where(
        and(
          isExchangePayment,
          eq(payments.status, 'succeeded'),
          gte(exchangeOrders.placedAt, since),
          notInArray(exchangeOrders.status, ['pending_payment', 'cancelled']),
        ),
      )
      .groupBy(orders.channel),
  ]);
  const empty = (): ChannelDayTotals => ({
    orders: 0,
    exchanges: 0,
    revenueCents: 0,
    refundedCents: 0,
    exchangedCents: 0,
  });
  const result = { web: empty(), store: empty() };
  for (const row of sold)
    Object.assign(result[row.channel], {
      orders: row.orders,
      exchanges: row.exchanges,
      revenueCents: row.soldCents,
    });
  for (const row of refunded) result[row.channel].refundedCents = row.cents;
  for (const row of exchanged) result[row.channel].exchangedCents = row.cents;
  for (const totals of Object.values(result))
    totals.revenueCents -= totals.refundedCents + totals.exchangedCents;
  return result;
}
