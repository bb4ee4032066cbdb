import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { SHOP_TIME_ZONE } from '@/lib/time/zoned';

/** SQL: the shop's (Amsterdam) calendar day of an instant, as 'YYYY-MM-DD'. */
export const shopDay = (instant: SQLWrapper): SQL<string> =>
  sql<string>`to_char(${instant} at time zone ${sql.raw(`'${SHOP_TIME_ZONE}'`)}, 'YYYY-MM-DD')`;

export type Period = 'week' | 'month';

/** SQL: the first day (Amsterdam) of the ISO week (Monday) or month of an instant, as 'YYYY-MM-DD'. */
export const shopPeriod = (instant: SQLWrapper, period: Period): SQL<string> =>
  sql<string>`to_char(date_trunc(${sql.raw(`'${period === 'week' ? 'week' : 'month'}'`)}, ${instant} at time zone ${sql.raw(`'${SHOP_TIME_ZONE}'`)}), 'YYYY-MM-DD')`;

/** SQL: an instant as a parameter. Raw `sql` passes a Date as is, which postgres-js cannot bind; an ISO string can. */
export const at = (instant: Date): SQL => sql`${instant.toISOString()}::timestamptz`;
