// Order helpers for integration tests (imported by *.test.ts only; never by app code).
import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '@/db/client';
import { customers } from '@/db/schema';
import { addToCart, getOrCreateCounterCart, getOrCreateWebCart } from '@/lib/carts/mutations';
import type { Actor } from '@/lib/identity/queries';
import { placeOrder, recordPayment } from '@/lib/orders/mutations';
import type { createShop } from '@/lib/testing/fixtures';

type Shop = Awaited<ReturnType<typeof createShop>>;

export const ADDRESS = { name: 'Eva de Vries', street: 'Damrak 1', postcode: '1012 LG', city: 'Amsterdam', country: 'NL' };

/** A web order of `quantity` × the shop's variant: as `actor` (a customer) or as a guest with `guest` details. */
export async function webOrder(
  db: DbOrTx,
  shop: Shop,
  options: {
    fulfilment: 'delivery' | 'pickup';
    actor?: Actor | null;
    guest?: { email: string; phone?: string | null; name?: string };
    locale?: 'nl' | 'en';
    quantity?: number;
    now?: Date;
  },
) {
  const actor = options.actor ?? null;
  const { cartId } = await getOrCreateWebCart(db, { customerId: actor?.customerId ?? null });
  await addToCart(db, { cartId, variantId: shop.variant.id, quantity: options.quantity ?? 1 });
  return placeOrder(
    db,
    {
      idempotencyKey: randomUUID(),
      channel: 'web',
      fulfilment: options.fulfilment,
      cartId,
      email: options.guest?.email ?? null,
      phone: options.guest?.phone ?? null,
      customerName: options.guest?.name ?? 'Eva de Vries',
      shippingAddress: options.fulfilment === 'delivery' ? ADDRESS : null,
      pickupLocationId: options.fulfilment === 'pickup' ? shop.storeA.id : null,
      locale: options.locale,
      now: options.now,
    },
    actor,
  );
}

/** The online provider's confirmation of the whole amount. */
export function payOnline(db: DbOrTx, order: { orderId: string; totalCents: number }) {
  return recordPayment(db, { orderId: order.orderId, method: 'test_provider', amountCents: order.totalCents, idempotencyKey: randomUUID() }, null);
}

/** A counter sale at store A by `clerk`, paid by card; linked to `customerId` when given. */
export async function counterSale(db: DbOrTx, shop: Shop, clerk: Actor, customerId: number | null = null) {
  const { cartId } = await getOrCreateCounterCart(db, { clerkUserId: clerk.userId, locationId: shop.storeA.id });
  await addToCart(db, { cartId, variantId: shop.variant.id, quantity: 1 });
  const placed = await placeOrder(
    db,
    { idempotencyKey: randomUUID(), channel: 'store', fulfilment: 'in_store', cartId, stockLocationId: shop.storeA.id, customerId },
    clerk,
  );
  await recordPayment(db, { orderId: placed.orderId, method: 'card_terminal', amountCents: placed.totalCents, idempotencyKey: randomUUID() }, clerk);
  return placed;
}

/** A customer profile without an account (made at the counter), with the given preferences. */
export async function createProfile(
  db: DbOrTx,
  values: { email?: string | null; phone?: string | null; notifyByEmail?: boolean; notifyBySms?: boolean; locale?: 'nl' | 'en' | null; name?: string },
) {
  const [row] = await db
    .insert(customers)
    .values({ name: values.name ?? 'Piet', email: values.email ?? null, phone: values.phone ?? null, notifyByEmail: values.notifyByEmail ?? true, notifyBySms: values.notifyBySms ?? false, locale: values.locale ?? null })
    .returning();
  return row;
}
