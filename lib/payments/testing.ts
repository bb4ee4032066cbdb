// Fixtures for tests (the security world); never imported by app code.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { payments } from '@/db/schema';
import { addToCart, getOrCreateWebCart } from '@/lib/carts/mutations';
import type { Actor } from '@/lib/identity/queries';
import { cancelOrderByAdmin } from '@/lib/order-admin/mutations';
import { placeOrder } from '@/lib/orders/mutations';
import { recordPayment } from '@/lib/orders/record-payment';
import { startPayment } from './mutations';

/**
 * A guest's paid pickup order, cancelled by an admin: its online payment is owed back (refundDue), for
 * the admin's "Retry refund". A cart of its own: the owner's one open web cart stays for the cart actions.
 */
export async function createPaymentThings(
  db: DbOrTx,
  shop: { storeA: { id: number }; variant: { id: number } },
  actors: { owner?: Actor; admin: Actor },
) {
  const { cartId } = await getOrCreateWebCart(db, {});
  await addToCart(db, { cartId, variantId: shop.variant.id, quantity: 1 });
  const placed = await placeOrder(db, { idempotencyKey: randomUUID(), channel: 'web', fulfilment: 'pickup', cartId, pickupLocationId: shop.storeA.id, email: 'guest-refund@example.com' }, null);
  const attempt = await startPayment(db, { orderId: placed.orderId });
  await recordPayment(
    db,
    { orderId: placed.orderId, method: 'test_provider', amountCents: placed.totalCents, idempotencyKey: await attemptKey(db, attempt.paymentId), providerReference: attempt.providerReference },
    null,
  );
  await cancelOrderByAdmin(db, { orderId: placed.orderId, reason: 'Customer asked' }, actors.admin);
  return { refundOwedOrderId: placed.orderId, refundOwedPaymentId: attempt.paymentId };
}

async function attemptKey(db: DbOrTx, paymentId: string): Promise<string> {
  const [row] = await db.select({ key: payments.idempotencyKey }).from(payments).where(eq(payments.id, paymentId));
  return row.key;
}
