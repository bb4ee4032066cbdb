import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { customerEvents, customers, orders } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { addToCart, getOrCreateCounterCart, getOrCreateWebCart, setCartCustomer } from '@/lib/carts/mutations';
import { placeOrder } from '@/lib/orders/mutations';
import { setSetting } from '@/lib/settings/settings';
import { createCustomerActor, createShop, createStaff, resetDatabase } from '@/lib/testing/fixtures';
import { eraseCustomerEvents, exportCustomerEvents, mergeCustomerInsight } from './customer-events-data';
import { linkVisitorToCustomer, NO_VISIT, recordAddToCart, recordCartHandedOver, recordEvent, recordOrderEvent, type VisitContext } from './events';
import { createEventRetentionJob } from './retention-job';

let handle: DbHandle;
let db: Db;
let shop: Awaited<ReturnType<typeof createShop>>;

const NOW = new Date('2026-05-01T10:00:00Z');
const ADDRESS = { name: 'Eva', street: 'Damrak 1', postcode: '1012 LG', city: 'Amsterdam', country: 'NL' };
const NEWSLETTER: VisitContext = {
  visitorId: randomUUID(),
  attribution: { source: 'newsletter', medium: 'email', campaign: 'spring', referrer: null },
};

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
});
afterAll(() => handle?.close());
beforeEach(async () => {
  await resetDatabase(db);
  shop = await createShop(db, { warehouse: 10, storeA: 3 });
});

const events = () =>
  db
    .select({ type: customerEvents.type, visitorId: customerEvents.visitorId, customerId: customerEvents.customerId, utmSource: customerEvents.utmSource, cartId: customerEvents.cartId, productId: customerEvents.productId, orderId: customerEvents.orderId })
    .from(customerEvents)
    .orderBy(asc(customerEvents.id));

/** What the pages and the cart action write for a web visitor, then the checkout. */
async function webJourney(visit: VisitContext, customerId: number | null = null) {
  await recordEvent(db, { type: 'visit', channel: 'web', visitorId: visit.visitorId, attribution: visit.attribution });
  await recordEvent(db, { type: 'product_view', channel: 'web', productId: shop.product.id, visitorId: visit.visitorId, attribution: visit.attribution });
  const { cartId } = await getOrCreateWebCart(db, customerId ? { customerId } : {});
  await addToCart(db, { cartId, variantId: shop.variant.id, quantity: 1 });
  await recordAddToCart(db, { cartId, variantId: shop.variant.id, customerId, visit });
  await recordEvent(db, { type: 'checkout_started', channel: 'web', cartId, visitorId: visit.visitorId, attribution: visit.attribution });
  return cartId;
}

describe('touchpoints (S13)', () => {
  it('a newsletter visit that ends in an order: every step and the order carry the source, linked to the buyer', async () => {
    const cartId = await webJourney(NEWSLETTER);
    const placed = await placeOrder(
      db,
      { idempotencyKey: randomUUID(), channel: 'web', fulfilment: 'delivery', cartId, email: 'eva@example.com', customerName: 'Eva', shippingAddress: ADDRESS, now: NOW, visit: NEWSLETTER },
      null,
    );
    const [order] = await db.select().from(orders).where(eq(orders.id, placed.orderId));
    expect(order).toMatchObject({ visitorId: NEWSLETTER.visitorId, utmSource: 'newsletter', utmMedium: 'email', utmCampaign: 'spring' });
    const rows = await events();
    expect(rows.map((e) => e.type)).toEqual(['visit', 'product_view', 'add_to_cart', 'checkout_started', 'order_placed']);
    expect(rows.every((e) => e.utmSource === 'newsletter' && e.visitorId === NEWSLETTER.visitorId)).toBe(true);
    expect(rows[2].productId).toBe(shop.product.id);
    // Checkout identified the guest (their email profile): all earlier anonymous events are theirs now.
    expect(order.customerId).not.toBeNull();
    expect(rows.every((e) => e.customerId === order.customerId)).toBe(true);
    expect(rows[4]).toMatchObject({ orderId: placed.orderId, cartId });
  });

  it('order events copy the order: paid carries its source, value and customer', async () => {
    const cartId = await webJourney(NEWSLETTER);
    const placed = await placeOrder(
      db,
      { idempotencyKey: randomUUID(), channel: 'web', fulfilment: 'delivery', cartId, email: 'eva@example.com', customerName: 'Eva', shippingAddress: ADDRESS, now: NOW, visit: NEWSLETTER },
      null,
    );
    await recordOrderEvent(db, placed.orderId, 'paid');
    const [paid] = await db.select().from(customerEvents).where(eq(customerEvents.type, 'paid'));
    expect(paid).toMatchObject({ orderId: placed.orderId, utmSource: 'newsletter', valueCents: placed.totalCents, channel: 'web', visitorId: NEWSLETTER.visitorId });
    expect(paid.customerId).not.toBeNull();
  });

  it('"essential only": no visitor id on the events or the order', async () => {
    const cartId = await webJourney(NO_VISIT);
    const placed = await placeOrder(
      db,
      { idempotencyKey: randomUUID(), channel: 'web', fulfilment: 'delivery', cartId, email: 'eva@example.com', customerName: 'Eva', shippingAddress: ADDRESS, now: NOW, visit: NO_VISIT },
      null,
    );
    const [order] = await db.select().from(orders).where(eq(orders.id, placed.orderId));
    expect(order).toMatchObject({ visitorId: null, utmSource: null, referrer: null });
    expect((await events()).every((e) => e.visitorId === null && e.utmSource === null)).toBe(true);
  });

  it('signing in links the visitor’s anonymous events, never events already someone’s', async () => {
    const anna = await createCustomerActor(db, 'anna@example.com');
    const bob = await createCustomerActor(db, 'bob@example.com');
    await recordEvent(db, { type: 'visit', channel: 'web', visitorId: NEWSLETTER.visitorId, attribution: NEWSLETTER.attribution });
    await recordEvent(db, { type: 'product_view', channel: 'web', visitorId: NEWSLETTER.visitorId, customerId: bob.customerId });
    await recordEvent(db, { type: 'product_view', channel: 'web', visitorId: randomUUID() });
    await linkVisitorToCustomer(db, NEWSLETTER.visitorId, anna.customerId);
    expect((await events()).map((e) => e.customerId)).toEqual([anna.customerId, bob.customerId, null]);
  });

  it('identified at the counter: a handed-over web cart’s visitor journey becomes the customer’s', async () => {
    const clerk = await createStaff(db, { role: 'clerk', email: 'clerk@example.com', locationId: shop.storeA.id });
    const anna = await createCustomerActor(db, 'anna@example.com');
    const webCartId = await webJourney(NEWSLETTER);
    const { cartId: counterCartId } = await getOrCreateCounterCart(db, { clerkUserId: clerk.userId, locationId: shop.storeA.id });
    await recordCartHandedOver(db, { webCartId, counterCartId, locationId: shop.storeA.id, customerId: null });
    const handed = (await events()).at(-1)!;
    expect(handed).toMatchObject({ type: 'cart_handed_over', cartId: counterCartId, visitorId: NEWSLETTER.visitorId, utmSource: 'newsletter', customerId: null });
    await setCartCustomer(db, { cartId: counterCartId, customerId: anna.customerId });
    expect((await events()).every((e) => e.customerId === anna.customerId)).toBe(true);
  });

  it('a counter sale records counter_sale at the store, for the attached customer', async () => {
    const clerk = await createStaff(db, { role: 'clerk', email: 'clerk@example.com', locationId: shop.storeA.id });
    const anna = await createCustomerActor(db, 'anna@example.com');
    const { cartId } = await getOrCreateCounterCart(db, { clerkUserId: clerk.userId, locationId: shop.storeA.id });
    await addToCart(db, { cartId, variantId: shop.variant.id, quantity: 1 });
    await setCartCustomer(db, { cartId, customerId: anna.customerId });
    await placeOrder(db, { idempotencyKey: randomUUID(), channel: 'store', fulfilment: 'in_store', cartId, stockLocationId: shop.storeA.id, now: NOW }, clerk);
    const [sale] = await db.select().from(customerEvents).where(eq(customerEvents.type, 'counter_sale'));
    expect(sale).toMatchObject({ channel: 'store', locationId: shop.storeA.id, customerId: anna.customerId, visitorId: null });
  });

  it('retention: the job deletes events older than the setting', async () => {
    await setSetting(db, 'analytics', { retentionDays: 30 }, null);
    const old = new Date(Date.now() - 31 * 24 * 60 * 60 * 1000);
    await recordEvent(db, { type: 'visit', channel: 'web', occurredAt: old });
    await recordEvent(db, { type: 'visit', channel: 'web' });
    const result = await createEventRetentionJob().runBatch({ db } as never);
    expect(result.handled).toBe(1);
    expect(await events()).toHaveLength(1);
  });

  it('GDPR: the export lists the customer’s events; erase deletes them (and their visitor’s); merge moves them', async () => {
    const anna = await createCustomerActor(db, 'anna@example.com');
    const bob = await createCustomerActor(db, 'bob@example.com');
    await recordEvent(db, { type: 'visit', channel: 'web', visitorId: NEWSLETTER.visitorId, customerId: anna.customerId, attribution: NEWSLETTER.attribution });
    await recordEvent(db, { type: 'product_view', channel: 'web', visitorId: NEWSLETTER.visitorId });
    await recordEvent(db, { type: 'visit', channel: 'web', customerId: bob.customerId });
    const exported = await exportCustomerEvents(db, anna.customerId!);
    expect(exported).toHaveLength(1);
    expect(exported[0]).toMatchObject({ type: 'visit', utmSource: 'newsletter' });
    expect(exported[0]).not.toHaveProperty('visitorId');

    await mergeCustomerInsight(db, bob.customerId!, anna.customerId!);
    expect(await exportCustomerEvents(db, anna.customerId!)).toHaveLength(2);

    expect(await eraseCustomerEvents(db, anna.customerId!)).toBe(3);
    expect(await events()).toHaveLength(0);
    expect(await db.select({ id: customers.id }).from(customers)).toHaveLength(2);
  });
});
