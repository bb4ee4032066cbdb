import 'server-only';
import { sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '@/db/client';
import { satisfactionResponses } from '@/db/schema';
import type { Actor } from '@/lib/identity/queries';
import { assertAnalyticsAccess, type AnalyticsFilter } from './analytics-filter';
import { at, shopPeriod } from './analytics-sql';

export interface SatisfactionRow {
  /** Monday of the week (Amsterdam). */
  week: string;
  channel: 'web' | 'store';
  responses: number;
  /** Average score 1–5, two decimals. */
  averageScore: number;
}

/** Satisfaction per channel per week: the survey answers given in the period (store filter: the answer's store). */
export async function satisfactionByChannelWeek(db: DbOrTx, actor: Actor, filter: AnalyticsFilter): Promise<SatisfactionRow[]> {
  assertAnalyticsAccess(actor);
  const s = satisfactionResponses;
  const result = await db.execute(sql`
    select ${shopPeriod(s.createdAt, 'week')} as week, ${s.channel} as channel, count(*)::int as responses,
      round(avg(${s.score}), 2) as "averageScore"
    from ${s}
    where ${s.createdAt} >= ${at(filter.fromInstant)} and ${s.createdAt} < ${at(filter.toInstant)}
      ${filter.storeId ? sql`and ${s.locationId} = ${filter.storeId}` : sql``}
    group by 1, 2 order by 1, ${s.channel}::text`);
  return rowsOf<Record<keyof SatisfactionRow, string | number>>(result).map((r) => ({
    week: String(r.week),
    channel: r.channel as SatisfactionRow['channel'],
    responses: Number(r.responses),
    averageScore: Number(r.averageScore),
  }));
}
