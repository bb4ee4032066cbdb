import { and, eq, inArray, isNotNull, lt, or } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { orderLines, orders, returns } from '@/db/schema';
import { releasePromotionUsage } from '@/lib/promotions/candidates';

/**
 * Gives an order's promotion uses back (limits, per customer, budget, campaign code) once it is fully
 * returned — issue #10: usage is "released when the order is cancelled or fully returned". Call in the
 * transaction in which a return's goods are received. Fully returned means: every unit of every line
 * is returned (returned_quantity = quantity), no return of the order is still on its way (requested /
 * in transit: it could yet be cancelled, giving units back), and no unit was exchanged (an exchange
 * keeps what was paid, discount included, on the exchange order). The order row is locked first, so
 * two returns received at once cannot both miss that the order is now complete; releasing twice is
 * impossible (releasePromotionUsage releases each redemption once). Returns whether uses were released.
 */
export async function releasePromotionsIfFullyReturned(tx: DbOrTx, orderId: string): Promise<boolean> {
  // NO KEY UPDATE: the receiving transaction already holds KEY SHARE on the order (its event rows' foreign
  // key); FOR UPDATE would deadlock two receipts of one order, this only makes the second wait.
  await tx.select({ id: orders.id }).from(orders).where(eq(orders.id, orderId)).for('no key update');
  const [unitLeft] = await tx
    .select({ id: orderLines.id })
    .from(orderLines)
    .where(and(eq(orderLines.orderId, orderId), lt(orderLines.returnedQuantity, orderLines.quantity)))
    .limit(1);
  if (unitLeft) return false;
  const [openOrExchanged] = await tx
    .select({ id: returns.id })
    .from(returns)
    .where(and(eq(returns.orderId, orderId), or(inArray(returns.status, ['requested', 'in_transit']), isNotNull(returns.exchangeOrderId))))
    .limit(1);
  if (openOrExchanged) return false;
  return (await releasePromotionUsage(tx, orderId)) > 0;
}
