// Helpers for the loyalty tests (imported by *.test.ts only; never by app code).
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { carts, customers, loyaltyAccounts, payments } from '@/db/schema';
import { addToCart, getOrCreateCounterCart, getOrCreateWebCart } from '@/lib/carts/mutations';
import type { Actor } from '@/lib/identity/queries';
import { placeOrder } from '@/lib/orders/mutations';
import { startPayment } from '@/lib/payments/mutations';
import { deliverOutcome } from '@/lib/payments/payment-test-helpers';
import { createShop } from '@/lib/testing/fixtures';
import { ensureLoyaltyCard } from './cards';
import { getBalance, postEntry, sumOfEntries } from './ledger';

export type Shop = Awaited<ReturnType<typeof createShop>>;

/** A web order of the signed-in customer: pickup (no shipping) or delivery (+ the delivery fee). */
export async function placeWebOrder(
  db: Db,
  shop: Shop,
  customer: Actor,
  input: { quantity?: number; fulfilment?: 'pickup' | 'delivery' } = {},
) {
  const fulfilment = input.fulfilment ?? 'pickup';
  const { cartId } = await getOrCreateWebCart(db, { customerId: customer.customerId });
  await addToCart(db, { cartId, variantId: shop.variant.id, quantity: input.quantity ?? 1 });
  return placeOrder(
    db,
    {
      idempotencyKey: randomUUID(),
      channel: 'web',
      fulfilment,
      cartId,
      customerName: customer.name,
      shippingAddress:
        fulfilment === 'delivery'
          ? { name: 'Eva', street: 'Damrak 1', postcode: '1012 LG', city: 'Amsterdam', country: 'NL' }
          : null,
      pickupLocationId: fulfilment === 'pickup' ? shop.storeA.id : null,
    },
    customer,
  );
}

/** Pays what is due on a web order through the test provider and its signed webhook. */
export async function payOnline(db: Db, orderId: string) {
  const payment = await startPayment(db, { orderId });
  const [row] = await db
    .select({ amountCents: payments.amountCents })
    .from(payments)
    .where(eq(payments.id, payment.paymentId));
  return deliverOutcome(db, {
    providerReference: payment.providerReference,
    outcome: 'succeeded',
    amountCents: row.amountCents,
  });
}

/** The clerk's counter cart with `quantity` units and, optionally, a customer attached. */
export async function counterCart(
  db: Db,
  shop: Shop,
  clerk: Actor,
  input: { quantity?: number; customerId?: number | null } = {},
) {
  const { cartId } = await getOrCreateCounterCart(db, {
    clerkUserId: clerk.userId,
    locationId: clerk.locationId ?? shop.storeA.id,
  });
  await addToCart(db, { cartId, variantId: shop.variant.id, quantity: input.quantity ?? 1 });
  if (input.customerId)
    await db.update(carts).set({ customerId: input.customerId }).where(eq(carts.id, cartId));
  return cartId;
}

/** Gives a customer points by an admin-less adjustment (test setup only). */
export async function grantPoints(db: Db, customerId: number, points: number) {
  await ensureLoyaltyCard(db, customerId);
  await postEntry(db, {
    customerId,
    kind: 'adjustment',
    points,
    reason: 'test',
    idempotencyKey: `test:${randomUUID()}`,
  });
}

/** Balance and the sum of entries, which must always agree. */
export async function ledgerOf(db: Db, customerId: number) {
  const [account] = await db.select().from(loyaltyAccounts).where(eq(loyaltyAccounts.customerId, customerId));
  return {
    balance: await getBalance(db, customerId),
    sum: await sumOfEntries(db, customerId),
    hasAccount: !!account,
  };
}

export async function cardOf(db: Db, customerId: number) {
  const [row] = await db
    .select({ card: customers.loyaltyCardNumber })
    .from(customers)
    .where(eq(customers.id, customerId));
  return row?.card ?? null;
}
