import { createHash, timingSafeEqual } from 'node:crypto';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { orderEvents, orderLines, orders } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { adjustStock, reserveStock } from '@/lib/inventory/mutations';
import { takeRateLimit, type RateLimit } from '@/lib/rate-limit/rate-limit';
import { HANDOVER_UNDO_WINDOW_MS, mayUndoHandover, staffMayHandle } from './shared';
import { publishOrderChange } from './live';
import { transitionOrder } from './transition-order';

// The counter's pickup steps, always for a pickup of `storeId` (the counter's own store): another
// store's order is notFound, whatever the actor's role. The status rules and the staff check stay in
// transitionOrder; what is added here is what only the counter knows — the pickup code and the undo.

/** Wrong codes for one order: after this many tries the code is refused for a while (the override still works). */
export const PICKUP_CODE_ATTEMPTS: Omit<RateLimit, 'key'> = { bucket: 'pickup-code:order', limit: 5, windowMs: 15 * 60_000 };

export interface PickupStepResult {
  orderId: string;
  number: string;
  status: 'ready_for_pickup' | 'collected';
}

async function storePickup(db: DbOrTx, orderId: string, storeId: number) {
  const [order] = await db
    .select({ id: orders.id, number: orders.number, channel: orders.channel, fulfilment: orders.fulfilment, status: orders.status, pickupCode: orders.pickupCode })
    .from(orders)
    .where(and(eq(orders.id, orderId), eq(orders.fulfilment, 'pickup'), eq(orders.pickupLocationId, storeId)));
  if (!order) throw new DomainError('notFound');
  return order;
}

/**
 * Whether a typed (or scanned) code is the order's pickup code: trimmed, case-insensitive, and compared
 * in constant time (both sides hashed first, so neither length nor a matching prefix shows in the timing).
 */
export function pickupCodeMatches(typed: string, expected: string | null): boolean {
  if (!expected) return false;
  const digest = (code: string) => createHash('sha256').update(code.trim().toUpperCase()).digest();
  return timingSafeEqual(digest(typed), digest(expected));
}

/** "Mark ready": paid → ready_for_pickup. Errors (DomainError): notFound, forbidden, invalidState, conflict. */
export async function markPickupReady(
  db: DbOrTx,
  input: { orderId: string; storeId: number; actor: Actor },
): Promise<PickupStepResult> {
  return db.transaction(async (tx) => {
    const order = await storePickup(tx, input.orderId, input.storeId);
    await transitionOrder(tx, { orderId: order.id, to: 'ready_for_pickup', actor: input.actor });
    return { orderId: order.id, number: order.number, status: 'ready_for_pickup' };
  });
}

export interface HandOverInput {
  orderId: string;
  storeId: number;
  actor: Actor;
  /** What the customer shows: typed, or scanned from the QR code in their message. */
  pickupCode?: string | null;
  /** The clerk checked the customer's identity instead (no code): recorded as an 'identity_checked' event. */
  identityChecked?: boolean;
}

/**
 * "Hand over": ready_for_pickup → collected (the reserved stock is committed), only with the order's
 * pickup code or the clerk's explicit identity check. A wrong code changes nothing but the attempt
 * count: after PICKUP_CODE_ATTEMPTS.limit tries the code is refused for a while, so it cannot be
 * guessed at the counter; the attempt is counted before the comparison and outside the hand-over's
 * transaction, so parallel guesses are counted one by one and a refusal does not roll the count back.
 *
 * Errors (DomainError): notFound, forbidden, invalidState, conflict; on the `pickupCode` field:
 * pickupCodeRequired, pickupCodeWrong, pickupCodeLocked ({ minutes }).
 */
export async function handOverPickup(db: DbOrTx, input: HandOverInput, now = new Date()): Promise<PickupStepResult> {
  const order = await storePickup(db, input.orderId, input.storeId);
  if (!staffMayHandle(input.actor, input.storeId)) throw new DomainError('forbidden');
  if (order.status !== 'ready_for_pickup') throw new DomainError('invalidState');
  const code = input.pickupCode?.trim() ?? '';
  if (!input.identityChecked) {
    if (!code) throw new DomainError('pickupCodeRequired', {}, 'pickupCode');
    const attempt = await takeRateLimit(db, { ...PICKUP_CODE_ATTEMPTS, key: order.id }, now);
    if (!attempt.allowed) {
      throw new DomainError('pickupCodeLocked', { minutes: Math.max(1, Math.ceil(attempt.retryAfterMs / 60_000)) }, 'pickupCode');
    }
    if (!pickupCodeMatches(code, order.pickupCode)) throw new DomainError('pickupCodeWrong', {}, 'pickupCode');
  }
  return db.transaction(async (tx) => {
    if (input.identityChecked) {
      // Who vouched for the customer, before the hand-over it allowed (same transaction: both or neither).
      await tx.insert(orderEvents).values({
        orderId: order.id,
        type: 'identity_checked',
        fromStatus: 'ready_for_pickup',
        toStatus: 'collected',
        actorUserId: input.actor.userId,
      });
    }
    await transitionOrder(tx, { orderId: order.id, to: 'collected', actor: input.actor });
    return { orderId: order.id, number: order.number, status: 'collected' };
  });
}

/** When the order was last handed over (its latest 'collected' event), or null. */
export async function lastHandoverAt(db: DbOrTx, orderId: string): Promise<Date | null> {
  const [row] = await db
    .select({ at: orderEvents.createdAt })
    .from(orderEvents)
    .where(and(eq(orderEvents.orderId, orderId), eq(orderEvents.type, 'collected')))
    .orderBy(desc(orderEvents.createdAt), desc(orderEvents.id))
    .limit(1);
  return row?.at ?? null;
}

/**
 * "Undo" right after a hand-over: collected → ready_for_pickup, within HANDOVER_UNDO_WINDOW_MS and by
 * staff of the pickup store. A state change with a 'handover_undone' event, never a delete, and the
 * stock effect of the hand-over reversed exactly: the committed units come back on the shelf
 * (on_hand +, an 'adjustment' movement referencing the order) and are reserved for the order again
 * (reserved +), so stock_levels and the ledger both return to what they were before the hand-over.
 *
 * Errors (DomainError): notFound, forbidden, invalidState, conflict, handoverUndoExpired ({ minutes }).
 */
export async function undoHandover(
  db: DbOrTx,
  input: { orderId: string; storeId: number; actor: Actor },
  now = new Date(),
): Promise<PickupStepResult> {
  return db.transaction(async (tx) => {
    const order = await storePickup(tx, input.orderId, input.storeId);
    if (!staffMayHandle(input.actor, input.storeId)) throw new DomainError('forbidden');
    if (order.status !== 'collected') throw new DomainError('invalidState');
    if (!mayUndoHandover(order, await lastHandoverAt(tx, order.id), now)) {
      throw new DomainError('handoverUndoExpired', { minutes: HANDOVER_UNDO_WINDOW_MS / 60_000 });
    }
    const [moved] = await tx
      .update(orders)
      .set({ status: 'ready_for_pickup' })
      .where(and(eq(orders.id, order.id), eq(orders.status, 'collected')))
      .returning({ stockLocationId: orders.stockLocationId });
    if (!moved) throw new DomainError('conflict');

    // A web order's hand-over committed its reservation (see transitionOrder's stockEffect).
    if (order.channel === 'web') {
      const lines = await tx
        .select({ variantId: orderLines.variantId, quantity: sql<number>`sum(${orderLines.quantity})::int`.mapWith(Number) })
        .from(orderLines)
        .where(eq(orderLines.orderId, order.id))
        .groupBy(orderLines.variantId)
        .orderBy(asc(orderLines.variantId)); // fixed lock order, as in placeOrder
      const meta = { locationId: moved.stockLocationId, reference: order.number, actorUserId: input.actor.userId };
      for (const line of lines) {
        await adjustStock(tx, { ...meta, variantId: line.variantId, delta: line.quantity, reason: 'adjustment' });
        await reserveStock(tx, { ...meta, variantId: line.variantId, quantity: line.quantity });
      }
    }

    await tx.insert(orderEvents).values({
      orderId: order.id,
      type: 'handover_undone',
      fromStatus: 'collected',
      toStatus: 'ready_for_pickup',
      actorUserId: input.actor.userId,
    });
    await publishOrderChange(tx, { id: order.id, fulfilment: 'pickup', pickupLocationId: input.storeId });
    return { orderId: order.id, number: order.number, status: 'ready_for_pickup' };
  });
}
