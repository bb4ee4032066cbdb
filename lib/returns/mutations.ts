import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { orderLines, returnLines, returns, type ReturnCondition } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { getSetting } from '@/lib/settings/settings';
import { addEvent, handedOverAt, isStaff, isUuid, lockOrder, lockReturn, nextRmaNumber, orderLinesOf, requestHash, restock, returnedSoFar, staffAt } from './internal';
import { recordOrderEvent } from '@/lib/insight/events';
import { notifyReturn } from './notify';
import { releasePromotionsIfFullyReturned } from './promotion-release';
import { refundForUnits, RETURNABLE_STATUSES, returnWindow, shippingRefundCents } from './rules';
import type { ReturnLineInput, ReturnMethod } from './types';

export { refundReturn, type RefundReturnInput, type RefundReturnResult, type ProviderRefunder } from './refund';
export { exchangeAtCounter, type ExchangeInput, type ExchangeResult } from './exchange';

// Returns: every mutation runs in one transaction and throws DomainError with an `errors.*` code
// (the action wrapper turns it into a localized ActionState), so bad input changes nothing.
// The invariant "never more returned than bought, over all returns of a line" is ONE conditional
// UPDATE of order_lines.returned_quantity per line (the CHECK is the last line of defence): two
// counters returning the same line at once cannot both win.

export const MAX_RETURN_UNITS = 1000;

export interface CreateReturnInput {
  orderId: string;
  method: ReturnMethod;
  /** The counter's store (counter) or the warehouse (post, when known); null for "in a store" online. */
  locationId: number | null;
  lines: ReturnLineInput[];
  /** A counter return: received (and restocked / written off) at once. */
  receiveNow: boolean;
  /** Staff, the order's customer, or null for a guest whose access to the order the caller checked. */
  actor: Actor | null;
  idempotencyKey: string;
  /** Outside the window: admins only, recorded in the audit log. */
  windowOverride?: { reason: string };
  note?: string | null;
  now?: Date;
}

function checkLines(lines: ReturnLineInput[]): void {
  if (lines.length === 0) throw new DomainError('returnNoLines');
  const seen = new Set<number>();
  for (const l of lines) {
    if (!Number.isSafeInteger(l.orderLineId) || seen.has(l.orderLineId)) throw new DomainError('invalidState');
    if (!Number.isSafeInteger(l.quantity) || l.quantity < 1 || l.quantity > MAX_RETURN_UNITS) throw new DomainError('returnQuantityInvalid');
    seen.add(l.orderLineId);
  }
}

/** The return's creation inside the caller's transaction (createReturn; the exchange reuses it). */
export async function createReturnInTx(tx: DbOrTx, input: CreateReturnInput, extra: { exchange?: boolean } = {}): Promise<{ returnId: string; number: string; refundTotalCents: number; replayed: boolean }> {
  const { actor } = input;
  const now = input.now ?? new Date();
  checkLines(input.lines);
  if (!isUuid(input.orderId)) throw new DomainError('returnOrderNotFound');
  const staff = isStaff(actor);
  if (input.receiveNow) {
    if (!staff || input.locationId === null || !staffAt(actor, input.locationId)) throw new DomainError('forbidden');
  }
  if (input.windowOverride && actor?.role !== 'admin') throw new DomainError('forbidden');
  const reason = input.windowOverride?.reason.trim() ?? '';
  if (input.windowOverride && (reason.length < 3 || reason.length > 500)) throw new DomainError('returnOverrideReasonRequired', {}, 'overrideReason');

  const hash = requestHash({ o: input.orderId, m: input.method, l: input.locationId, r: input.receiveNow, lines: input.lines.map((l) => [l.orderLineId, l.quantity, l.reason, l.condition ?? null]) });
  const [previous] = await tx.select({ id: returns.id, number: returns.number, orderId: returns.orderId, hash: returns.requestHash, total: returns.refundTotalCents }).from(returns).where(eq(returns.idempotencyKey, input.idempotencyKey));
  if (previous) {
    if (previous.orderId !== input.orderId || previous.hash !== hash) throw new DomainError('conflict');
    return { returnId: previous.id, number: previous.number, refundTotalCents: previous.total, replayed: true };
  }

  const order = await lockOrder(tx, input.orderId);
  // A customer sees only their own orders: another's order is "not found", never "not yours".
  if (!order || (!staff && actor && (order.customerId === null || order.customerId !== actor.customerId))) throw new DomainError('returnOrderNotFound');
  if (order.status === 'cancelled') throw new DomainError('returnOrderCancelled');
  if (!RETURNABLE_STATUSES.includes(order.status)) throw new DomainError('returnOrderNotDelivered');

  const { windowDays, refundShippingOnFullReturn } = await getSetting(tx, 'returns');
  const window = returnWindow(await handedOverAt(tx, order), windowDays, now);
  const overridden = !window.open;
  if (overridden && !input.windowOverride) throw new DomainError('returnWindowClosed', { date: window.endsAt?.toISOString().slice(0, 10) ?? '' });

  const lines = await orderLinesOf(tx, order.id);
  const byId = new Map(lines.map((l) => [l.id, l]));
  for (const l of input.lines) if (!byId.has(l.orderLineId)) throw new DomainError('returnLineNotOnOrder');

  const already = await returnedSoFar(tx, order.id);
  const wanted = [...input.lines].sort((a, b) => a.orderLineId - b.orderLineId); // fixed lock order
  const returnedAfter = new Map(lines.map((l) => [l.id, l.returnedQuantity]));
  const priced: { input: ReturnLineInput; refundCents: number; vatCents: number; vatRateBp: number }[] = [];
  for (const l of wanted) {
    const line = byId.get(l.orderLineId)!;
    const [moved] = await tx
      .update(orderLines)
      .set({ returnedQuantity: sql`${orderLines.returnedQuantity} + ${l.quantity}` })
      .where(and(eq(orderLines.id, line.id), eq(orderLines.orderId, order.id), sql`${orderLines.returnedQuantity} + ${l.quantity} <= ${orderLines.quantity}`))
      .returning({ returned: orderLines.returnedQuantity });
    if (!moved) {
      const [now] = await tx.select({ returned: orderLines.returnedQuantity }).from(orderLines).where(eq(orderLines.id, line.id));
      throw new DomainError('returnQuantityTooHigh', { sku: line.sku, available: Math.max(0, line.quantity - (now?.returned ?? line.quantity)) }, `lines.${l.orderLineId}`);
    }
    returnedAfter.set(line.id, moved.returned);
    const before = already.byLine.get(line.id) ?? { units: 0, refundCents: 0, vatCents: 0 };
    priced.push({ input: l, vatRateBp: line.vatRateBp, ...refundForUnits(line, before, l.quantity) });
  }

  const shipping = shippingRefundCents({
    shippingCents: order.shippingCents,
    lines: lines.map((l) => ({ quantity: l.quantity, returnedAfter: returnedAfter.get(l.id) ?? 0 })),
    refundShippingOnFullReturn,
    shippingAlreadyRefundedCents: already.shippingCents,
  });
  const refundTotalCents = priced.reduce((s, p) => s + p.refundCents, 0) + shipping;
  const number = await nextRmaNumber(tx);
  const received = input.receiveNow;
  const [row] = await tx
    .insert(returns)
    .values({
      number,
      orderId: order.id,
      customerId: order.customerId,
      method: input.method,
      status: received ? 'received' : 'requested',
      locationId: input.locationId,
      windowOverrideByUserId: overridden ? actor!.userId : null,
      windowOverrideReason: overridden ? reason : null,
      refundTotalCents,
      shippingRefundCents: shipping,
      requestedByUserId: actor?.userId ?? null,
      receivedByUserId: received ? actor!.userId : null,
      requestedAt: now,
      receivedAt: received ? now : null,
      note: input.note?.trim().slice(0, 1000) || null,
      idempotencyKey: input.idempotencyKey,
      requestHash: hash,
    })
    .returning({ id: returns.id });
  const inserted = await tx
    .insert(returnLines)
    .values(
      priced.map((p) => ({
        returnId: row.id,
        orderLineId: p.input.orderLineId,
        quantity: p.input.quantity,
        reason: p.input.reason,
        reasonNote: p.input.reasonNote?.trim().slice(0, 500) || null,
        condition: received ? (p.input.condition ?? 'resellable') : null,
        refundCents: p.refundCents,
        vatRateBp: p.vatRateBp,
        vatCents: p.vatCents,
      })),
    )
    .returning({ id: returnLines.id, orderLineId: returnLines.orderLineId, quantity: returnLines.quantity, condition: returnLines.condition });

  await addEvent(tx, order.id, 'return_requested', actor, number, now);
  if (received) {
    for (const l of inserted) {
      await restock(tx, { variantId: byId.get(l.orderLineId)!.variantId, locationId: input.locationId!, quantity: l.quantity, condition: l.condition ?? 'resellable', reference: number, actorUserId: actor!.userId });
    }
    await addEvent(tx, order.id, 'return_received', actor, number, now);
    if (!extra.exchange) {
      await notifyReturn(tx, { orderId: order.id, returnId: row.id, number, template: 'return_received', amountCents: refundTotalCents, now });
      await releasePromotionsIfFullyReturned(tx, order.id);
    }
  }
  if (staff) {
    await recordAudit(tx, actor, {
      action: 'return.created',
      entityType: 'return',
      entityId: row.id,
      summary: `${number} for ${order.number}: ${priced.reduce((s, p) => s + p.input.quantity, 0)} units${received ? ', received' : ''}`,
      after: { status: received ? 'received' : 'requested', method: input.method, locationId: input.locationId, refundTotalCents },
    });
  }
  if (overridden) {
    await recordAudit(tx, actor!, {
      action: 'return.window_overridden',
      entityType: 'return',
      entityId: row.id,
      summary: `${number}: return window of ${order.number} ended ${window.endsAt?.toISOString().slice(0, 10) ?? '-'}; override: ${reason}`,
      after: { windowEndsAt: window.endsAt?.toISOString() ?? null, reason },
    });
  }
  // The journey's touchpoint (S13): the order (partly) returned, worth the refund, where it was brought.
  await recordOrderEvent(tx, order.id, 'returned', { valueCents: refundTotalCents, locationId: input.locationId });
  return { returnId: row.id, number, refundTotalCents, replayed: false };
}


/**
 * Creates a return of (part of) an order, in any channel: refuses a cancelled or not yet handed-over
 * order, a line of another order, more units than are left to return, and a closed window unless an
 * admin overrides it (recorded). With receiveNow (a clerk at their counter) the goods are received at
 * once: resellable units restocked at locationId, damaged ones written off (and, when that completes
 * the order's return, its promotion uses are given back: releasePromotionsIfFullyReturned).
 * Errors: returnOrderNotFound, returnOrderCancelled, returnOrderNotDelivered, returnWindowClosed {date},
 * returnLineNotOnOrder, returnQuantityTooHigh {sku, available}, returnNoLines, returnQuantityInvalid,
 * returnOverrideReasonRequired, forbidden, conflict (a key reused for another request).
 */
export async function createReturn(db: DbOrTx, input: CreateReturnInput): Promise<{ returnId: string; number: string }> {
  const { returnId, number } = await db.transaction((tx) => createReturnInTx(tx, input));
  return { returnId, number };
}

/** The order's customer (or a guest the caller verified) or staff may act on a return that is not received yet. */
function mayHandleOpenReturn(actor: Actor | null, ret: { customerId: number | null; locationId: number | null }): boolean {
  if (isStaff(actor)) return actor.role === 'admin' || ret.locationId === null || actor.locationId === ret.locationId;
  if (actor) return ret.customerId !== null && actor.customerId === ret.customerId;
  return true;
}

/** A posted return is on its way (the customer says so, or staff): requested → in_transit. Errors: returnNotFound, returnInvalidState, forbidden. */
export async function markReturnInTransit(db: DbOrTx, input: { returnId: string; actor: Actor | null }): Promise<{ number: string }> {
  if (!isUuid(input.returnId)) throw new DomainError('returnNotFound');
  return db.transaction(async (tx) => {
    const ret = await lockReturn(tx, input.returnId);
    if (!mayHandleOpenReturn(input.actor, ret)) throw new DomainError('returnNotFound');
    if (ret.method !== 'post' || ret.status !== 'requested') throw new DomainError('returnInvalidState');
    await tx.update(returns).set({ status: 'in_transit' }).where(and(eq(returns.id, ret.id), eq(returns.status, 'requested')));
    await addEvent(tx, ret.orderId, 'return_in_transit', input.actor, ret.number);
    if (isStaff(input.actor)) {
      await recordAudit(tx, input.actor, { action: 'return.in_transit', entityType: 'return', entityId: ret.id, summary: `${ret.number} in transit`, before: { status: 'requested' }, after: { status: 'in_transit' } });
    }
    return { number: ret.number };
  });
}

export interface ReceiveReturnInput {
  returnId: string;
  /** Where the goods are now: the counter's store or the warehouse. */
  locationId: number;
  /** Per line; a line not listed is resellable. */
  conditions: { returnLineId: number; condition: ReturnCondition }[];
  actor: Actor;
  now?: Date;
}

/**
 * The goods of a requested / posted return arrive: staff of the receiving location (admins anywhere)
 * record each line's condition; resellable units go back on hand there, damaged ones are written off.
 * When that completes the order's return, its promotion uses are given back (releasePromotionsIfFullyReturned).
 * Errors: returnNotFound, returnInvalidState, returnLineNotOnReturn, forbidden.
 */
export async function receiveReturn(db: DbOrTx, input: ReceiveReturnInput): Promise<{ number: string }> {
  if (!isUuid(input.returnId)) throw new DomainError('returnNotFound');
  if (!staffAt(input.actor, input.locationId)) throw new DomainError('forbidden');
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    const ret = await lockReturn(tx, input.returnId);
    if (ret.status !== 'requested' && ret.status !== 'in_transit') throw new DomainError('returnInvalidState');
    const conditions = new Map<number, ReturnCondition>();
    for (const c of input.conditions) {
      if (!ret.lines.some((l) => l.id === c.returnLineId)) throw new DomainError('returnLineNotOnReturn');
      conditions.set(c.returnLineId, c.condition);
    }
    const [moved] = await tx
      .update(returns)
      .set({ status: 'received', locationId: input.locationId, receivedAt: now, receivedByUserId: input.actor.userId })
      .where(and(eq(returns.id, ret.id), inArray(returns.status, ['requested', 'in_transit'])))
      .returning({ id: returns.id });
    if (!moved) throw new DomainError('conflict');
    for (const line of ret.lines) {
      const condition = conditions.get(line.id) ?? 'resellable';
      await tx.update(returnLines).set({ condition }).where(eq(returnLines.id, line.id));
      await restock(tx, { variantId: line.variantId, locationId: input.locationId, quantity: line.quantity, condition, reference: ret.number, actorUserId: input.actor.userId });
    }
    await addEvent(tx, ret.orderId, 'return_received', input.actor, ret.number, now);
    await releasePromotionsIfFullyReturned(tx, ret.orderId);
    await recordAudit(tx, input.actor, {
      action: 'return.received',
      entityType: 'return',
      entityId: ret.id,
      summary: `${ret.number} received: ${ret.lines.filter((l) => (conditions.get(l.id) ?? 'resellable') === 'damaged').length} damaged line(s) written off`,
      before: { status: ret.status },
      after: { status: 'received', locationId: input.locationId },
    });
    await notifyReturn(tx, { orderId: ret.orderId, returnId: ret.id, number: ret.number, template: 'return_received', amountCents: ret.refundTotalCents, now });
    return { number: ret.number };
  });
}

/**
 * Cancels a return whose goods have not arrived (requested / in transit): its units can be returned
 * again. Errors: returnNotFound, returnInvalidState, forbidden.
 */
export async function cancelReturn(db: DbOrTx, input: { returnId: string; actor: Actor | null }): Promise<{ number: string }> {
  if (!isUuid(input.returnId)) throw new DomainError('returnNotFound');
  return db.transaction(async (tx) => {
    const ret = await lockReturn(tx, input.returnId);
    if (!mayHandleOpenReturn(input.actor, ret)) throw new DomainError('returnNotFound');
    if (ret.status !== 'requested' && ret.status !== 'in_transit') throw new DomainError('returnInvalidState');
    await tx.update(returns).set({ status: 'cancelled', closedAt: sql`now()` }).where(eq(returns.id, ret.id));
    for (const line of [...ret.lines].sort((a, b) => a.orderLineId - b.orderLineId)) {
      const [back] = await tx
        .update(orderLines)
        .set({ returnedQuantity: sql`${orderLines.returnedQuantity} - ${line.quantity}` })
        .where(and(eq(orderLines.id, line.orderLineId), sql`${orderLines.returnedQuantity} >= ${line.quantity}`))
        .returning({ id: orderLines.id });
      if (!back) throw new Error(`returned quantity out of step on order line ${line.orderLineId}`);
    }
    await addEvent(tx, ret.orderId, 'return_cancelled', input.actor, ret.number);
    if (isStaff(input.actor)) {
      await recordAudit(tx, input.actor, { action: 'return.cancelled', entityType: 'return', entityId: ret.id, summary: `${ret.number} cancelled`, before: { status: ret.status }, after: { status: 'cancelled' } });
    }
    return { number: ret.number };
  });
}
