import 'server-only';
import { and, eq, gte, lt, ne, notInArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { rowsOf, type DbOrTx } from '@/db/client';
import { locations, orders, payments, refunds, returns } from '@/db/schema';
import type { Actor } from '@/lib/identity/queries';
import { isExchangeOrder, isExchangePayment } from '@/lib/returns/exchange-payment';
import { assertAnalyticsAccess, type AnalyticsFilter } from './analytics-filter';
import { shopDay } from './analytics-sql';

export interface SalesRow {
  /** Amsterdam day 'YYYY-MM-DD'. */
  day: string;
  channel: 'web' | 'store';
  locationId: number;
  locationName: string;
  orders: number;
  exchanges: number;
  soldCents: number;
  refundedCents: number;
  exchangedCents: number;
  /** soldCents − refundedCents − exchangedCents. */
  netCents: number;
}

const zero = sql<number>`0::bigint`;

/**
 * Net sales per day, channel and store, by the rule of the dashboard (lib/orders/dashboard-queries.ts
 * `ordersPerChannelSince`): paid order totals, minus refunds on the day they were made, minus the goods
 * taken back in an exchange on the day of the exchange, each in the channel and store (the order's
 * stock location) it was sold in. The three parts are grouped in one SQL statement.
 */
export async function salesByChannelStoreDay(db: DbOrTx, actor: Actor, filter: AnalyticsFilter): Promise<SalesRow[]> {
  assertAnalyticsAccess(actor);
  const atStore = (column: SQL | typeof orders.stockLocationId): SQL | undefined =>
    filter.storeId ? sql`${column} = ${filter.storeId}` : undefined;
  const exchangeOrders = alias(orders, 'exchange_orders');

  const sold = db
    .select({
      day: shopDay(orders.placedAt).as('day'),
      channel: sql<string>`${orders.channel}`.as('channel'),
      locationId: sql<number>`${orders.stockLocationId}`.as('location_id'),
      orders: sql<number>`count(*) filter (where not ${isExchangeOrder})`.as('orders'),
      exchanges: sql<number>`count(*) filter (where ${isExchangeOrder})`.as('exchanges'),
      soldCents: sql<number>`coalesce(sum(${orders.totalCents}) filter (where ${orders.status} <> 'pending_payment'), 0)::bigint`.as('sold_cents'),
      refundedCents: zero.as('refunded_cents'),
      exchangedCents: zero.as('exchanged_cents'),
    })
    .from(orders)
    .where(and(gte(orders.placedAt, filter.fromInstant), lt(orders.placedAt, filter.toInstant), ne(orders.status, 'cancelled'), atStore(orders.stockLocationId)))
    .groupBy(sql`1`, orders.channel, orders.stockLocationId);

  const refunded = db
    .select({
      day: shopDay(refunds.createdAt).as('day'),
      channel: sql<string>`${orders.channel}`.as('channel'),
      locationId: sql<number>`${orders.stockLocationId}`.as('location_id'),
      orders: zero.as('orders'),
      exchanges: zero.as('exchanges'),
      soldCents: zero.as('sold_cents'),
      refundedCents: sql<number>`coalesce(sum(${refunds.amountCents}), 0)::bigint`.as('refunded_cents'),
      exchangedCents: zero.as('exchanged_cents'),
    })
    .from(refunds)
    .innerJoin(orders, eq(orders.id, refunds.orderId))
    .where(
      and(
        gte(refunds.createdAt, filter.fromInstant),
        lt(refunds.createdAt, filter.toInstant),
        ne(refunds.status, 'failed'),
        ne(orders.status, 'cancelled'),
        atStore(orders.stockLocationId),
      ),
    )
    .groupBy(sql`1`, orders.channel, orders.stockLocationId);

  // The part of each exchange order paid by the returned goods, in the channel and store they were sold in.
  const exchanged = db
    .select({
      day: shopDay(exchangeOrders.placedAt).as('day'),
      channel: sql<string>`${orders.channel}`.as('channel'),
      locationId: sql<number>`${orders.stockLocationId}`.as('location_id'),
      orders: zero.as('orders'),
      exchanges: zero.as('exchanges'),
      soldCents: zero.as('sold_cents'),
      refundedCents: zero.as('refunded_cents'),
      exchangedCents: sql<number>`coalesce(sum(${payments.amountCents}), 0)::bigint`.as('exchanged_cents'),
    })
    .from(payments)
    .innerJoin(exchangeOrders, eq(exchangeOrders.id, payments.orderId))
    .innerJoin(returns, eq(returns.exchangeOrderId, exchangeOrders.id))
    .innerJoin(orders, eq(orders.id, returns.orderId))
    .where(
      and(
        isExchangePayment,
        eq(payments.status, 'succeeded'),
        gte(exchangeOrders.placedAt, filter.fromInstant),
        lt(exchangeOrders.placedAt, filter.toInstant),
        notInArray(exchangeOrders.status, ['pending_payment', 'cancelled']),
        atStore(orders.stockLocationId),
      ),
    )
    .groupBy(sql`1`, orders.channel, orders.stockLocationId);

  const result = await db.execute(sql`
    select parts.day, parts.channel, parts.location_id as "locationId", l.name as "locationName",
      sum(parts.orders)::int as orders, sum(parts.exchanges)::int as exchanges,
      sum(parts.sold_cents)::bigint as "soldCents", sum(parts.refunded_cents)::bigint as "refundedCents",
      sum(parts.exchanged_cents)::bigint as "exchangedCents",
      (sum(parts.sold_cents) - sum(parts.refunded_cents) - sum(parts.exchanged_cents))::bigint as "netCents"
    from (${sold} union all ${refunded} union all ${exchanged}) parts
    join ${locations} l on l.id = parts.location_id
    group by parts.day, parts.channel, parts.location_id, l.name
    order by parts.day, parts.channel::text, l.name`);
  return rowsOf<Record<keyof SalesRow, string | number>>(result).map((r) => ({
    day: String(r.day),
    channel: r.channel as SalesRow['channel'],
    locationId: Number(r.locationId),
    locationName: String(r.locationName),
    orders: Number(r.orders),
    exchanges: Number(r.exchanges),
    soldCents: Number(r.soldCents),
    refundedCents: Number(r.refundedCents),
    exchangedCents: Number(r.exchangedCents),
    netCents: Number(r.netCents),
  }));
}
