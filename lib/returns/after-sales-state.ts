import { sql, type SQL } from 'drizzle-orm';
import { orderLines, orders, returnLines, returns } from '@/db/schema';

/**
 * What came back of an order, read from its returns (never stored: no status of its own to drift):
 * 'returned' when every unit bought is back, 'partly_returned' when some are; '…exchanged' when each
 * return that brought them back was an exchange. Only goods that arrived count (received, refunded or
 * closed returns); a return still requested or in transit leaves the order as it was. null: nothing back.
 */
export const AFTER_SALES_STATES = ['returned', 'partly_returned', 'exchanged', 'partly_exchanged'] as const;
export type AfterSalesState = (typeof AFTER_SALES_STATES)[number];

/**
 * SQL: the after-sales state of the row of `orders` in the surrounding query (see AfterSalesState), one
 * correlated subquery. Written with its own aliases and "orders".id spelled out: drizzle prints a
 * single-table query's columns unqualified, which inside a subquery would name the inner tables' id.
 */
export const afterSalesState: SQL<AfterSalesState | null> = sql<AfterSalesState | null>`(
  select case
    when coalesce(sum(rl.quantity), 0) = 0 then null
    when sum(rl.quantity) >= (select sum(ol.quantity) from ${orderLines} ol where ol.order_id = ${orders}.id)
      then case when bool_and(r.exchange_order_id is not null) then 'exchanged' else 'returned' end
    else case when bool_and(r.exchange_order_id is not null) then 'partly_exchanged' else 'partly_returned' end
  end
  from ${returnLines} rl inner join ${returns} r on r.id = rl.return_id
  where r.order_id = ${orders}.id and r.status in ('received', 'refunded', 'closed')
)`;
