import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { orders } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { transitionOrder } from './transition-order';

export type PickupStep = 'ready_for_pickup' | 'collected';

/**
 * The counter's two pickup steps: "Mark ready" (paid → ready_for_pickup) and "Hand over"
 * (ready_for_pickup → collected, which commits the reserved stock). Only for a pickup of `storeId`,
 * the counter's own store: another store's order is notFound, whatever the actor's role. The status
 * rules and the staff check stay in transitionOrder.
 *
 * Errors (DomainError): notFound, forbidden, invalidState, conflict.
 */
export async function advancePickup(
  db: DbOrTx,
  input: { orderId: string; to: PickupStep; storeId: number; actor: Actor },
): Promise<{ orderId: string; number: string; status: PickupStep }> {
  return db.transaction(async (tx) => {
    const [order] = await tx
      .select({ id: orders.id, number: orders.number })
      .from(orders)
      .where(
        and(
          eq(orders.id, input.orderId),
          eq(orders.fulfilment, 'pickup'),
          eq(orders.pickupLocationId, input.storeId),
        ),
      );
    if (!order) throw new DomainError('notFound');
    await transitionOrder(tx, { orderId: order.id, to: input.to, actor: input.actor });
    return { orderId: order.id, number: order.number, status: input.to };
  });
}
