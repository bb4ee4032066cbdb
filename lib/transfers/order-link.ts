import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { orderEvents, orders } from '@/db/schema';
import type { Actor } from '@/lib/identity/queries';
import { reserveStock } from '@/lib/inventory/mutations';
import { transitionOrder } from '@/lib/orders/transition-order';

/**
 * A transfer that belongs to an order has arrived (endless aisle, "order for pickup here"). The order
 * gets its 'transfer_received' event. When everything arrived at the order's pickup store and the order
 * is paid, the goods are reserved for it there (so they cannot be sold off the shelf) and the order
 * becomes ready for pickup through transitionOrder — which sends the customer the pickup code and puts
 * it in that store's pickup list. With a shortfall the order stays waiting; staff decide (the event
 * says how many are missing).
 */
export async function completeOrderTransfer(
  tx: DbOrTx,
  input: { orderId: string; number: string; locationId: number; received: { variantId: number; received: number }[]; shortfall: number },
  actor: Actor,
): Promise<void> {
  const note = input.shortfall > 0 ? `${input.number} (${input.shortfall} short)` : input.number;
  await tx.insert(orderEvents).values({ orderId: input.orderId, type: 'transfer_received', actorUserId: actor.userId, note });
  const [order] = await tx
    .select({ id: orders.id, number: orders.number, status: orders.status, fulfilment: orders.fulfilment, pickupLocationId: orders.pickupLocationId })
    .from(orders)
    .where(eq(orders.id, input.orderId))
    .for('update');
  if (!order || input.shortfall > 0) return;
  if (order.fulfilment !== 'pickup' || order.pickupLocationId !== input.locationId || order.status !== 'paid') return;
  for (const line of [...input.received].sort((a, b) => a.variantId - b.variantId)) {
    await reserveStock(tx, { variantId: line.variantId, locationId: input.locationId, quantity: line.received, reference: order.number, actorUserId: actor.userId });
  }
  await transitionOrder(tx, { orderId: order.id, to: 'ready_for_pickup', actor });
}
