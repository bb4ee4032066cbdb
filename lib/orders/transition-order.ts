import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { orderEvents, orderLines, orders, payments, type OrderStatus } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { releasePromotionUsage } from '@/lib/promotions/candidates';
import { recordOrderEvent } from '@/lib/insight/events';
import { recomputeCustomerSegments } from '@/lib/insight/segments';
import type { Actor } from '@/lib/identity/queries';
import { adjustStock, commitReservedStock, releaseStock } from '@/lib/inventory/mutations';
import { applyLoyaltyForOrderEvent } from '@/lib/loyalty/order-events';
import { notifyOrderEvent } from '@/lib/order-messages/notify';
import { guardOrderTransfer } from '@/lib/transfers/order-guard';
import { publishOrderChange } from './live';
import { canTransition, staffMayHandle } from './shared';

/** The shop itself (a job), not a person: it may only cancel a web order that is still unpaid. */
export const SYSTEM_ACTOR = 'system';

export interface TransitionOrderInput {
  orderId: string;
  to: OrderStatus;
  actor: Actor | typeof SYSTEM_ACTOR;
  note?: string | null;
}

/**
 * Moves an order to `to` if the transition table allows it (see ORDER_TRANSITIONS / canTransition),
 * with its stock consequences in the same transaction:
 * - 'collected' / 'shipped': the reserved goods leave (commitReservedStock);
 * - 'cancelled': a web order's reservation is released; a counter sale that was sold but never paid
 *   is put back on the shelf with a 'return' movement; open (pending) payment attempts are closed as
 *   'cancelled', so the hosted page no longer takes money for it (a success that still arrives is
 *   recorded as owed back, see settlePayment).
 * The status change is a conditional update on the status it was read with, so two clerks pressing
 * the same button cannot both succeed (the second gets DomainError('conflict')). Staff only; a clerk
 * only for orders of their own store; SYSTEM_ACTOR only to cancel an unpaid web order (its hold expired).
 * On commit the change is announced live (publishOrderChange).
 *
 * Errors (DomainError): notFound, forbidden, invalidState (transition not allowed), conflict.
 */
export async function transitionOrder(db: DbOrTx, input: TransitionOrderInput): Promise<{ orderId: string; status: OrderStatus }> {
  const { actor } = input;
  return db.transaction(async (tx) => {
    const [order] = await tx
      .select({
        id: orders.id,
        number: orders.number,
        channel: orders.channel,
        fulfilment: orders.fulfilment,
        status: orders.status,
        stockLocationId: orders.stockLocationId,
        pickupLocationId: orders.pickupLocationId,
        customerId: orders.customerId,
      })
      .from(orders)
      .where(eq(orders.id, input.orderId));
    if (!order) throw new DomainError('notFound');
    if (actor === SYSTEM_ACTOR) {
      if (!(input.to === 'cancelled' && order.status === 'pending_payment' && order.channel === 'web')) throw new DomainError('forbidden');
    } else if (!staffMayHandle(actor, order.pickupLocationId ?? order.stockLocationId)) {
      throw new DomainError('forbidden');
    }
    if (!canTransition(order, input.to)) throw new DomainError('invalidState');
    // Endless aisle: an order whose goods are still coming by transfer (lib/transfers/order-guard.ts).
    const { skipStock } = await guardOrderTransfer(tx, order.id, input.to, actor);
    const actorUserId = actor === SYSTEM_ACTOR ? null : actor.userId;

    const [moved] = await tx
      .update(orders)
      .set({ status: input.to })
      .where(and(eq(orders.id, order.id), eq(orders.status, order.status)))
      .returning({ id: orders.id });
    if (!moved) throw new DomainError('conflict');

    if (input.to === 'cancelled') {
      // Order row first, then its payments: the order settlePayment locks them in, so a cancel racing
      // with a payment webhook waits instead of deadlocking.
      await tx
        .update(payments)
        .set({ status: 'cancelled' })
        .where(and(eq(payments.orderId, order.id), eq(payments.status, 'pending')));
      // A cancelled order gives its promotion uses back (limits, per customer, budget).
      await releasePromotionUsage(tx, order.id);
      // A cancelled order no longer counts for the customer's segments (S14).
      if (order.customerId !== null) await recomputeCustomerSegments(tx, order.customerId);
    }

    // An endless-aisle order (counter, for delivery or pickup later) holds a reservation like a web order.
    const stockChange = stockEffect(order.fulfilment === 'in_store' ? order.channel : 'web', input.to);
    if (stockChange && !skipStock) {
      const lines = await tx
        .select({ variantId: orderLines.variantId, quantity: sql<number>`sum(${orderLines.quantity})::int`.mapWith(Number) })
        .from(orderLines)
        .where(eq(orderLines.orderId, order.id))
        .groupBy(orderLines.variantId)
        .orderBy(asc(orderLines.variantId)); // fixed lock order, as in placeOrder
      const meta = { locationId: order.stockLocationId, reference: order.number, actorUserId };
      for (const line of lines) {
        const change = { ...meta, variantId: line.variantId, quantity: line.quantity };
        if (stockChange === 'commit') await commitReservedStock(tx, change);
        else if (stockChange === 'release') await releaseStock(tx, change);
        else await adjustStock(tx, { ...meta, variantId: line.variantId, delta: line.quantity, reason: 'return' });
      }
    }

    await tx.insert(orderEvents).values({
      orderId: order.id,
      type: input.to as Exclude<OrderStatus, 'pending_payment'>,
      fromStatus: order.status,
      toStatus: input.to,
      actorUserId,
      note: input.note ?? null,
    });
    await notifyOrderEvent(tx, order.id, input.to, { note: input.note });
    await applyLoyaltyForOrderEvent(tx, order.id, input.to);
    // The journey's touchpoints (S13), in this transaction.
    if (input.to === 'paid' || input.to === 'collected' || input.to === 'delivered') await recordOrderEvent(tx, order.id, input.to);
    // Its order page and, for a pickup, its store's pickups list re-read it once this commits.
    await publishOrderChange(tx, order);
    return { orderId: order.id, status: input.to };
  });
}

/** Web orders hold a reservation until the goods leave; counter sales took the goods at placement. */
function stockEffect(channel: 'web' | 'store', to: OrderStatus): 'commit' | 'release' | 'restock' | null {
  if (channel === 'web') {
    if (to === 'collected' || to === 'shipped') return 'commit';
    if (to === 'cancelled') return 'release';
    return null;
  }
  return to === 'cancelled' ? 'restock' : null;
}
