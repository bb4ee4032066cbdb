import { z } from 'zod';
import type { Actor } from '@/lib/identity/queries';
import { DomainError } from '@/lib/errors';
import { SHOP_TIME_ZONE, utcToZonedLocal, zonedLocalToUtc } from '@/lib/time/zoned';

/** Days shown when the URL names no range: today and the 29 days before it (Amsterdam days). */
export const DEFAULT_RANGE_DAYS = 30;

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** One Amsterdam calendar day 'YYYY-MM-DD' plus `days` (negative goes back), by the calendar, not by 24 h. */
export function addDays(day: string, days: number): string {
  // form-number: `day` is a day validDay accepted (DATE_RE) or one of our own clock's.
  const d = new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)) + days));
  return d.toISOString().slice(0, 10);
}

const validDay = (v: string) => DATE_RE.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);

/**
 * The analytics filter as it comes from the URL (?from=&to=&store=): days in the shop's time zone,
 * both inclusive. A missing (or empty) day falls back to the default range; a malformed store means
 * all stores. A day that is no date, or a range that ends before it starts, is refused (nothing is computed).
 */
export const analyticsParamsSchema = z.object({
  from: z.unknown().optional().transform((v) => (typeof v === 'string' && validDay(v) ? v : undefined)),
  to: z.unknown().optional().transform((v) => (typeof v === 'string' && validDay(v) ? v : undefined)),
  store: z
    .unknown()
    .optional()
    .transform((v) => (typeof v === 'string' && /^[1-9][0-9]{0,8}$/.test(v) ? Number(v) : undefined)),
});

export interface AnalyticsFilter {
  /** First day, 'YYYY-MM-DD' (Amsterdam), inclusive. */
  from: string;
  /** Last day, inclusive. */
  to: string;
  /** A store (location id), or every location. */
  storeId: number | null;
  /** The instants the days span: [fromInstant, toInstant). */
  fromInstant: Date;
  toInstant: Date;
}

export type AnalyticsFilterResult = { ok: true; filter: AnalyticsFilter } | { ok: false; error: 'rangeReversed' | 'invalidDate' };

/** A day that was given (not left empty) but is no calendar day, e.g. '2026-02-30' or 'yesterday'. */
const malformed = (v: unknown) => typeof v === 'string' && v.trim() !== '' && !validDay(v);

/** Parses the URL's filter; `now` decides the default range (the last 30 Amsterdam days up to today). */
export function parseAnalyticsFilter(params: Record<string, unknown>, now: Date = new Date()): AnalyticsFilterResult {
  if (malformed(params.from) || malformed(params.to)) return { ok: false, error: 'invalidDate' };
  const parsed = analyticsParamsSchema.parse(params);
  const today = utcToZonedLocal(now, SHOP_TIME_ZONE).slice(0, 10);
  const to = parsed.to ?? (parsed.from && parsed.from > today ? parsed.from : today);
  const from = parsed.from ?? addDays(to, -(DEFAULT_RANGE_DAYS - 1));
  if (from > to) return { ok: false, error: 'rangeReversed' };
  return {
    ok: true,
    filter: {
      from,
      to,
      storeId: parsed.store ?? null,
      fromInstant: zonedLocalToUtc(`${from}T00:00`, SHOP_TIME_ZONE),
      toInstant: zonedLocalToUtc(`${addDays(to, 1)}T00:00`, SHOP_TIME_ZONE),
    },
  };
}

/** The filter as query parameters (for the CSV links and the form), store left out when it is "all". */
export function analyticsSearch(filter: Pick<AnalyticsFilter, 'from' | 'to' | 'storeId'>): string {
  const search = new URLSearchParams({ from: filter.from, to: filter.to });
  if (filter.storeId) search.set('store', String(filter.storeId));
  return search.toString();
}

/** Analytics are the admin's: the queries check the actor too, not only the page and the route. */
export function assertAnalyticsAccess(actor: Actor): void {
  if (actor.role !== 'admin') throw new DomainError('forbidden');
}
