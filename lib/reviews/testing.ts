// For tests only (the review tests, the security world): purchases of a product through each channel,
// in the states that do or do not make a verified buyer. Imported by *.test.ts files and lib/security/world.ts.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { carts, orderLines } from '@/db/schema';
import { addToCart, getOrCreateCounterCart, getOrCreateWebCart } from '@/lib/carts/mutations';
import type { Actor } from '@/lib/identity/queries';
import { completeCounterSale } from '@/lib/orders/counter-sale';
import { placeOrder, recordPayment } from '@/lib/orders/mutations';
import { writeReview } from './mutations';

/** A web pickup order of `quantity` × the variant; paid unless `paid: false` (then it waits for payment). */
export async function buyOnline(db: DbOrTx, customer: Actor, variantId: number, storeId: number, options: { paid?: boolean; quantity?: number } = {}) {
  const { cartId } = await getOrCreateWebCart(db, { customerId: customer.customerId });
  await addToCart(db, { cartId, variantId, quantity: options.quantity ?? 1 });
  const placed = await placeOrder(db, { idempotencyKey: randomUUID(), channel: 'web', fulfilment: 'pickup', cartId, pickupLocationId: storeId }, customer);
  if (options.paid !== false)
    await recordPayment(db, { orderId: placed.orderId, method: 'test_provider', amountCents: placed.totalCents, idempotencyKey: randomUUID() }, null);
  return placed.orderId;
}

/** A card sale at the clerk's counter, with the customer's profile attached to the sale (or none: a walk-in). */
export async function buyAtCounter(db: DbOrTx, clerk: Actor, customerId: number | null, variantId: number) {
  const counter = await getOrCreateCounterCart(db, { clerkUserId: clerk.userId, locationId: clerk.locationId! });
  await addToCart(db, { cartId: counter.cartId, variantId, quantity: 1 });
  if (customerId !== null) await db.update(carts).set({ customerId }).where(eq(carts.id, counter.cartId));
  const sale = await completeCounterSale(db, { idempotencyKey: randomUUID(), method: 'card_terminal', cartId: counter.cartId, storeId: clerk.locationId! }, clerk);
  return sale.orderId;
}

/** Every unit of the order's lines taken back (as a completed return leaves them). */
export async function returnEverything(db: DbOrTx, orderId: string) {
  const lines = await db.select({ id: orderLines.id, quantity: orderLines.quantity }).from(orderLines).where(eq(orderLines.orderId, orderId));
  for (const line of lines) await db.update(orderLines).set({ returnedQuantity: line.quantity }).where(eq(orderLines.id, line.id));
}

/** The security world's: the owner (who bought the shop's product) reviewed it. */
export async function createReviewThings(db: DbOrTx, productId: number, owner: Actor) {
  const { reviewId } = await writeReview(db, { productId, rating: 4, title: 'Comfortable', body: 'Good grip on wet trails.' }, owner, 'en');
  return { ownerReviewId: reviewId };
}
