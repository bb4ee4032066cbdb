import 'server-only';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { orders } from '@/db/schema';
import type { Actor } from '@/lib/identity/queries';
import { shopperMayViewOrder } from './guest-orders';
import { isStaff, staffMayHandle } from './shared';

// Who may watch the orders room's live topics (lib/orders/live.ts), by the rules its pages and actions
// already follow: the order page's (shopperMayViewOrder) and the staff check of transitionOrder
// (staffMayHandle at the order's pickup or stock location); the pickups list is the counter's own store.

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `order:<orderId>`: its customer, the guest browser that placed it, admins, clerks of its store. */
export async function mayWatchOrder(db: DbOrTx, viewer: { actor: Actor | null; guestOrderIds: string[] }, orderId: string): Promise<boolean> {
  if (!UUID_RE.test(orderId)) return false;
  if (!isStaff(viewer.actor)) return shopperMayViewOrder(db, orderId, viewer);
  const [order] = await db
    .select({ pickupLocationId: orders.pickupLocationId, stockLocationId: orders.stockLocationId })
    .from(orders)
    .where(eq(orders.id, orderId));
  return !!order && staffMayHandle(viewer.actor, order.pickupLocationId ?? order.stockLocationId);
}

/**
 * `pickups:<storeId>`: the clerks of that store and admins (an admin works at the counter of any store
 * they choose, see resolveCounterStore).
 */
export function mayWatchPickups(actor: Actor | null, storeId: string): boolean {
  if (!/^\d{1,10}$/.test(storeId)) return false;
  return staffMayHandle(actor, Number(storeId));
}
