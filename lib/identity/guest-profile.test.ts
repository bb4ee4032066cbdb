/**
 * A guest checkout joins the profile of its email (or makes one), and hands the guest nothing of that
 * profile: the guest sees only their own order; an account sees the order once it owns the profile.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { customers, orders } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { addToCart, getOrCreateWebCart } from '@/lib/carts/mutations';
import { findShopperThread, postCustomerMessage } from '@/lib/conversations/customer-messages';
import { getOrderForViewer } from '@/lib/orders/guest-orders';
import { placeOrder } from '@/lib/orders/mutations';
import { listOrdersForCustomer } from '@/lib/orders/queries';
import { createCustomerActor, createShop, resetDatabase } from '@/lib/testing/fixtures';
import type { Actor } from './queries';
import { counterProfile } from './test-helpers';

process.env.AUTH_SECRET ??= 'test-secret-for-guest-orders-0123456789';

let handle: DbHandle;
let db: Db;
let shop: Awaited<ReturnType<typeof createShop>>;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
});
afterAll(() => handle?.close());
beforeEach(async () => {
  await resetDatabase(db);
  shop = await createShop(db);
});

async function guestOrder(email: string, phone: string | null = null, actor: Actor | null = null) {
  const { cartId } = await getOrCreateWebCart(db, { customerId: actor?.customerId ?? null });
  await addToCart(db, { cartId, variantId: shop.variant.id, quantity: 1 });
  const { orderId } = await placeOrder(
    db,
    { idempotencyKey: randomUUID(), channel: 'web', fulfilment: 'pickup', pickupLocationId: shop.storeA.id, cartId, email, phone, customerName: 'Sam Guest', locale: 'en' },
    actor,
  );
  const [row] = await db.select({ customerId: orders.customerId }).from(orders).where(eq(orders.id, orderId));
  return { orderId, customerId: row.customerId };
}

describe('guest checkout and the customer profile', () => {
  it('creates a profile for a new email (lower-cased, phone in E.164, SMS on) and reuses it next time', async () => {
    const first = await guestOrder('Sam@Example.com', '06 12345678');
    const [profile] = await db.select().from(customers).where(eq(customers.id, first.customerId!));
    expect(profile).toMatchObject({ email: 'sam@example.com', phone: '+31612345678', name: 'Sam Guest', notifyBySms: true, locale: 'en' });
    const second = await guestOrder('sam@example.com');
    expect(second.customerId).toBe(first.customerId);
    expect(await db.select({ id: customers.id }).from(customers).where(eq(customers.email, 'sam@example.com'))).toHaveLength(1);
  });

  it('links to an existing profile without changing its contact data, and never by phone alone', async () => {
    const maria = await counterProfile(db, { email: 'maria@example.com', locationId: shop.storeA.id });
    const linked = await guestOrder('maria@example.com', '0687654321');
    expect(linked.customerId).toBe(maria.id);
    const [after] = await db.select({ phone: customers.phone, name: customers.name }).from(customers).where(eq(customers.id, maria.id));
    expect(after).toEqual({ phone: maria.phone, name: maria.name });
    // Maria's number with another email: a profile of its own, not Maria's.
    const other = await guestOrder('someone@example.com', maria.phone);
    expect(other.customerId).not.toBe(maria.id);
  });

  it('hands the guest nothing else: only their own order, and a guest thread, never the profile’s conversation', async () => {
    const anna = await createCustomerActor(db, 'anna@example.com');
    await postCustomerMessage(db, { body: 'Private question about my account' }, { actor: anna, guestOrderIds: [] });
    // A stranger checks out as a guest with Anna's email.
    const { orderId, customerId } = await guestOrder('anna@example.com');
    expect(customerId).toBe(anna.customerId);
    const guest = { actor: null, guestOrderIds: [orderId] };
    expect(await getOrderForViewer(db, orderId, guest)).not.toBeNull();
    expect(await findShopperThread(db, guest, orderId)).toBeNull(); // not Anna's thread
    const annasOthers = (await listOrdersForCustomer(db, anna.customerId!)).filter((o) => o.id !== orderId);
    for (const o of annasOthers) expect(await getOrderForViewer(db, o.id, guest)).toBeNull();
    // Anna, signed in, sees the order in her history; a signed-out browser without the cookie does not.
    expect(await getOrderForViewer(db, orderId, { actor: anna, guestOrderIds: [] })).not.toBeNull();
    expect(await getOrderForViewer(db, orderId, { actor: null, guestOrderIds: [] })).toBeNull();
  });

  it('an order placed from a customer account is never opened by a guest cookie', async () => {
    const eva = await createCustomerActor(db, 'eva@example.com');
    const { orderId, customerId } = await guestOrder('eva@example.com', null, eva);
    expect(customerId).toBe(eva.customerId);
    expect(await getOrderForViewer(db, orderId, { actor: null, guestOrderIds: [orderId] })).toBeNull();
  });
});
