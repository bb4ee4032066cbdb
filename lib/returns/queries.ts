import 'server-only';
import { and, count, desc, eq, ilike, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { customers, invoices, locations, orderLines, orders, payments, refunds, returnLines, returns, variants } from '@/db/schema';
import { getSetting } from '@/lib/settings/settings';
import { handedOverAt, isUuid } from './internal';
import { RETURNABLE_STATUSES, returnWindow, unitPaidCents } from './rules';
import type { ListReturnsFilter, ReturnableOrderDto, ReturnListPage, ReturnSummary, ReturnViewDto } from './types';

export type * from './types';

export const RETURNS_PAGE_SIZE = 25;

const summaryColumns = {
  id: returns.id,
  number: returns.number,
  status: returns.status,
  method: returns.method,
  locationId: returns.locationId,
  locationName: locations.name,
  refundTotalCents: returns.refundTotalCents,
  requestedAt: returns.requestedAt,
  receivedAt: returns.receivedAt,
  refundedAt: returns.refundedAt,
  units: sql<number>`(select coalesce(sum(rl.quantity), 0)::int from return_lines rl where rl.return_id = ${returns.id})`.mapWith(Number),
};

/** The order's returns, newest first. */
export async function listReturnsForOrder(db: DbOrTx, orderId: string): Promise<ReturnSummary[]> {
  if (!isUuid(orderId)) return [];
  return db.select(summaryColumns).from(returns).leftJoin(locations, eq(locations.id, returns.locationId)).where(eq(returns.orderId, orderId)).orderBy(desc(returns.requestedAt), desc(returns.number));
}

/**
 * The order as the return screens need it: each line with what is left to return and what a unit
 * cost after discounts, the return window, payments and earlier returns — and whether (and why not)
 * it can be returned now. Null for an unknown order. Who may see it is the caller's check.
 */
export async function getReturnableOrder(db: DbOrTx, orderId: string, now: Date = new Date()): Promise<ReturnableOrderDto | null> {
  if (!isUuid(orderId)) return null;
  const [order] = await db
    .select({
      id: orders.id,
      number: orders.number,
      channel: orders.channel,
      status: orders.status,
      placedAt: orders.placedAt,
      updatedAt: orders.updatedAt,
      customerId: orders.customerId,
      customerName: sql<string | null>`coalesce(${customers.name}, ${orders.customerName})`,
      email: sql<string | null>`coalesce(${orders.email}, ${customers.email})`,
      totalCents: orders.totalCents,
      shippingCents: orders.shippingCents,
    })
    .from(orders)
    .leftJoin(customers, eq(customers.id, orders.customerId))
    .where(eq(orders.id, orderId));
  if (!order) return null;
  const lines = await db
    .select({
      orderLineId: orderLines.id,
      variantId: orderLines.variantId,
      productId: variants.productId,
      sku: orderLines.sku,
      productName: orderLines.productName,
      variantLabel: orderLines.variantLabel,
      quantity: orderLines.quantity,
      returnedQuantity: orderLines.returnedQuantity,
      lineTotalCents: orderLines.lineTotalCents,
      vatRateBp: orderLines.vatRateBp,
    })
    .from(orderLines)
    .innerJoin(variants, eq(variants.id, orderLines.variantId))
    .where(eq(orderLines.orderId, order.id))
    .orderBy(orderLines.id);
  const { windowDays } = await getSetting(db, 'returns');
  const window = returnWindow(await handedOverAt(db, order), windowDays, now);
  const paid = await db
    .select({ id: payments.id, method: payments.method, providerMethod: payments.providerMethod, amountCents: payments.amountCents, refundedCents: payments.refundedCents })
    .from(payments)
    .where(and(eq(payments.orderId, order.id), eq(payments.status, 'succeeded')))
    .orderBy(payments.createdAt);
  const dtoLines = lines.map((l) => ({ ...l, returnableQuantity: l.quantity - l.returnedQuantity, unitPaidCents: unitPaidCents(l) }));
  const refusal: ReturnableOrderDto['refusal'] =
    order.status === 'cancelled'
      ? 'returnOrderCancelled'
      : !RETURNABLE_STATUSES.includes(order.status)
        ? 'returnOrderNotDelivered'
        : dtoLines.every((l) => l.returnableQuantity === 0)
          ? 'returnNothingLeft'
          : !window.open
            ? 'returnWindowClosed'
            : undefined;
  return {
    order: {
      id: order.id,
      number: order.number,
      channel: order.channel,
      status: order.status,
      placedAt: order.placedAt,
      customerId: order.customerId,
      customer: order.customerName,
      email: order.email,
      totalCents: order.totalCents,
      shippingCents: order.shippingCents,
    },
    lines: dtoLines,
    window,
    returnable: refusal === undefined,
    ...(refusal ? { refusal } : {}),
    payments: paid,
    returns: await listReturnsForOrder(db, order.id),
  };
}

/**
 * What was typed or scanned at the counter: an order number (W-/S-…, any case, spaces or a scanner's
 * prefix around it), an RMA number (R-…, the return's order), or an order id. Null when nothing matches.
 */
export async function findOrderForReturn(db: DbOrTx, text: string): Promise<string | null> {
  const raw = text.trim().slice(0, 200);
  if (isUuid(raw)) {
    const [row] = await db.select({ id: orders.id }).from(orders).where(eq(orders.id, raw));
    return row?.id ?? null;
  }
  const match = raw.toUpperCase().replace(/\s+/g, '').match(/([WSR])-?(\d{4,12})/);
  if (!match) return null;
  const number = `${match[1]}-${match[2]}`;
  if (match[1] === 'R') {
    const [row] = await db.select({ orderId: returns.orderId }).from(returns).where(eq(returns.number, number));
    return row?.orderId ?? null;
  }
  const [row] = await db.select({ id: orders.id }).from(orders).where(eq(orders.number, number));
  return row?.id ?? null;
}

async function viewWhere(db: DbOrTx, where: SQL): Promise<ReturnViewDto | null> {
  const [row] = await db
    .select({
      ...summaryColumns,
      orderId: returns.orderId,
      orderNumber: orders.number,
      customerId: returns.customerId,
      shippingRefundCents: returns.shippingRefundCents,
      windowOverrideReason: returns.windowOverrideReason,
      closedAt: returns.closedAt,
      note: returns.note,
      exchangeOrderId: returns.exchangeOrderId,
    })
    .from(returns)
    .innerJoin(orders, eq(orders.id, returns.orderId))
    .leftJoin(locations, eq(locations.id, returns.locationId))
    .where(where);
  if (!row) return null;
  const lines = await db
    .select({
      id: returnLines.id,
      orderLineId: returnLines.orderLineId,
      variantId: orderLines.variantId,
      sku: orderLines.sku,
      productName: orderLines.productName,
      variantLabel: orderLines.variantLabel,
      quantity: returnLines.quantity,
      reason: returnLines.reason,
      reasonNote: returnLines.reasonNote,
      condition: returnLines.condition,
      refundCents: returnLines.refundCents,
      vatRateBp: returnLines.vatRateBp,
      vatCents: returnLines.vatCents,
    })
    .from(returnLines)
    .innerJoin(orderLines, eq(orderLines.id, returnLines.orderLineId))
    .where(eq(returnLines.returnId, row.id))
    .orderBy(returnLines.id);
  const refundRows = await db
    .select({
      id: refunds.id,
      method: refunds.method,
      status: refunds.status,
      amountCents: refunds.amountCents,
      paymentId: refunds.paymentId,
      tillSessionId: refunds.tillSessionId,
      failureReason: refunds.failureReason,
      createdAt: refunds.createdAt,
    })
    .from(refunds)
    .where(eq(refunds.returnId, row.id))
    .orderBy(refunds.createdAt);
  const [note] = await db.select({ id: invoices.id, number: invoices.number }).from(invoices).where(and(eq(invoices.returnId, row.id), eq(invoices.kind, 'credit_note')));
  const [exchange] = row.exchangeOrderId ? await db.select({ id: orders.id, number: orders.number }).from(orders).where(eq(orders.id, row.exchangeOrderId)) : [];
  const { exchangeOrderId: _x, ...rest } = row;
  return {
    ...rest,
    lines,
    refunds: refundRows,
    refundedCents: refundRows.filter((r) => r.status !== 'failed').reduce((s, r) => s + r.amountCents, 0),
    creditNote: note ?? null,
    exchangeOrder: exchange ?? null,
  };
}

/** A return with its lines, refunds, credit note and exchange order; null when unknown. Who may see it is the caller's check. */
export async function getReturnView(db: DbOrTx, returnId: string): Promise<ReturnViewDto | null> {
  if (!isUuid(returnId)) return null;
  return viewWhere(db, eq(returns.id, returnId));
}

/** The same by RMA number (R-100001, any case). */
export async function getReturnByNumber(db: DbOrTx, number: string): Promise<ReturnViewDto | null> {
  const n = number.trim().toUpperCase();
  if (!/^R-\d{1,12}$/.test(n)) return null;
  return viewWhere(db, eq(returns.number, n));
}

/** The admin list: filters by status, method, receiving location and a search (RMA, order number, customer, email). */
export async function listReturns(db: DbOrTx, filter: ListReturnsFilter = {}): Promise<ReturnListPage> {
  const page = Math.max(1, Math.floor(filter.page ?? 1));
  const conditions: SQL[] = [];
  if (filter.status) conditions.push(eq(returns.status, filter.status));
  if (filter.method) conditions.push(eq(returns.method, filter.method));
  if (filter.locationId) conditions.push(eq(returns.locationId, filter.locationId));
  const q = filter.q?.trim().slice(0, 100);
  if (q) {
    const like = `%${q.replace(/[\\%_]/g, '\\$&')}%`;
    conditions.push(or(ilike(returns.number, like), ilike(orders.number, like), ilike(orders.email, like), ilike(orders.customerName, like), ilike(customers.name, like))!);
  }
  const where = conditions.length ? and(...conditions) : undefined;
  const rows = await db
    .select({ ...summaryColumns, orderId: returns.orderId, orderNumber: orders.number, customer: sql<string | null>`coalesce(${customers.name}, ${orders.customerName})` })
    .from(returns)
    .innerJoin(orders, eq(orders.id, returns.orderId))
    .leftJoin(customers, eq(customers.id, returns.customerId))
    .leftJoin(locations, eq(locations.id, returns.locationId))
    .where(where)
    .orderBy(desc(returns.requestedAt), desc(returns.number))
    .limit(RETURNS_PAGE_SIZE)
    .offset((page - 1) * RETURNS_PAGE_SIZE);
  const [{ total }] = await db
    .select({ total: count() })
    .from(returns)
    .innerJoin(orders, eq(orders.id, returns.orderId))
    .leftJoin(customers, eq(customers.id, returns.customerId))
    .where(where);
  return { rows, total: Number(total), page, pageSize: RETURNS_PAGE_SIZE };
}

/** Open (not refunded, closed or cancelled) returns count, e.g. for a badge. */
export async function countOpenReturns(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: count() }).from(returns).where(and(ne(returns.status, 'cancelled'), inArray(returns.status, ['requested', 'in_transit', 'received'])));
  return Number(row?.n ?? 0);
}
