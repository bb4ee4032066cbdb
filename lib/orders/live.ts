import type { DbOrTx } from '@/db/client';
import { publishLive } from '@/lib/live/publish';

// Live topics of the orders room (rules in lib/live/access.ts): the order page listens to
// `order:<id>`, the counter's pickups list to `pickups:<storeId>` (its own store).

export const orderTopic = (orderId: string) => `order:${orderId}`;
export const pickupsTopic = (storeId: number) => `pickups:${storeId}`;

/**
 * Announces (on commit) that an order's status or payment state changed: to its order page, and for a
 * pickup order to its store's pickups list (a paid one appears there, ready/collected/cancelled ones move).
 */
export async function publishOrderChange(
  db: DbOrTx,
  order: { id: string; fulfilment: 'delivery' | 'pickup' | 'in_store'; pickupLocationId: number | null },
): Promise<void> {
  await publishLive(db, { topic: orderTopic(order.id) });
  if (order.fulfilment === 'pickup' && order.pickupLocationId !== null) {
    await publishLive(db, { topic: pickupsTopic(order.pickupLocationId) });
  }
}
