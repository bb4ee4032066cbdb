import 'server-only';
import { sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '@/db/client';
import { orders, promotions } from '@/db/schema';
import type { Actor } from '@/lib/identity/queries';
import { assertAnalyticsAccess, type AnalyticsFilter } from './analytics-filter';
import { at } from './analytics-sql';

export interface PromotionRow {
  promotionId: number;
  name: string;
  /** Orders that got this promotion (paid, not cancelled). */
  orders: number;
  /** What the promotion took off those orders (items, order and shipping), from the order's savings snapshot. */
  discountCents: number;
  /** The totals of those orders (what the customers paid, VAT and shipping included). */
  revenueCents: number;
}

/**
 * Promotion performance from what each order recorded when it was priced (orders.savings, one entry
 * per saving): per promotion the orders, the discount given and the orders' revenue. Orders placed
 * in the period, not cancelled and not awaiting payment; the store filter is the order's stock location.
 */
export async function promotionPerformance(db: DbOrTx, actor: Actor, filter: AnalyticsFilter): Promise<PromotionRow[]> {
  assertAnalyticsAccess(actor);
  const result = await db.execute(sql`
    select x.promotion_id as "promotionId", coalesce(p.name, max(x.title)) as name, count(*)::int as orders,
      sum(x.discount)::bigint as "discountCents", sum(x.total)::bigint as "revenueCents"
    from (
      select o.id, (s.value->>'promotionId')::int as promotion_id, max(s.value->'title'->>'en') as title,
        sum((s.value->>'amountCents')::int) as discount, max(o.total_cents) as total
      from ${orders} o cross join lateral jsonb_array_elements(o.savings) s(value)
      where s.value->>'source' = 'promotion' and s.value->>'promotionId' is not null
        and o.status not in ('cancelled', 'pending_payment')
        and o.placed_at >= ${at(filter.fromInstant)} and o.placed_at < ${at(filter.toInstant)}
        ${filter.storeId ? sql`and o.stock_location_id = ${filter.storeId}` : sql``}
      group by o.id, 2
    ) x
    left join ${promotions} p on p.id = x.promotion_id
    group by x.promotion_id, p.name
    order by sum(x.discount) desc, x.promotion_id`);
  return rowsOf<Record<keyof PromotionRow, string | number>>(result).map((r) => ({
    promotionId: Number(r.promotionId),
    name: String(r.name),
    orders: Number(r.orders),
    discountCents: Number(r.discountCents),
    revenueCents: Number(r.revenueCents),
  }));
}
