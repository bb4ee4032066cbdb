import 'server-only';
import { and, eq, gte, inArray, isNull, lt, not, or, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '@/db/client';
import {
  invoices,
  orders,
  payments,
  refunds,
  returns,
  tillSessions,
  type VatLineSnapshot,
} from '@/db/schema';
import { isExchangePayment } from '@/lib/returns/exchange-payment';
import { zonedLocalToUtc } from '@/lib/time/zoned';

/**
 * Counter payment methods: a payment by one of these without a till session was taken before tills existed
 * or with none open. Store credit is one (spent at the counter, or the part of an exchange order the
 * returned goods paid, which the report lists as an exchange).
 */
const COUNTER_METHODS = ['cash', 'card_terminal', 'loyalty_points', 'store_credit'] as const;

export interface SalesSummary {
  /** Orders paid (wholly or partly) in the period by a tender; an exchange paid only by returned goods is not a sale. */
  salesCount: number;
  /** Σ succeeded payments by a tender (cash, card, points, store credit spent…). */
  totalCents: number;
  byMethod: { method: string; count: number; amountCents: number }[];
  byChannel: { channel: string; count: number; amountCents: number }[];
  /**
   * VAT of the orders sold, per rate, highest first (from each order's snapshot, counted once per
   * order); an exchange order's less the VAT of the returned goods that paid part of it (their credit
   * note), so a dearer exchange carries the VAT of the difference only.
   */
  vat: VatLineSnapshot[];
  /** Exchanges: the part of exchange orders paid by the goods taken back (no money, no store credit). */
  exchanges: { count: number; amountCents: number };
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
    .select({
      method: refunds.method,
      count: sql<number>`count(*)::int`,
      amountCents: sql<string>`coalesce(sum(${refunds.amountCents}), 0)`,
    })
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

/** The sales of the payments matching `where` (over payments ⋈ orders), aggregated in SQL. */
async function summarize(db: DbOrTx, where: SQL | undefined): Promise<Omit<SalesSummary, 'refunds'>> {
  const tendered = and(eq(payments.status, 'succeeded'), where, not(isExchangePayment));
  const amount = sql<number>`coalesce(sum(${payments.amountCents}), 0)`.mapWith(Number);
  const orderCount = sql<number>`count(distinct ${payments.orderId})`.mapWith(Number);
  const paymentCount = sql<number>`count(*)`.mapWith(Number);
  const onOrder = eq(orders.id, payments.orderId);
  const soldOrders = db
    .select({ id: payments.orderId })
    .from(payments)
    .innerJoin(orders, onOrder)
    .where(tendered);
  const [[totals], methods, channels, [exchanged], vat] = await Promise.all([
    db
      .select({ count: orderCount, amountCents: amount })
      .from(payments)
      .innerJoin(orders, onOrder)
      .where(tendered),
    db
      .select({ method: payments.method, count: paymentCount, amountCents: amount })
      .from(payments)
      .innerJoin(orders, onOrder)
      .where(tendered)
      .groupBy(payments.method),
    db
      .select({ channel: orders.channel, count: orderCount, amountCents: amount })
      .from(payments)
      .innerJoin(orders, onOrder)
      .where(tendered)
      .groupBy(orders.channel),
    db
      .select({ count: paymentCount, amountCents: amount })
      .from(payments)
      .innerJoin(orders, onOrder)
      .where(and(eq(payments.status, 'succeeded'), where, isExchangePayment)),
    // Each sold order's VAT snapshot once, and the (negative) credit note of the goods an exchange took back.
    db.execute(sql`
      select (line->>'rateBp')::int as "rateBp", sum((line->>'grossCents')::int)::int as "grossCents", sum((line->>'vatCents')::int)::int as "vatCents"
      from (
        select o.vat_breakdown as breakdown from ${orders} o where o.id in ${soldOrders}
        union all
        select i.vat_breakdown from ${invoices} i join ${returns} r on r.id = i.return_id
        where i.kind = 'credit_note' and r.exchange_order_id in ${soldOrders}
      ) documents, jsonb_array_elements(documents.breakdown) line
      group by 1 order by 1 desc`),
  ]);
  return {
    salesCount: totals?.count ?? 0,
    totalCents: totals?.amountCents ?? 0,
    byMethod: methods.sort((a, b) => a.method.localeCompare(b.method)),
    byChannel: channels.sort((a, b) => a.channel.localeCompare(b.channel)),
    vat: rowsOf<Record<keyof VatLineSnapshot, number | string>>(vat).map((v) => ({
      rateBp: Number(v.rateBp),
      grossCents: Number(v.grossCents),
      vatCents: Number(v.vatCents),
    })),
    exchanges: { count: exchanged?.count ?? 0, amountCents: exchanged?.amountCents ?? 0 },
  };
}

/** The Z report of one till session: what its drawer and terminal took. */
export async function getTillSalesSummary(db: DbOrTx, tillSessionId: number): Promise<SalesSummary> {
  const [summary, refunded] = await Promise.all([
    summarize(db, eq(payments.tillSessionId, tillSessionId)),
    summarizeRefunds(db, eq(refunds.tillSessionId, tillSessionId)),
  ]);
  return { ...summary, refunds: refunded };
}

/** Start and end (exclusive) of a calendar day in Amsterdam, e.g. "2026-12-01". */
export function storeDayBounds(date: string): { from: Date; to: Date } {
  const from = zonedLocalToUtc(`${date}T00:00`);
  const next = new Date(
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)) + 1),
  );
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
  const storeTills = db
    .select({ id: tillSessions.id })
    .from(tillSessions)
    .where(eq(tillSessions.locationId, locationId));
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
