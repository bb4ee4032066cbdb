/**
 * The public actions (cart, checkout, payment retry) and the store-bound counter actions, called on a
 * real database as a visitor who holds SOMEONE ELSE's cart, order or store: another guest's cart
 * cookie, another customer's cart or order, a clerk of another store. Each must be refused and change
 * nothing. (actions.security.test.ts proves the role matrix; this proves ownership.)
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { cartLines, carts, orders, payments } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import type { Actor } from '@/lib/identity/queries';
import { createCustomerActor, createPromotionRow, createShop, createStaff, resetDatabase } from '@/lib/testing/fixtures';
import { resetCaller, securityState as state } from './harness';
import { callAction } from '@/lib/testing/call-action';

vi.mock('@/lib/auth/session', async () => (await import('./harness')).sessionMock());
vi.mock('@/lib/auth/auth', async () => (await import('./harness')).authMock());
vi.mock('next-auth', async () => (await import('./harness')).nextAuthMock());
vi.mock('@/lib/i18n/translate', async () => (await import('./harness')).translateMock());
vi.mock('@/lib/db', async () => (await import('./harness')).libDbMock());
vi.mock('@/db/client', async (original) => (await import('./harness')).dbClientMock(await original<object>()));
vi.mock('next/cache', async () => (await import('./harness')).nextCacheMock());
vi.mock('next/headers', async () => (await import('./harness')).nextHeadersMock());
vi.mock('next/server', async (original) => (await import('./harness')).nextServerMock(await original<object>()));

const { addToCart, applyPromotionCode, getOrCreateCounterCart, getOrCreateWebCart } = await import('@/lib/carts/mutations');
const { CART_COOKIE } = await import('@/lib/carts/web-cart');
const { GUEST_ORDERS_COOKIE, serializeGuestOrders } = await import('@/lib/orders/guest-orders');
const { placeOrder, recordPayment } = await import('@/lib/orders/mutations');
const cartActions = await import('@/lib/carts/actions');
const { placeWebOrderAction } = await import('@/lib/orders/checkout-actions');
const { decideTestPaymentAction, retryPaymentAction } = await import('@/lib/payments/actions');
const { startPayment } = await import('@/lib/payments/mutations');
const { buildTestWebhook } = await import('@/lib/payments/test-provider');
const { handlePaymentWebhook } = await import('@/lib/payments/webhook');
const { SIGNATURE_HEADER } = await import('@/lib/payments/signature');
const { advancePickupAction } = await import('@/lib/orders/counter-actions');

let handle: DbHandle;
let db: Db;
let shop: Awaited<ReturnType<typeof createShop>>;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  state.db = db;
});
afterAll(() => handle?.close());
beforeEach(async () => {
  await resetDatabase(db);
  shop = await createShop(db, { warehouse: 10, storeA: 3, storeB: 3 });
  resetCaller();
});

/** A web cart with one line of the shop's variant, for a guest (no customer) or a customer. */
async function webCart(customerId: number | null = null) {
  const { cartId } = await getOrCreateWebCart(db, { customerId });
  await addToCart(db, { cartId, variantId: shop.variant.id, quantity: 2 });
  return cartId;
}

async function cartState(cartId: string) {
  const [cart] = await db.select({ status: carts.status, codes: carts.promotionCodes }).from(carts).where(eq(carts.id, cartId));
  const lines = await db.select({ variantId: cartLines.variantId, quantity: cartLines.quantity }).from(cartLines).where(eq(cartLines.cartId, cartId));
  return { ...cart, lines };
}

const refused = expect.objectContaining({ ok: false });
const CHECKOUT = { fulfilment: 'pickup', pickupLocationId: String(0), email: 'mallory@example.com', name: 'Mallory' };

describe('[SECURITY] cart actions never reach a cart the caller does not hold', () => {
  it('another customer’s cart, even with its id in the cookie, is out of reach for a guest and another customer', async () => {
    const owner = await createCustomerActor(db, 'owner@example.com');
    const ownerCart = await webCart(owner.customerId);
    await createPromotionRow(db, { name: 'Ten off', kind: 'percentage', value: 10, target: 'all', code: 'TEN' });
    await applyPromotionCode(db, ownerCart, 'TEN');
    const before = await cartState(ownerCart);
    const mallory = await createCustomerActor(db, 'mallory@example.com');

    for (const actor of [null, mallory]) {
      state.actor = actor;
      state.cookies.set(CART_COOKIE, ownerCart);
      expect(await callAction(cartActions.setLineQuantityAction, { variantId: String(shop.variant.id), quantity: '9' })).toEqual(refused);
      expect(await callAction(cartActions.removeLineAction, { variantId: String(shop.variant.id) })).toEqual(refused);
      expect(await callAction(cartActions.applyPromotionCodeAction, { code: 'ANY' })).toEqual(refused);
      expect(await callAction(cartActions.removePromotionCodeAction, { code: 'TEN' })).toEqual(refused);
      // Adding goes to a cart of the caller's own, never into the owner's.
      await callAction(cartActions.addToCartAction, { variantId: String(shop.variant.id), quantity: '5' });
      expect(state.cookies.get(CART_COOKIE)).not.toBe(ownerCart);
    }
    expect(await cartState(ownerCart)).toEqual(before);
  });

  it('a guest without the cookie of another guest’s cart cannot change it', async () => {
    const guestCart = await webCart();
    const before = await cartState(guestCart);
    state.cookies.set(CART_COOKIE, randomUUID()); // a made-up cart id
    expect(await callAction(cartActions.setLineQuantityAction, { variantId: String(shop.variant.id), quantity: '0' })).toEqual(refused);
    expect(await callAction(cartActions.removeLineAction, { variantId: String(shop.variant.id) })).toEqual(refused);
    expect(await cartState(guestCart)).toEqual(before);
  });
});

describe('[SECURITY] checkout and payment retry never act on someone else’s cart or order', () => {
  it('checking out with another customer’s cart in the cookie places no order and leaves the cart open', async () => {
    const owner = await createCustomerActor(db, 'owner@example.com');
    const ownerCart = await webCart(owner.customerId);
    for (const actor of [null, await createCustomerActor(db, 'mallory@example.com')]) {
      state.actor = actor;
      state.cookies.set(CART_COOKIE, ownerCart);
      const result = await callAction(placeWebOrderAction, { ...CHECKOUT, pickupLocationId: String(shop.storeA.id), idempotencyKey: randomUUID() });
      expect(result).toEqual(refused);
    }
    expect(await db.select({ id: orders.id }).from(orders)).toEqual([]);
    expect((await cartState(ownerCart)).status).toBe('open');
  });

  it('“Pay now” for another customer’s order or for a guest order of another browser opens no payment', async () => {
    const owner = await createCustomerActor(db, 'owner@example.com');
    const own = await placeOrder(
      db,
      { idempotencyKey: randomUUID(), channel: 'web', fulfilment: 'pickup', cartId: await webCart(owner.customerId), pickupLocationId: shop.storeA.id },
      owner,
    );
    const guest = await placeOrder(
      db,
      { idempotencyKey: randomUUID(), channel: 'web', fulfilment: 'pickup', cartId: await webCart(), pickupLocationId: shop.storeB.id, email: 'guest@example.com' },
      null,
    );
    const mallory = await createCustomerActor(db, 'mallory@example.com');
    const attempts: [Actor | null, string, string | null][] = [
      [mallory, own.orderId, null],
      [null, own.orderId, serializeGuestOrders([own.orderId])], // a signed cookie never opens a customer's order
      [mallory, guest.orderId, null],
      [null, guest.orderId, `${guest.orderId}~forged`],
    ];
    for (const [actor, orderId, cookie] of attempts) {
      state.actor = actor;
      state.cookies.clear();
      if (cookie) state.cookies.set(GUEST_ORDERS_COOKIE, cookie);
      expect(await callAction(retryPaymentAction, { orderId })).toEqual(refused);
    }
    expect(await db.select({ id: payments.id }).from(payments)).toEqual([]);
    // The browser that placed the guest order may pay it (the check above is not refusing everyone).
    state.actor = null;
    state.cookies.set(GUEST_ORDERS_COOKIE, serializeGuestOrders([guest.orderId]));
    expect(await callAction(retryPaymentAction, { orderId: guest.orderId })).toEqual({ redirected: expect.stringMatching(/^\/pay\//) });
  });
});

describe('[SECURITY] the test provider’s page decides only the payment its link names', () => {
  it('a payment id, an order id or a made-up reference opens nothing; a settled payment is not decided again', async () => {
    const owner = await createCustomerActor(db, 'owner@example.com');
    const placed = await placeOrder(
      db,
      { idempotencyKey: randomUUID(), channel: 'web', fulfilment: 'pickup', cartId: await webCart(owner.customerId), pickupLocationId: shop.storeA.id },
      owner,
    );
    const payment = await startPayment(db, { orderId: placed.orderId });
    const before = await db.select().from(payments);
    for (const paymentId of [payment.paymentId, placed.orderId, `tp_${randomUUID().replaceAll('-', '')}`, `${payment.providerReference}x`]) {
      expect(await callAction(decideTestPaymentAction, { paymentId, outcome: 'succeeded' })).toEqual(refused);
    }
    expect(state.after).toEqual([]); // no webhook was queued

    // The provider's signed webhook settles it, as after a real decision.
    const webhook = buildTestWebhook({ providerReference: payment.providerReference, outcome: 'succeeded', amountCents: placed.totalCents });
    const settledBy = await handlePaymentWebhook(db, { rawBody: webhook.rawBody, headers: new Headers({ [SIGNATURE_HEADER]: webhook.signature }) });
    expect(settledBy.status).toBe(200);
    const settled = await db.select().from(payments);
    expect(await callAction(decideTestPaymentAction, { paymentId: payment.providerReference, outcome: 'failed' })).toEqual({
      redirected: `/orders/${placed.orderId}`,
    });
    expect(state.after).toEqual([]);
    expect(await db.select().from(payments)).toEqual(settled);
    expect(settled).not.toEqual(before); // the check above compared a state that did change once

    // The link of a pending payment does decide it (the checks above are not refusing everyone).
    const other = await placeOrder(
      db,
      { idempotencyKey: randomUUID(), channel: 'web', fulfilment: 'pickup', cartId: await webCart(owner.customerId), pickupLocationId: shop.storeB.id },
      owner,
    );
    const pending = await startPayment(db, { orderId: other.orderId });
    expect(await callAction(decideTestPaymentAction, { paymentId: pending.providerReference, outcome: 'succeeded' })).toEqual({ redirected: `/orders/${other.orderId}` });
    expect(state.after).toHaveLength(1);
  });
});

describe('[SECURITY] a clerk of another store cannot touch this store’s pickups', () => {
  it('refuses "Mark ready" for a pickup of another store and leaves it paid', async () => {
    const order = await placeOrder(
      db,
      { idempotencyKey: randomUUID(), channel: 'web', fulfilment: 'pickup', cartId: await webCart(), pickupLocationId: shop.storeA.id, email: 'guest@example.com' },
      null,
    );
    await recordPayment(db, { orderId: order.orderId, method: 'test_provider', amountCents: order.totalCents, idempotencyKey: randomUUID() }, null);
    state.actor = await createStaff(db, { role: 'clerk', email: 'clerk-b@example.com', locationId: shop.storeB.id });
    await getOrCreateCounterCart(db, { clerkUserId: state.actor.userId, locationId: shop.storeB.id });
    expect(await callAction(advancePickupAction, { orderId: order.orderId, to: 'ready_for_pickup' })).toEqual(refused);
    const [row] = await db.select({ status: orders.status }).from(orders).where(eq(orders.id, order.orderId));
    expect(row.status).toBe('paid');
  });
});
