import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { orderLines, orders, variants, type orderStatus } from '@/db/schema';

/**
 * Order statuses in which the goods were paid for: online orders from 'paid' on, counter sales
 * ('completed'). Pending and cancelled orders never make a buyer.
 */
export const PURCHASED_STATUSES: (typeof orderStatus.enumValues)[number][] = [
  'paid',
  'ready_for_pickup',
  'collected',
  'shipped',
  'delivered',
  'completed',
];

/**
 * Where the customer bought the product — the channel of their latest paid or completed order line of
 * any channel (web or counter: a counter sale counts once the customer was attached to it) for a variant
 * of the product, not fully returned — or null when they did not buy it (not a verified buyer). Profiles
 * of one person are merged into one (lib/identity/profile-merge), so the customer id covers every channel.
 */
export async function verifiedPurchaseChannel(db: DbOrTx, customerId: number, productId: number): Promise<'web' | 'store' | null> {
  const [row] = await db
    .select({ channel: orders.channel })
    .from(orderLines)
    .innerJoin(orders, eq(orders.id, orderLines.orderId))
    .innerJoin(variants, eq(variants.id, orderLines.variantId))
    .where(
      and(
        eq(orders.customerId, customerId),
        eq(variants.productId, productId),
        inArray(orders.status, PURCHASED_STATUSES),
        lt(orderLines.returnedQuantity, orderLines.quantity),
      ),
    )
    .orderBy(desc(orders.placedAt))
    .limit(1);
  return row?.channel ?? null;
}

/** Whether the customer bought the product (see verifiedPurchaseChannel). */
export async function isVerifiedBuyer(db: DbOrTx, customerId: number, productId: number): Promise<boolean> {
  return (await verifiedPurchaseChannel(db, customerId, productId)) !== null;
}
