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
import { cartHandoffs, cartLines, carts, orders, payments, refunds, returns } from '@/db/schema';
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
const { findWebCartId } = await import('@/lib/carts/queries');
const { GUEST_ORDERS_COOKIE, serializeGuestOrders } = await import('@/lib/orders/guest-orders');
const { placeOrder, recordPayment } = await import('@/lib/orders/mutations');
const cartActions = await import('@/lib/carts/actions');
const { placeWebOrderAction } = await import('@/lib/orders/checkout-actions');
const { decideTestPaymentAction, retryPaymentAction } = await import('@/lib/payments/actions');
const { startPayment } = await import('@/lib/payments/mutations');
const { buildTestWebhook } = await import('@/lib/payments/test-provider');
const { handlePaymentWebhook } = await import('@/lib/payments/webhook');
const { SIGNATURE_HEADER } = await import('@/lib/payments/signature');
const { advancePickupAction, handOverPickupAction, undoHandoverAction } = await import('@/lib/orders/counter-actions');
const counterCartActions = await import('@/lib/carts/counter-actions');
const { startCartHandoffAction } = await import('@/lib/cart-handoff/actions');
const { payExchangeDifferenceAction, refundCounterReturnAction } = await import('@/lib/returns/counter-actions');
const { buildWorld, fingerprint } = await import('./world');

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
      const callersCart = await findWebCartId(db, { cartId: state.cookies.get(CART_COOKIE), customerId: actor?.customerId });
      expect(callersCart).not.toBeNull();
      expect(callersCart).not.toBe(ownerCart);
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
  it('a cart a customer claimed at sign-in is out of reach for a guest who still holds its cookie (signed out, or the cookie copied)', async () => {
    const guestCart = await webCart();
    await createPromotionRow(db, { name: 'Ten off', kind: 'percentage', value: 10, target: 'all', code: 'TEN' });
    await applyPromotionCode(db, guestCart, 'TEN');
    // The shopper signs in with that cookie: the real claim makes the anonymous cart theirs.
    const owner = await createCustomerActor(db, 'owner@example.com');
    state.actor = owner;
    state.cookies.set(CART_COOKIE, guestCart);
    await callAction(cartActions.claimCartAction, {});
    const [claimed] = await db.select({ customerId: carts.customerId }).from(carts).where(eq(carts.id, guestCart));
    expect(claimed.customerId).toBe(owner.customerId);
    const before = await cartState(guestCart);

    // A guest with the same cookie value: every cart, hand-off and checkout action refuses or uses a cart of its own.
    resetCaller();
    for (const attempt of [
      () => callAction(cartActions.setLineQuantityAction, { variantId: String(shop.variant.id), quantity: '9' }),
      () => callAction(cartActions.removeLineAction, { variantId: String(shop.variant.id) }),
      () => callAction(cartActions.applyPromotionCodeAction, { code: 'ANY' }),
      () => callAction(cartActions.removePromotionCodeAction, { code: 'TEN' }),
      () => callAction(startCartHandoffAction, {}),
      () => callAction(placeWebOrderAction, { ...CHECKOUT, pickupLocationId: String(shop.storeA.id), idempotencyKey: randomUUID() }),
    ]) {
      state.cookies.set(CART_COOKIE, guestCart);
      expect(await attempt()).toEqual(refused);
    }
    await callAction(cartActions.addToCartAction, { variantId: String(shop.variant.id), quantity: '5' });
    expect(state.cookies.get(CART_COOKIE)).not.toBe(guestCart);
    expect(await cartState(guestCart)).toEqual(before);
    expect(await db.select({ id: cartHandoffs.id }).from(cartHandoffs).where(eq(cartHandoffs.webCartId, guestCart))).toEqual([]);
    expect(await db.select({ id: orders.id }).from(orders)).toEqual([]);
  });

  it('another guest’s cart id in the input is never used: refused as an unknown field; the caller’s own cart is the one that changes', async () => {
    const mine = await webCart();
    const theirs = await webCart();
    const theirsBefore = await cartState(theirs);
    const mineBefore = await cartState(mine);
    await createPromotionRow(db, { name: 'Ten off', kind: 'percentage', value: 10, target: 'all', code: 'TEN' });
    const variantId = String(shop.variant.id);
    const calls: [string, (extra: Record<string, string>) => Promise<unknown>][] = [
      ['add', (extra) => callAction(cartActions.addToCartAction, { variantId, quantity: '3', ...extra })],
      ['set', (extra) => callAction(cartActions.setLineQuantityAction, { variantId, quantity: '3', ...extra })],
      ['code', (extra) => callAction(cartActions.applyPromotionCodeAction, { code: 'TEN', ...extra })],
      ['handoff', (extra) => callAction(startCartHandoffAction, { ...extra })],
      ['remove', (extra) => callAction(cartActions.removeLineAction, { variantId, ...extra })],
      ['checkout', (extra) => callAction(placeWebOrderAction, { ...CHECKOUT, pickupLocationId: String(shop.storeA.id), idempotencyKey: randomUUID(), ...extra })],
    ];
    state.cookies.set(CART_COOKIE, mine);
    for (const [, run] of calls) {
      for (const field of ['cartId', 'webCartId', 'id']) expect(await run({ [field]: theirs })).toEqual(refused);
    }
    expect(await cartState(mine)).toEqual(mineBefore);
    expect(await cartState(theirs)).toEqual(theirsBefore);
    expect(await db.select({ id: cartHandoffs.id }).from(cartHandoffs)).toEqual([]);

    // The same calls without the extra field act on the caller's cart only (the refusals above were not of everything).
    for (const [name, run] of calls.slice(0, 4)) expect(await run({}), name).not.toEqual(refused);
    expect(await cartState(mine)).toEqual({ status: 'open', codes: ['TEN'], lines: [{ variantId: shop.variant.id, quantity: 3 }] });
    expect(await db.select({ cartId: cartHandoffs.webCartId }).from(cartHandoffs)).toEqual([{ cartId: mine }]);
    const placed = await calls[5][1]({});
    expect(placed).toEqual({ redirected: expect.stringMatching(/^\/pay\//) });
    expect(await db.select({ cartId: orders.cartId }).from(orders)).toEqual([{ cartId: mine }]);
    expect(await cartState(theirs)).toEqual(theirsBefore);
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

  it('a repeated checkout submit after the first converted the cart answers that order — the caller’s own only', async () => {
    const owner = await createCustomerActor(db, 'owner@example.com');
    const submit = (idempotencyKey: string) =>
      callAction(placeWebOrderAction, { ...CHECKOUT, pickupLocationId: String(shop.storeA.id), idempotencyKey });
    for (const actor of [null, owner]) {
      resetCaller();
      state.actor = actor;
      await callAction(cartActions.addToCartAction, { variantId: String(shop.variant.id), quantity: '1' });
      const key = randomUUID();
      const first = await submit(key);
      expect(first).toEqual({ redirected: expect.stringMatching(/^\/pay\//) });
      // The cart is an order now; the same form again finds it (guest: the cookie's key; customer: the session).
      expect(await submit(key)).toEqual(first);
      const cookie = state.cookies.get(CART_COOKIE);

      // Someone else with the same cookie and key is refused; still one order.
      resetCaller();
      state.actor = await createCustomerActor(db, `mallory${actor ? 1 : 0}@example.com`);
      if (cookie) state.cookies.set(CART_COOKIE, cookie);
      expect(await submit(key)).toEqual(refused);
    }
    expect(await db.select({ id: orders.id }).from(orders)).toHaveLength(2);
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

describe('[SECURITY] a clerk of another store cannot touch this store’s pickups, returns or counter cart', () => {
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
  it('refuses handing over a pickup of another store, even with its code, and undoing another store’s hand-over', async () => {
    const world = await buildWorld(db);
    state.actor = world.actors.otherStoreClerk;
    const before = await fingerprint(db);
    expect(await callAction(handOverPickupAction, { orderId: world.readyPickupOrderId, pickupCode: world.readyPickupCode, identityChecked: 'on' })).toEqual(refused);
    expect(await callAction(undoHandoverAction, { orderId: world.collectedPickupOrderId })).toEqual(refused);
    expect(await callAction(advancePickupAction, { orderId: world.readyPickupOrderId, to: 'ready_for_pickup' })).toEqual(refused);
    expect(await fingerprint(db)).toEqual(before);
    const statusOf = async (id: string) => (await db.select({ status: orders.status }).from(orders).where(eq(orders.id, id)))[0].status;
    expect(await statusOf(world.readyPickupOrderId)).toBe('ready_for_pickup');
    expect(await statusOf(world.collectedPickupOrderId)).toBe('collected');

    // Store A's clerk may (the refusals above are about the store, not the code or the state).
    state.actor = world.actors.clerk;
    expect(await callAction(handOverPickupAction, { orderId: world.readyPickupOrderId, pickupCode: world.readyPickupCode, identityChecked: 'on' })).not.toEqual(refused);
    expect(await statusOf(world.readyPickupOrderId)).toBe('collected');
  });

  it('refuses refunding a return received at another store, or taking the difference of its exchange, and changes nothing', async () => {
    const world = await buildWorld(db);
    const returnId = world.counterReturns.owner.receivedReturnId; // received at store A
    state.actor = world.actors.otherStoreClerk;
    const before = await fingerprint(db);
    expect(await callAction(refundCounterReturnAction, { returnId, idempotencyKey: randomUUID(), to: 'card_terminal' })).toEqual(refused);
    const exchangeReturnId = world.counterReturns.owner.dearerExchangeReturnId; // exchanged at store A
    expect(await callAction(payExchangeDifferenceAction, { returnId: exchangeReturnId, idempotencyKey: randomUUID(), method: 'card_terminal' })).toEqual(refused);
    expect(await fingerprint(db)).toEqual(before);
    expect(await db.select({ id: refunds.id }).from(refunds).innerJoin(returns, eq(returns.id, refunds.returnId)).where(eq(returns.id, returnId))).toEqual([]);

    // At store A it is refunded (the refusal is about the store).
    state.actor = world.actors.clerk;
    expect(await callAction(refundCounterReturnAction, { returnId, idempotencyKey: randomUUID(), to: 'card_terminal' })).not.toEqual(refused);
    expect(await db.select({ id: refunds.id }).from(refunds).where(eq(refunds.returnId, returnId))).toHaveLength(1);
  });

  it('a clerk of another store never reaches store A’s counter cart, not even with its id in the input', async () => {
    const world = await buildWorld(db);
    state.actor = world.actors.otherStoreClerk;
    const [lineBefore] = await db.select({ quantity: cartLines.quantity }).from(cartLines).where(eq(cartLines.cartId, world.counterCartId));
    const before = await cartState(world.counterCartId);
    const variantId = String(world.shop.variant.id);
    for (const extra of [{ cartId: world.counterCartId }, { counterCartId: world.counterCartId }]) {
      expect(await callAction(counterCartActions.setCounterLineQuantityAction, { variantId, quantity: '9', ...extra })).toEqual(refused);
      expect(await callAction(counterCartActions.removeCounterLineAction, { variantId, ...extra })).toEqual(refused);
      expect(await callAction(counterCartActions.removeCounterCodeAction, { code: 'SAVE10', ...extra })).toEqual(refused);
      expect(await callAction(counterCartActions.addToCounterCartAction, { variantId, quantity: '1', ...extra })).toEqual(refused);
    }
    // Without the extra field they act on clerk B's own cart at store B (none yet: changing one is refused, adding opens one).
    expect(await callAction(counterCartActions.setCounterLineQuantityAction, { variantId, quantity: '9' })).toEqual(refused);
    expect(await callAction(counterCartActions.addToCounterCartAction, { variantId, quantity: '1' })).not.toEqual(refused);
    const [own] = await db.select({ id: carts.id, locationId: carts.locationId }).from(carts).where(eq(carts.clerkUserId, world.actors.otherStoreClerk!.userId));
    expect(own).toMatchObject({ locationId: world.shop.storeB.id });
    expect(own.id).not.toBe(world.counterCartId);
    expect(await cartState(world.counterCartId)).toEqual(before);
    expect(lineBefore.quantity).toBe(1);
  });
});
