import 'server-only';
import { sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '@/db/client';
import { orders } from '@/db/schema';
import type { Actor } from '@/lib/identity/queries';
import { assertAnalyticsAccess, type AnalyticsFilter } from './analytics-filter';
import { at, shopPeriod, type Period } from './analytics-sql';

export interface ChannelShareRow {
  /** First day of the week (Monday) or month, Amsterdam. */
  period: string;
  webOnly: number;
  storeOnly: number;
  omnichannel: number;
  customers: number;
}

/**
 * Customers who bought per week or month: web only, in a store only, or in both (omnichannel), from
 * their orders (cancelled ones left out; anonymous counter sales have no customer and do not count).
 * With a store filter: the customers who bought at that store in the period, each classified by all
 * their orders of the period.
 */
export async function channelShare(db: DbOrTx, actor: Actor, filter: AnalyticsFilter, period: Period): Promise<ChannelShareRow[]> {
  assertAnalyticsAccess(actor);
  const result = await db.execute(sql`
    select per.period,
      count(*) filter (where per.web and not per.store)::int as "webOnly",
      count(*) filter (where per.store and not per.web)::int as "storeOnly",
      count(*) filter (where per.web and per.store)::int as omnichannel,
      count(*)::int as customers
    from (
      select ${shopPeriod(orders.placedAt, period)} as period, ${orders.customerId},
        bool_or(${orders.channel} = 'web') as web, bool_or(${orders.channel} = 'store') as store,
        bool_or(${filter.storeId ? sql`${orders.stockLocationId} = ${filter.storeId}` : sql`true`}) as at_store
      from ${orders}
      where ${orders.customerId} is not null and ${orders.status} <> 'cancelled'
        and ${orders.placedAt} >= ${at(filter.fromInstant)} and ${orders.placedAt} < ${at(filter.toInstant)}
      group by 1, 2
    ) per
    where per.at_store
    group by per.period order by per.period`);
  return rowsOf<Record<keyof ChannelShareRow, string | number>>(result).map((r) => ({
    period: String(r.period),
    webOnly: Number(r.webOnly),
    storeOnly: Number(r.storeOnly),
    omnichannel: Number(r.omnichannel),
    customers: Number(r.customers),
  }));
}
