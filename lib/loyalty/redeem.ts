import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { orders, type OrderStatus } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { paidCents, recordPayment } from '@/lib/orders/record-payment';
import { staffMayHandle } from '@/lib/orders/shared';
import { getSetting } from '@/lib/settings/settings';
import { ensureLoyaltyCard } from './cards';
import { findEntry, postEntry } from './ledger';
import { isWholeSteps, pointsValueCents } from './rules';

export interface RedeemForOrderInput {
  orderId: string;
  points: number;
  /** The payment attempt's key (the checkout's or the counter sale's): a repeat redeems nothing more. */
  idempotencyKey: string;
}

export interface RedeemedPoints {
  points: number;
  amountCents: number;
  /** The order after the points: still 'pending_payment' when something is left to pay. */
  orderStatus: OrderStatus;
  paymentId: string;
}

/**
 * Pays (part of) an order with the customer's points, in ONE transaction: the 'redeem' entry takes
 * the points with a conditional update (two tills spending one balance at once: one wins, the other
 * gets loyaltyInsufficientPoints) and a 'loyalty_points' payment for their value is recorded through
 * recordPayment — which makes the order paid/completed when the points cover all that is due.
 *
 * Rules: whole steps only (setting 'loyalty': redeemStepPoints → redeemStepCents); never worth more
 * than what is still due; only the order's own customer (signed in) or staff of the order's store.
 * Idempotent by `idempotencyKey` ('redeem:<key>'): the same points again return the first result; other
 * points with the same key are a conflict.
 *
 * Errors (DomainError, field 'loyaltyPoints'): loyaltyNoCustomer, loyaltyStep ({ step }),
 * loyaltyAboveTotal ({ max }), loyaltyInsufficientPoints ({ balance }); notFound, forbidden,
 * invalidState (not awaiting payment), conflict.
 */
export async function redeemPointsForOrder(
  db: DbOrTx,
  input: RedeemForOrderInput,
  actor: Actor,
): Promise<RedeemedPoints> {
  return db.transaction(async (tx) => {
    // The order first, as recordPayment and transitionOrder lock it: a cancel racing with this waits.
    const [order] = await tx
      .select({
        id: orders.id,
        status: orders.status,
        customerId: orders.customerId,
        totalCents: orders.totalCents,
        locationId: orders.stockLocationId,
        pickupLocationId: orders.pickupLocationId,
      })
      .from(orders)
      .where(eq(orders.id, input.orderId))
      .for('update');
    if (!order) throw new DomainError('notFound');
    const own =
      actor.role === 'customer' && actor.customerId !== null && actor.customerId === order.customerId;
    if (!own && !staffMayHandle(actor, order.pickupLocationId ?? order.locationId))
      throw new DomainError('forbidden');
    if (!order.customerId) throw new DomainError('loyaltyNoCustomer', {}, 'loyaltyPoints');

    const rates = await getSetting(tx, 'loyalty');
    const amountCents = pointsValueCents(input.points, rates);
    const entryKey = `redeem:${input.idempotencyKey}`;
    const paymentKey = `loyalty:${input.idempotencyKey}`;

    const earlier = await findEntry(tx, entryKey);
    if (earlier) {
      if (earlier.orderId !== order.id || earlier.points !== -input.points) throw new DomainError('conflict');
      const payment = await recordPayment(
        tx,
        { orderId: order.id, method: 'loyalty_points', amountCents, idempotencyKey: paymentKey },
        actor,
      );
      return {
        points: input.points,
        amountCents,
        orderStatus: payment.orderStatus,
        paymentId: payment.paymentId,
      };
    }

    if (!isWholeSteps(input.points, rates))
      throw new DomainError('loyaltyStep', { step: rates.redeemStepPoints }, 'loyaltyPoints');
    if (order.status !== 'pending_payment') throw new DomainError('invalidState');
    const dueCents = order.totalCents - (await paidCents(tx, order.id));
    if (amountCents > dueCents) {
      const max = Math.floor(dueCents / rates.redeemStepCents) * rates.redeemStepPoints;
      throw new DomainError('loyaltyAboveTotal', { max }, 'loyaltyPoints');
    }

    // Before the ledger write: giving a card updates a unique column of the customer row, which
    // conflicts with the key-share lock another till's entry insert holds on it (a deadlock if taken later).
    await ensureLoyaltyCard(tx, order.customerId);
    await postEntry(tx, {
      customerId: order.customerId,
      kind: 'redeem',
      points: -input.points,
      orderId: order.id,
      actorUserId: actor.userId,
      idempotencyKey: entryKey,
    });
    const payment = await recordPayment(
      tx,
      { orderId: order.id, method: 'loyalty_points', amountCents, idempotencyKey: paymentKey },
      actor,
    );
    return {
      points: input.points,
      amountCents,
      orderStatus: payment.orderStatus,
      paymentId: payment.paymentId,
    };
  });
}
