import { createHash } from 'node:crypto';
import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '@/db/client';
import { orderEvents, orderLines, orders, returnLines, returns, stockMovements, type OrderEvent, type ReturnCondition } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { adjustStock } from '@/lib/inventory/mutations';

// Helpers shared by the return mutations (not exported from the room's public modules).

export function isStaff(actor: Actor | null): actor is Actor & { role: 'admin' | 'clerk' } {
  return actor?.role === 'admin' || actor?.role === 'clerk';
}

/** Admins everywhere; a clerk at their own store. */
export function staffAt(actor: Actor | null, locationId: number | null): boolean {
  if (!isStaff(actor)) return false;
  return actor.role === 'admin' || (locationId !== null && actor.locationId === locationId);
}

export function requestHash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

export async function nextRmaNumber(tx: DbOrTx): Promise<string> {
  const [{ n }] = rowsOf<{ n: string }>(await tx.execute(sql`select nextval('return_number_seq')::text as n`));
  return `R-${n}`;
}

export async function addEvent(tx: DbOrTx, orderId: string, type: OrderEvent['type'], actor: Actor | null, note: string, at?: Date): Promise<void> {
  await tx.insert(orderEvents).values({ orderId, type, actorUserId: actor?.userId ?? null, note, ...(at ? { createdAt: at } : {}) });
}

export async function lockOrder(tx: DbOrTx, orderId: string) {
  const [order] = await tx
    .select({
      id: orders.id,
      number: orders.number,
      channel: orders.channel,
      fulfilment: orders.fulfilment,
      status: orders.status,
      customerId: orders.customerId,
      stockLocationId: orders.stockLocationId,
      pickupLocationId: orders.pickupLocationId,
      shippingCents: orders.shippingCents,
      totalCents: orders.totalCents,
      placedAt: orders.placedAt,
      updatedAt: orders.updatedAt,
    })
    .from(orders)
    .where(eq(orders.id, orderId))
    .for('update');
  return order ?? null;
}

/** When the goods were handed over: the last delivered / collected / completed event (the order's last change as a fallback). */
export async function handedOverAt(db: DbOrTx, order: { id: string; status: string; updatedAt: Date }): Promise<Date | null> {
  if (!['delivered', 'collected', 'completed'].includes(order.status)) return null;
  const [row] = await db
    .select({ at: orderEvents.createdAt })
    .from(orderEvents)
    .where(and(eq(orderEvents.orderId, order.id), inArray(orderEvents.type, ['delivered', 'collected', 'completed'])))
    .orderBy(desc(orderEvents.createdAt))
    .limit(1);
  return row?.at ?? order.updatedAt;
}

/** What earlier, not cancelled returns took back per order line (units, refund, VAT) and their shipping refunds. */
export async function returnedSoFar(db: DbOrTx, orderId: string, excludeReturnId?: string) {
  const rows = await db
    .select({
      orderLineId: returnLines.orderLineId,
      units: sql<number>`sum(${returnLines.quantity})::int`.mapWith(Number),
      refundCents: sql<number>`sum(${returnLines.refundCents})::int`.mapWith(Number),
      vatCents: sql<number>`sum(${returnLines.vatCents})::int`.mapWith(Number),
    })
    .from(returnLines)
    .innerJoin(returns, eq(returns.id, returnLines.returnId))
    .where(and(eq(returns.orderId, orderId), ne(returns.status, 'cancelled'), excludeReturnId ? ne(returns.id, excludeReturnId) : undefined))
    .groupBy(returnLines.orderLineId);
  const [ship] = await db
    .select({ cents: sql<number>`coalesce(sum(${returns.shippingRefundCents}), 0)::int`.mapWith(Number) })
    .from(returns)
    .where(and(eq(returns.orderId, orderId), ne(returns.status, 'cancelled'), excludeReturnId ? ne(returns.id, excludeReturnId) : undefined));
  return { byLine: new Map(rows.map((r) => [r.orderLineId, r])), shippingCents: ship?.cents ?? 0 };
}

export async function orderLinesOf(db: DbOrTx, orderId: string) {
  return db
    .select({
      id: orderLines.id,
      variantId: orderLines.variantId,
      sku: orderLines.sku,
      productName: orderLines.productName,
      variantLabel: orderLines.variantLabel,
      quantity: orderLines.quantity,
      returnedQuantity: orderLines.returnedQuantity,
      unitPriceCents: orderLines.unitPriceCents,
      lineTotalCents: orderLines.lineTotalCents,
      vatRateBp: orderLines.vatRateBp,
      vatCents: orderLines.vatCents,
    })
    .from(orderLines)
    .where(eq(orderLines.orderId, orderId))
    .orderBy(orderLines.id);
}

/**
 * The stock effect of received goods, at the location where they physically are: resellable units
 * back on hand ('return'), damaged ones recorded as written off (a zero-delta 'write_off' row).
 */
export async function restock(
  tx: DbOrTx,
  input: { variantId: number; locationId: number; quantity: number; condition: ReturnCondition; reference: string; actorUserId: number | null },
): Promise<void> {
  if (input.condition === 'resellable') {
    await adjustStock(tx, { variantId: input.variantId, locationId: input.locationId, reason: 'return', delta: input.quantity, reference: input.reference, actorUserId: input.actorUserId });
  } else {
    await tx.insert(stockMovements).values({
      variantId: input.variantId,
      locationId: input.locationId,
      onHandDelta: 0,
      reservedDelta: 0,
      reason: 'write_off',
      reference: input.reference,
      note: `${input.quantity} × damaged`,
      actorUserId: input.actorUserId,
    });
  }
}

export async function lockReturn(tx: DbOrTx, returnId: string) {
  const [row] = await tx
    .select({
      id: returns.id,
      number: returns.number,
      orderId: returns.orderId,
      customerId: returns.customerId,
      method: returns.method,
      status: returns.status,
      locationId: returns.locationId,
      refundTotalCents: returns.refundTotalCents,
      shippingRefundCents: returns.shippingRefundCents,
      exchangeOrderId: returns.exchangeOrderId,
    })
    .from(returns)
    .where(eq(returns.id, returnId))
    .for('update');
  if (!row) throw new DomainError('returnNotFound');
  const lines = await tx
    .select({
      id: returnLines.id,
      orderLineId: returnLines.orderLineId,
      quantity: returnLines.quantity,
      condition: returnLines.condition,
      refundCents: returnLines.refundCents,
      vatRateBp: returnLines.vatRateBp,
      vatCents: returnLines.vatCents,
      variantId: orderLines.variantId,
    })
    .from(returnLines)
    .innerJoin(orderLines, eq(orderLines.id, returnLines.orderLineId))
    .where(eq(returnLines.returnId, returnId))
    .orderBy(returnLines.id);
  return { ...row, lines };
}

export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
