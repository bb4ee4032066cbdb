import 'server-only';
import type { DbOrTx } from '@/db/client';
import type { Actor } from '@/lib/identity/queries';
import { getOrderForViewer } from '@/lib/orders/guest-orders';
import { getOrderById } from '@/lib/orders/queries';
import { staffMayHandle } from '@/lib/orders/shared';
import { findInvoiceForOrder, type IssuedInvoice } from './issue-invoice';

/**
 * The order's invoice if this viewer may see the order: its customer, the browser that placed it as
 * a guest (getOrderForViewer), or staff of the store that handles it (admins everywhere). Null
 * otherwise — also when there is no invoice yet — so the route answers a plain 404 either way.
 */
export async function getInvoiceForViewer(
  db: DbOrTx,
  orderId: string,
  viewer: { actor: Actor | null; guestOrderIds: string[] },
): Promise<IssuedInvoice | null> {
  let order: { id: string } | null = await getOrderForViewer(db, orderId, viewer);
  if (!order && viewer.actor && (viewer.actor.role === 'clerk' || viewer.actor.role === 'admin')) {
    const staffOrder = await getOrderById(db, orderId);
    if (staffOrder && staffMayHandle(viewer.actor, staffOrder.pickupLocation?.id ?? staffOrder.stockLocation.id)) order = staffOrder;
  }
  return order ? findInvoiceForOrder(db, order.id) : null;
}
