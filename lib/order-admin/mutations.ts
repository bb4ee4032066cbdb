import { randomUUID } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { notifications, orderEvents, orders, payments, type OrderStatus } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { enqueueNotification } from '@/lib/notifications/outbox';
import { guestOrderLinkPath } from '@/lib/order-messages/guest-link';
import { transitionOrder } from '@/lib/orders/mutations';
import { noteRefundDue } from '@/lib/orders/payment-failure';
import { assertAdmin } from './queries';
import type { CancelOrderInput, OrderIdInput, ResendMessageInput, ShipOrderInput } from './schemas';

// The admin's steps on an order. Each runs in one transaction: the order row is locked first (as
// transitionOrder and settlePayment do, so a step racing a payment webhook waits instead of
// deadlocking), the state is checked with a message the admin can act on, and the audit entry is
// written with the change.

interface LockedOrder {
  id: string;
  number: string;
  status: OrderStatus;
  fulfilment: 'delivery' | 'pickup' | 'in_store';
}

async function lockOrder(tx: DbOrTx, orderId: string): Promise<LockedOrder> {
  const [order] = await tx
    .select({ id: orders.id, number: orders.number, status: orders.status, fulfilment: orders.fulfilment })
    .from(orders)
    .where(eq(orders.id, orderId))
    .for('update');
  if (!order) throw new DomainError('notFound');
  return order;
}

/**
 * "Mark shipped": a paid delivery order leaves the warehouse with a carrier and tracking number. The
 * reserved stock is committed and the customer gets the 'shipped' message (with the tracking link
 * when the carrier is known) — both by transitionOrder, in this transaction.
 *
 * Errors: notFound; orderNotForDelivery (pickup / counter sale); orderNotPaid; orderNotShippable
 * (already shipped, delivered or cancelled).
 */
export async function shipOrder(db: DbOrTx, input: ShipOrderInput, actor: Actor): Promise<{ orderId: string; number: string }> {
  assertAdmin(actor);
  return db.transaction(async (tx) => {
    const order = await lockOrder(tx, input.orderId);
    if (order.fulfilment !== 'delivery') throw new DomainError('orderNotForDelivery', { number: order.number });
    if (order.status === 'pending_payment') throw new DomainError('orderNotPaid', { number: order.number });
    if (order.status !== 'paid') throw new DomainError('orderNotShippable', { number: order.number });
    await tx.update(orders).set({ carrier: input.carrier, trackingNumber: input.trackingNumber }).where(eq(orders.id, order.id));
    await transitionOrder(tx, { orderId: order.id, to: 'shipped', actor, note: `${input.carrier} ${input.trackingNumber}` });
    await recordAudit(tx, actor, {
      action: 'order.shipped',
      entityType: 'order',
      entityId: order.id,
      summary: `${order.number} shipped with ${input.carrier} (${input.trackingNumber})`,
      before: { status: order.status },
      after: { status: 'shipped', carrier: input.carrier, trackingNumber: input.trackingNumber },
    });
    return { orderId: order.id, number: order.number };
  });
}

/** "Mark delivered": the carrier delivered a shipped order. Errors: notFound, orderNotShipped. */
export async function markOrderDelivered(db: DbOrTx, input: OrderIdInput, actor: Actor): Promise<{ orderId: string; number: string }> {
  assertAdmin(actor);
  return db.transaction(async (tx) => {
    const order = await lockOrder(tx, input.orderId);
    if (order.status !== 'shipped') throw new DomainError('orderNotShipped', { number: order.number });
    await transitionOrder(tx, { orderId: order.id, to: 'delivered', actor });
    await recordAudit(tx, actor, {
      action: 'order.delivered',
      entityType: 'order',
      entityId: order.id,
      summary: `${order.number} delivered`,
      before: { status: order.status },
      after: { status: 'delivered' },
    });
    return { orderId: order.id, number: order.number };
  });
}

const CANCELLABLE: readonly OrderStatus[] = ['pending_payment', 'paid', 'ready_for_pickup'];

/**
 * "Cancel order": the reservation is released (or a counter sale's goods put back) by transitionOrder.
 * Money already captured is NOT refunded here — the provider refund comes with issue #8 — so every
 * succeeded payment is marked `refundDue` with a 'refund_due' event: it shows under the dashboard's
 * "Payments needing attention" until someone pays it back.
 *
 * Errors: notFound; orderNotCancellable (shipped, delivered, collected, completed or cancelled).
 */
export async function cancelOrderByAdmin(
  db: DbOrTx,
  input: CancelOrderInput,
  actor: Actor,
): Promise<{ orderId: string; number: string; refundDueCents: number }> {
  assertAdmin(actor);
  return db.transaction(async (tx) => {
    const order = await lockOrder(tx, input.orderId);
    if (!CANCELLABLE.includes(order.status)) throw new DomainError('orderNotCancellable', { number: order.number });
    await transitionOrder(tx, { orderId: order.id, to: 'cancelled', actor, note: input.reason || null });
    const owed = await tx
      .update(payments)
      .set({ refundDue: true })
      .where(and(eq(payments.orderId, order.id), eq(payments.status, 'succeeded'), eq(payments.refundDue, false)))
      .returning({ amountCents: payments.amountCents });
    const refundDueCents = owed.reduce((sum, p) => sum + p.amountCents, 0);
    if (owed.length > 0) await noteRefundDue(tx, { orderId: order.id, note: 'Cancelled by an admin after payment: refund owed' });
    await recordAudit(tx, actor, {
      action: 'order.cancelled',
      entityType: 'order',
      entityId: order.id,
      summary: `${order.number} cancelled${refundDueCents > 0 ? `, refund owed ${refundDueCents} cents` : ''}`,
      before: { status: order.status },
      after: { status: 'cancelled', refundDueCents },
    });
    return { orderId: order.id, number: order.number, refundDueCents };
  });
}

/** A guest's link in a message expires: a message sent again gets a fresh one. */
function withFreshGuestLink(payload: Record<string, unknown>, orderId: string, now: Date): Record<string, unknown> {
  if (typeof payload.link !== 'string' || !payload.link.includes('/open?access=')) return payload;
  const guest = guestOrderLinkPath(orderId, now);
  const fresh: Record<string, unknown> = { ...payload, link: guest.path };
  if ('guestLinkExpiresAt' in payload) fresh.guestLinkExpiresAt = guest.expiresAt.toISOString();
  return fresh;
}

/**
 * "Send again": the order's latest outbox message of one kind (template + channel) is queued once
 * more, to the same recipient with the same content, under a new cause key (the original stays as
 * it was). An order event 'message_resent' puts it on the timeline.
 *
 * Errors: notFound; noMessageToResend (nothing of this kind was ever sent for the order).
 */
export async function resendOrderMessage(
  db: DbOrTx,
  input: ResendMessageInput,
  actor: Actor,
  now: Date = new Date(),
): Promise<{ orderId: string; number: string; templateKey: string; channel: 'email' | 'sms' }> {
  assertAdmin(actor);
  const [templateKey, channel] = input.kind.split(':') as [string, 'email' | 'sms'];
  return db.transaction(async (tx) => {
    const order = await lockOrder(tx, input.orderId);
    const [last] = await tx
      .select()
      .from(notifications)
      .where(and(eq(notifications.orderId, order.id), eq(notifications.templateKey, templateKey), eq(notifications.channel, channel)))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(1);
    if (!last) throw new DomainError('noMessageToResend', {}, 'kind');
    await enqueueNotification(tx, {
      causeKey: `order:${order.id}:resend:${randomUUID()}`,
      channel,
      recipient: last.recipient,
      templateKey,
      locale: last.locale,
      payload: withFreshGuestLink(last.payload, order.id, now),
      customerId: last.customerId,
      orderId: order.id,
    });
    await tx.insert(orderEvents).values({ orderId: order.id, type: 'message_resent', actorUserId: actor.userId, note: `${templateKey} (${channel})` });
    await recordAudit(tx, actor, {
      action: 'order.message_resent',
      entityType: 'order',
      entityId: order.id,
      summary: `${order.number}: ${templateKey} (${channel}) sent again`,
      after: { templateKey, channel, resentFrom: last.id },
    });
    return { orderId: order.id, number: order.number, templateKey, channel };
  });
}

/** A clerk opened an order found by the counter's look-up: recorded, as every look-up of someone's data is. */
export async function recordOrderLookup(db: DbOrTx, actor: Actor, order: { id: string; number: string }): Promise<void> {
  if (actor.role !== 'clerk' && actor.role !== 'admin') throw new DomainError('forbidden');
  await recordAudit(db, actor, {
    action: 'order.looked_up',
    entityType: 'order',
    entityId: order.id,
    summary: `${order.number} looked up at the counter`,
    after: actor.locationId ? { storeId: actor.locationId } : undefined,
  });
}
