import 'server-only';
import { and, asc, desc, eq, gte, lt, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { customers, locations, orders, satisfactionResponses } from '@/db/schema';
import { utcToZonedLocal, zonedLocalToUtc } from '@/lib/time/zoned';
import { LOW_SCORE } from './satisfaction';

// The admin's satisfaction figures (S12): all computed in SQL, over the responses of a date range
// (days in the shop's time zone, both ends included).

export interface SatisfactionRange {
  /** 'YYYY-MM-DD', first day included. */
  from: string;
  /** 'YYYY-MM-DD', last day included. */
  to: string;
}

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 24 * 60 * 60_000;

function validDay(day: string): boolean {
  if (!DAY_RE.test(day)) return false;
  try {
    zonedLocalToUtc(`${day}T00:00`);
    return true;
  } catch {
    return false;
  }
}

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T12:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/**
 * The range the page asked for: the last 30 days when nothing is given; a malformed day or a start
 * after the end is refused (`error`) and the last 30 days are shown instead — nothing else changes.
 */
export function parseSatisfactionRange(input: { from?: string; to?: string }, now = new Date()): { range: SatisfactionRange; error: 'rangeInvalid' | 'rangeReversed' | null } {
  const today = utcToZonedLocal(now).slice(0, 10);
  const fallback = { from: addDays(today, -29), to: today };
  const from = input.from?.trim() || null;
  const to = input.to?.trim() || null;
  if (!from && !to) return { range: fallback, error: null };
  if ((from && !validDay(from)) || (to && !validDay(to))) return { range: fallback, error: 'rangeInvalid' };
  const range = { from: from ?? addDays(to!, -29), to: to ?? today };
  if (range.from > range.to) return { range: fallback, error: 'rangeReversed' };
  return { range, error: null };
}

function window(range: SatisfactionRange) {
  return and(
    gte(satisfactionResponses.createdAt, zonedLocalToUtc(`${range.from}T00:00`)),
    lt(satisfactionResponses.createdAt, zonedLocalToUtc(`${addDays(range.to, 1)}T00:00`)),
  );
}

export interface SatisfactionFigures {
  count: number;
  /** Average score, two decimals; null without responses. */
  average: number | null;
  /** Responses per score, index 0 = score 1 … index 4 = score 5. */
  distribution: [number, number, number, number, number];
}

const figures = {
  count: sql<number>`count(*)::int`.mapWith(Number),
  average: sql<string | null>`round(avg(${satisfactionResponses.score})::numeric, 2)`,
  s1: sql<number>`count(*) filter (where ${satisfactionResponses.score} = 1)::int`.mapWith(Number),
  s2: sql<number>`count(*) filter (where ${satisfactionResponses.score} = 2)::int`.mapWith(Number),
  s3: sql<number>`count(*) filter (where ${satisfactionResponses.score} = 3)::int`.mapWith(Number),
  s4: sql<number>`count(*) filter (where ${satisfactionResponses.score} = 4)::int`.mapWith(Number),
  s5: sql<number>`count(*) filter (where ${satisfactionResponses.score} = 5)::int`.mapWith(Number),
};

function toFigures(row: { count: number; average: string | null; s1: number; s2: number; s3: number; s4: number; s5: number }): SatisfactionFigures {
  return { count: row.count, average: row.average === null ? null : Number(row.average), distribution: [row.s1, row.s2, row.s3, row.s4, row.s5] };
}

export interface ChannelSatisfaction extends SatisfactionFigures {
  channel: 'web' | 'store';
}

export interface StoreSatisfaction extends SatisfactionFigures {
  channel: 'web' | 'store';
  locationId: number | null;
  storeName: string | null;
}

/** Count, average and distribution per channel (web, store) in the range. */
export async function satisfactionByChannel(db: DbOrTx, range: SatisfactionRange): Promise<ChannelSatisfaction[]> {
  const rows = await db
    .select({ channel: satisfactionResponses.channel, ...figures })
    .from(satisfactionResponses)
    .where(window(range))
    .groupBy(satisfactionResponses.channel)
    .orderBy(asc(satisfactionResponses.channel));
  return rows.map(({ channel, ...row }) => ({ channel, ...toFigures(row) }));
}

/** The same per store and channel (a web order counts for the store it was collected at or sent from). */
export async function satisfactionByStore(db: DbOrTx, range: SatisfactionRange): Promise<StoreSatisfaction[]> {
  const rows = await db
    .select({ channel: satisfactionResponses.channel, locationId: satisfactionResponses.locationId, storeName: locations.name, ...figures })
    .from(satisfactionResponses)
    .leftJoin(locations, eq(locations.id, satisfactionResponses.locationId))
    .where(window(range))
    .groupBy(satisfactionResponses.channel, satisfactionResponses.locationId, locations.name)
    .orderBy(asc(locations.name), asc(satisfactionResponses.channel));
  return rows.map(({ channel, locationId, storeName, ...row }) => ({ channel, locationId, storeName, ...toFigures(row) }));
}

export interface LowScoreDto {
  id: number;
  orderId: string;
  orderNumber: string;
  channel: 'web' | 'store';
  storeName: string | null;
  customerName: string | null;
  customerEmail: string | null;
  score: number;
  comment: string | null;
  createdAt: Date;
  followedUpAt: Date | null;
}

/** The low scores (1–2) of the range, open ones first, newest first; at most `limit`. */
export async function listLowScores(db: DbOrTx, range: SatisfactionRange, limit = 200): Promise<LowScoreDto[]> {
  return db
    .select({
      id: satisfactionResponses.id,
      orderId: satisfactionResponses.orderId,
      orderNumber: orders.number,
      channel: satisfactionResponses.channel,
      storeName: locations.name,
      customerName: sql<string | null>`coalesce(${customers.name}, ${orders.customerName})`,
      customerEmail: sql<string | null>`coalesce(${customers.email}, ${orders.email})`,
      score: satisfactionResponses.score,
      comment: satisfactionResponses.comment,
      createdAt: satisfactionResponses.createdAt,
      followedUpAt: satisfactionResponses.followedUpAt,
    })
    .from(satisfactionResponses)
    .innerJoin(orders, eq(orders.id, satisfactionResponses.orderId))
    .leftJoin(customers, eq(customers.id, satisfactionResponses.customerId))
    .leftJoin(locations, eq(locations.id, satisfactionResponses.locationId))
    .where(and(window(range), lte(satisfactionResponses.score, LOW_SCORE)))
    .orderBy(sql`${satisfactionResponses.followedUpAt} is not null`, desc(satisfactionResponses.createdAt))
    .limit(limit);
}

/** Figures of one channel, zeros when there were no responses (the page shows both channels always). */
export function channelFigures(rows: ChannelSatisfaction[], channel: 'web' | 'store'): ChannelSatisfaction {
  return rows.find((r) => r.channel === channel) ?? { channel, count: 0, average: null, distribution: [0, 0, 0, 0, 0] };
}
