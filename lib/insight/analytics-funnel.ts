import 'server-only';
import { sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '@/db/client';
import { customerEvents } from '@/db/schema';
import type { Actor } from '@/lib/identity/queries';
import { assertAnalyticsAccess, type AnalyticsFilter } from './analytics-filter';
import { at } from './analytics-sql';

export interface FunnelCounts {
  /** Distinct people (customer, else visitor, else cart / order) who did the step in the period. */
  views: number;
  carts: number;
  checkouts: number;
  orders: number;
  /** Share (%) of the previous step's people not seen at this step, one decimal; null when the previous step is 0. */
  cartDropOff: number | null;
  checkoutDropOff: number | null;
  orderDropOff: number | null;
}

export interface ChannelFunnelRow extends FunnelCounts {
  channel: 'web' | 'store';
}

export interface SourceFunnelRow extends FunnelCounts {
  /** utm_source of the visit; '' when the visit had none (direct). */
  source: string;
  /** utm_campaign of the visit; '' when none. */
  campaign: string;
}

// Who did it: linked events carry the customer; before identification the visitor cookie; an anonymous
// counter sale only its cart or order.
const PERSON = `coalesce('c:' || e.customer_id::text, 'v:' || e.visitor_id, 'k:' || e.cart_id::text, 'o:' || e.order_id::text)`;
const STEPS = sql.raw(`
  count(distinct ${PERSON}) filter (where e.type = 'product_view')::int as views,
  count(distinct ${PERSON}) filter (where e.type = 'add_to_cart')::int as carts,
  count(distinct ${PERSON}) filter (where e.type = 'checkout_started')::int as checkouts,
  count(distinct ${PERSON}) filter (where e.type in ('order_placed', 'counter_sale'))::int as orders`);

function dropOffs(step: string, previous: string): string {
  return `case when f.${previous} > 0 then round(100.0 * (f.${previous} - least(f.${step}, f.${previous})) / f.${previous}, 1) end`;
}

const DROPS = sql.raw(`${dropOffs('carts', 'views')} as "cartDropOff", ${dropOffs('checkouts', 'carts')} as "checkoutDropOff",
  ${dropOffs('orders', 'checkouts')} as "orderDropOff"`);

function inPeriod(filter: AnalyticsFilter) {
  return sql`e.occurred_at >= ${at(filter.fromInstant)} and e.occurred_at < ${at(filter.toInstant)}
    and e.type in ('product_view', 'add_to_cart', 'checkout_started', 'order_placed', 'counter_sale')
    ${filter.storeId ? sql`and e.location_id = ${filter.storeId}` : sql``}`;
}

const counts = (r: Record<string, unknown>): FunnelCounts => ({
  views: Number(r.views),
  carts: Number(r.carts),
  checkouts: Number(r.checkouts),
  orders: Number(r.orders),
  cartDropOff: r.cartDropOff == null ? null : Number(r.cartDropOff),
  checkoutDropOff: r.checkoutDropOff == null ? null : Number(r.checkoutDropOff),
  orderDropOff: r.orderDropOff == null ? null : Number(r.orderDropOff),
});

/**
 * The funnel view → cart → checkout → order per channel over `customer_events`: distinct people per
 * step in the period, and the drop-off from each step to the next (an order at the counter is its
 * counter sale). With a store filter, only the events at that store count (web events have none).
 */
export async function funnelByChannel(db: DbOrTx, actor: Actor, filter: AnalyticsFilter): Promise<ChannelFunnelRow[]> {
  assertAnalyticsAccess(actor);
  const result = await db.execute(sql`
    select f.*, ${DROPS} from (
      select e.channel, ${STEPS} from ${customerEvents} e where ${inPeriod(filter)} group by e.channel
    ) f order by f.channel::text`);
  return rowsOf<Record<string, unknown>>(result).map((r) => ({ channel: r.channel as ChannelFunnelRow['channel'], ...counts(r) }));
}

/** The same funnel per source and campaign of the visit (utm_source / utm_campaign), most people first. */
export async function funnelBySource(db: DbOrTx, actor: Actor, filter: AnalyticsFilter): Promise<SourceFunnelRow[]> {
  assertAnalyticsAccess(actor);
  const result = await db.execute(sql`
    select f.*, ${DROPS} from (
      select coalesce(e.utm_source, '') as source, coalesce(e.utm_campaign, '') as campaign, ${STEPS}
      from ${customerEvents} e where ${inPeriod(filter)} group by 1, 2
    ) f order by f.views desc, f.orders desc, f.source, f.campaign`);
  return rowsOf<Record<string, unknown>>(result).map((r) => ({ source: String(r.source), campaign: String(r.campaign), ...counts(r) }));
}
