import 'server-only';
import { and, eq, gte, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { orders, payments, refunds, returns, tillSessions, type VatLineSnapshot } from '@/db/schema';
import { zonedLocalToUtc } from '@/lib/time/zoned';

/** Counter payment methods: a payment by one of these without a till session was taken before tills existed or with none open. */
const COUNTER_METHODS = ['cash', 'card_terminal', 'loyalty_points'] as const;

export interface SalesSummary {
  /** Orders paid (wholly or partly) in the period. */
  salesCount: number;
  /** Σ succeeded payments. */
  totalCents: number;
  byMethod: { method: string; count: number; amountCents: number }[];
  byChannel: { channel: string; count: number; amountCents: number }[];
  /** VAT of the orders sold, per rate, highest first (from each order's snapshot, counted once per order). */
  vat: VatLineSnapshot[];
  /** Succeeded refunds of returns paid out here (cash from the drawer, card terminal, store credit…), per method. */
  refunds: RefundSummary;
}

export interface RefundSummary {
  count: number;
  amountCents: number;
  byMethod: { method: string; count: number; amountCents: number }[];
}

async function summarizeRefunds(db: DbOrTx, where: SQL | undefined): Promise<RefundSummary> {
  const rows = await db
    .select({ method: refunds.method, count: sql<number>`count(*)::int`, amountCents: sql<string>`coalesce(sum(${refunds.amountCents}), 0)` })
    .from(refunds)
    .leftJoin(returns, eq(returns.id, refunds.returnId))
    .where(and(eq(refunds.status, 'succeeded'), where))
    .groupBy(refunds.method);
  const byMethod = rows
    .map((r) => ({ method: r.method, count: Number(r.count), amountCents: Number(r.amountCents) }))
    .sort((a, b) => a.method.localeCompare(b.method));
  return {
    count: byMethod.reduce((s, r) => s + r.count, 0),
    amountCents: byMethod.reduce((s, r) => s + r.amountCents, 0),
    byMethod,
  };
}

async function summarize(db: DbOrTx, where: SQL | undefined): Promise<SalesSummary> {
  const rows = await db
    .select({
      orderId: payments.orderId,
      method: payments.method,
      amountCents: payments.amountCents,
      channel: orders.channel,
      vatBreakdown: orders.vatBreakdown,
    })
    .from(payments)
    .innerJoin(orders, eq(orders.id, payments.orderId))
    .where(and(eq(payments.status, 'succeeded'), where));
  const byMethod = new Map<string, { method: string; count: number; amountCents: number }>();
  const byChannel = new Map<string, { channel: string; orders: Set<string>; amountCents: number }>();
  const vat = new Map<number, VatLineSnapshot>();
  const seen = new Set<string>();
  for (const r of rows) {
    const m = byMethod.get(r.method) ?? { method: r.method, count: 0, amountCents: 0 };
    m.count += 1;
    m.amountCents += r.amountCents;
    byMethod.set(r.method, m);
    const c = byChannel.get(r.channel) ?? { channel: r.channel, orders: new Set(), amountCents: 0 };
    c.orders.add(r.orderId);
    c.amountCents += r.amountCents;
    byChannel.set(r.channel, c);
    if (seen.has(r.orderId)) continue;
    seen.add(r.orderId);
    for (const line of r.vatBreakdown) {
      const v = vat.get(line.rateBp) ?? { rateBp: line.rateBp, grossCents: 0, vatCents: 0 };
      v.grossCents += line.grossCents;
      v.vatCents += line.vatCents;
      vat.set(line.rateBp, v);
    }
  }
  return {
    salesCount: seen.size,
    totalCents: rows.reduce((s, r) => s + r.amountCents, 0),
    byMethod: [...byMethod.values()].sort((a, b) => a.method.localeCompare(b.method)),
    byChannel: [...byChannel.values()]
      .map(({ channel, orders: o, amountCents }) => ({ channel, count: o.size, amountCents }))
      .sort((a, b) => a.channel.localeCompare(b.channel)),
    vat: [...vat.values()].sort((a, b) => b.rateBp - a.rateBp),
    refunds: { count: 0, amountCents: 0, byMethod: [] },
  };
}

/** The Z report of one till session: what its drawer and terminal took. */
export async function getTillSalesSummary(db: DbOrTx, tillSessionId: number): Promise<SalesSummary> {
  const summary = await summarize(db, eq(payments.tillSessionId, tillSessionId));
  return { ...summary, refunds: await summarizeRefunds(db, eq(refunds.tillSessionId, tillSessionId)) };
}

/** Start and end (exclusive) of a calendar day in Amsterdam, e.g. "2026-12-01". */
export function storeDayBounds(date: string): { from: Date; to: Date } {
  const from = zonedLocalToUtc(`${date}T00:00`);
  const next = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)) + 1));
  const to = zonedLocalToUtc(`${next.toISOString().slice(0, 10)}T00:00`);
  return { from, to };
}

/**
 * The Z report of a store for one Amsterdam day: every payment taken on that day on one of the store's
 * tills, and counter payments taken without a till (a sale before the till was opened) for orders sold
 * from this store. The day's till sessions come with it (expected vs counted).
 */
export async function getStoreDaySummary(db: DbOrTx, locationId: number, date: string) {
  const { from, to } = storeDayBounds(date);
  const sessions = await db
    .select({
      id: tillSessions.id,
      tillName: tillSessions.tillName,
      status: tillSessions.status,
      openedAt: tillSessions.openedAt,
      closedAt: tillSessions.closedAt,
      openingFloatCents: tillSessions.openingFloatCents,
      expectedCashCents: tillSessions.expectedCashCents,
      countedCashCents: tillSessions.countedCashCents,
    })
    .from(tillSessions)
    .where(eq(tillSessions.locationId, locationId))
    .orderBy(tillSessions.openedAt);
  const inDay = and(gte(payments.createdAt, from), lt(payments.createdAt, to));
  const storeTills = db.select({ id: tillSessions.id }).from(tillSessions).where(eq(tillSessions.locationId, locationId));
  const summary = await summarize(
    db,
    and(
      inDay,
      or(
        inArray(payments.tillSessionId, storeTills),
        and(
          isNull(payments.tillSessionId),
          eq(orders.channel, 'store'),
          eq(orders.stockLocationId, locationId),
          inArray(payments.method, [...COUNTER_METHODS]),
        ),
      ),
    ),
  );
  // Refunds of the day paid out on one of the store's tills, and those of returns taken back at this
  // store's counter without a till (e.g. store credit when no till was open).
  const refundsOfDay = await summarizeRefunds(
    db,
    and(
      gte(refunds.createdAt, from),
      lt(refunds.createdAt, to),
      or(
        inArray(refunds.tillSessionId, storeTills),
        and(isNull(refunds.tillSessionId), eq(returns.method, 'counter'), eq(returns.locationId, locationId)),
      ),
    ),
  );
  const [withoutTill] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(payments)
    .innerJoin(orders, eq(orders.id, payments.orderId))
    .where(
      and(
        eq(payments.status, 'succeeded'),
        inDay,
        isNull(payments.tillSessionId),
        eq(orders.channel, 'store'),
        eq(orders.stockLocationId, locationId),
      ),
    );
  return {
    date,
    summary: { ...summary, refunds: refundsOfDay },
    /** Sessions that were open at some point of the day. */
    sessions: sessions.filter((s) => s.openedAt < to && (s.closedAt === null || s.closedAt >= from)),
    paymentsWithoutTill: withoutTill?.n ?? 0,
  };
}

export type StoreDaySummary = Awaited<ReturnType<typeof getStoreDaySummary>>;
