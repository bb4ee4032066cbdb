import { eq, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '@/db/client';
import { customerSegments, type CustomerSegment } from '@/db/schema';

/**
 * Customer segments (S14), computed in SQL from the customer's orders that were not cancelled, in every
 * channel (web orders of any status but cancelled — a pending payment counts, as it does for "first
 * order" — and counter sales):
 * - web_only / store_only / omnichannel: the channels those orders were placed in (one of the three);
 * - new: exactly one order that is not lapsed, or a first order in the last 30 days;
 * - loyal: a repeat buyer, two orders or more;
 * - lapsed: no order in the last 180 days, but earlier ones.
 * A customer without orders has no segment. Kept in customer_segments: recomputed in the transaction
 * of each order (placeOrder, so counter sales too), on a cancellation, on a merge of two profiles, and
 * by the segments job, which catches the customers who lapse (or stop being new) as time passes.
 */

export const SEGMENTS: readonly CustomerSegment[] = ['web_only', 'store_only', 'omnichannel', 'new', 'loyal', 'lapsed'];
export const NEW_DAYS = 30;
export const LAPSED_DAYS = 180;

/** The segments expression over an aggregate of one customer's orders (n, web, store, first_at, last_at). */
function segmentsOf(now: Date): SQL {
  const at = now.toISOString();
  const lapsed = sql`(n > 0 and last_at < ${at}::timestamptz - interval '${sql.raw(String(LAPSED_DAYS))} days')`;
  return sql`array_remove(array[
      case when web and not store then 'web_only' end,
      case when store and not web then 'store_only' end,
      case when web and store then 'omnichannel' end,
      case when (n = 1 and not ${lapsed}) or first_at >= ${at}::timestamptz - interval '${sql.raw(String(NEW_DAYS))} days' then 'new' end,
      case when n >= 2 then 'loyal' end,
      case when ${lapsed} then 'lapsed' end
    ], null)::customer_segment[]`;
}

const ORDER_FACTS = sql`count(*)::int as n, coalesce(bool_or(channel = 'web'), false) as web,
  coalesce(bool_or(channel = 'store'), false) as store, min(placed_at) as first_at, max(placed_at) as last_at`;

/**
 * Recomputes one customer's segments: ONE statement (an aggregate over their orders, upserted), cheap
 * enough for the order's own transaction. Returns the segments now stored.
 */
export async function recomputeCustomerSegments(db: DbOrTx, customerId: number, now: Date = new Date()): Promise<CustomerSegment[]> {
  const rows = rowsOf<{ segments: CustomerSegment[] | string }>(
    await db.execute(sql`
      insert into customer_segments (customer_id, segments, computed_at)
      select ${customerId}::int, ${segmentsOf(now)}, ${now.toISOString()}::timestamptz
      from (select ${ORDER_FACTS} from orders where customer_id = ${customerId} and status <> 'cancelled') f
      on conflict (customer_id) do update set segments = excluded.segments, computed_at = excluded.computed_at
      returning segments`),
  );
  return parseSegments(rows[0]?.segments);
}

/**
 * Recomputes every customer with orders whose segments changed (the job's batch: time moves customers
 * into lapsed and out of new). ONE statement; returns how many customers changed.
 */
export async function recomputeAllSegments(db: DbOrTx, now: Date = new Date()): Promise<number> {
  const rows = rowsOf<{ customer_id: number }>(
    await db.execute(sql`
      insert into customer_segments (customer_id, segments, computed_at)
      select customer_id, ${segmentsOf(now)}, ${now.toISOString()}::timestamptz
      from (select customer_id, ${ORDER_FACTS} from orders where customer_id is not null and status <> 'cancelled' group by customer_id) f
      on conflict (customer_id) do update set segments = excluded.segments, computed_at = excluded.computed_at
        where customer_segments.segments is distinct from excluded.segments
      returning customer_id`),
  );
  return rows.length;
}

/** The stored segments of a customer (empty when none yet), in the fixed order of SEGMENTS. */
export async function getCustomerSegments(db: DbOrTx, customerId: number): Promise<CustomerSegment[]> {
  const [row] = await db.select({ segments: customerSegments.segments }).from(customerSegments).where(eq(customerSegments.customerId, customerId));
  return parseSegments(row?.segments);
}

/** A Postgres array as either driver returns it (an array, or '{a,b}' text for an enum array). */
function parseSegments(value: CustomerSegment[] | string | null | undefined): CustomerSegment[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.replace(/^\{|\}$/g, '').split(',').filter(Boolean) : [];
  return SEGMENTS.filter((s) => (list as string[]).includes(s));
}
