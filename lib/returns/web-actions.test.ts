/**
 * "Return items" (requestReturnAction) on a real database: only whoever may see the order may return
 * from it — its customer, or the browser holding the guest order's signed cookie. Another customer, a
 * visitor without (or with a forged) cookie and staff are refused and nothing changes; the owner's and
 * the guest's requests open the label page; a resent form makes one return.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { orderLines, returns } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import type { Actor } from '@/lib/identity/queries';
import { createCustomerActor, createShop, createStaff, resetDatabase } from '@/lib/testing/fixtures';
import { callAction } from '@/lib/testing/call-action';
import { resetCaller, securityState as state } from '@/lib/security/harness';

vi.mock('@/lib/auth/session', async () => (await import('@/lib/security/harness')).sessionMock());
vi.mock('@/lib/auth/auth', async () => (await import('@/lib/security/harness')).authMock());
vi.mock('next-auth', async () => (await import('@/lib/security/harness')).nextAuthMock());
vi.mock('@/lib/i18n/translate', async () => (await import('@/lib/security/harness')).translateMock());
vi.mock('@/lib/db', async () => (await import('@/lib/security/harness')).libDbMock());
vi.mock('@/db/client', async (original) => (await import('@/lib/security/harness')).dbClientMock(await original<object>()));
vi.mock('next/cache', async () => (await import('@/lib/security/harness')).nextCacheMock());
vi.mock('next/headers', async () => (await import('@/lib/security/harness')).nextHeadersMock());
vi.mock('next/server', async (original) => (await import('@/lib/security/harness')).nextServerMock(await original<object>()));

const { addToCart, getOrCreateWebCart } = await import('@/lib/carts/mutations');
const { GUEST_ORDERS_COOKIE, serializeGuestOrders } = await import('@/lib/orders/guest-orders');
const { placeOrder, recordPayment, transitionOrder } = await import('@/lib/orders/mutations');
const { createWebReturnThings } = await import('./web-testing');
const { requestReturnAction } = await import('./web-actions');

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
  shop = await createShop(db, { warehouse: 10, storeA: 6, storeB: 3 });
  resetCaller();
});

const refused = expect.objectContaining({ ok: false });

async function returnCount(): Promise<number> {
  return (await db.select({ id: returns.id }).from(returns)).length;
}

/** A guest's home delivery, paid, shipped and delivered. */
async function deliveredGuestOrder(admin: Actor) {
  const { cartId } = await getOrCreateWebCart(db, {});
  await addToCart(db, { cartId, variantId: shop.variant.id, quantity: 2 });
  const address = { name: 'Gast', street: 'Damrak 1', postcode: '1012 LG', city: 'Amsterdam', country: 'NL' };
  const placed = await placeOrder(
    db,
    { idempotencyKey: randomUUID(), channel: 'web', fulfilment: 'delivery', cartId, customerName: 'Gast', email: 'gast@example.com', shippingAddress: address },
    null,
  );
  await recordPayment(db, { orderId: placed.orderId, method: 'test_provider', amountCents: placed.totalCents, idempotencyKey: randomUUID() }, null);
  await transitionOrder(db, { orderId: placed.orderId, to: 'shipped', actor: admin });
  await transitionOrder(db, { orderId: placed.orderId, to: 'delivered', actor: admin });
  const [line] = await db.select({ id: orderLines.id }).from(orderLines).where(eq(orderLines.orderId, placed.orderId));
  return { orderId: placed.orderId, lineId: line.id };
}

const form = (orderId: string, orderLineId: number, method: 'post' | 'store', idempotencyKey = randomUUID()) => ({
  orderId,
  idempotencyKey,
  method,
  orderLineId: [String(orderLineId)],
  quantity: ['1'],
  reason: ['too_small'],
});

describe('[SECURITY][RETURNS] requestReturnAction returns only from an order the caller may see', () => {
  it('another customer, a visitor without or with a forged cookie, and staff are refused; nothing is written', async () => {
    const owner = await createCustomerActor(db, 'owner@example.com');
    const clerk = await createStaff(db, { role: 'clerk', email: 'clerk-a@example.com', locationId: shop.storeA.id });
    const admin = await createStaff(db, { role: 'admin', email: 'admin@example.com' });
    const things = await createWebReturnThings(db, shop, { owner, clerk, admin });
    const guest = await deliveredGuestOrder(admin);
    const mallory = await createCustomerActor(db, 'mallory@example.com');
    const before = await returnCount();
    const attempts: [Actor | null, string, number, string | null][] = [
      [mallory, things.orderId, things.orderLineId, null],
      [null, things.orderId, things.orderLineId, null],
      // A validly signed cookie never opens an order placed from an account.
      [null, things.orderId, things.orderLineId, serializeGuestOrders([things.orderId])],
      [clerk, things.orderId, things.orderLineId, null],
      [admin, things.orderId, things.orderLineId, null],
      [mallory, guest.orderId, guest.lineId, null],
      [null, guest.orderId, guest.lineId, `${guest.orderId}~forged`],
    ];
    for (const [actor, orderId, lineId, cookie] of attempts) {
      state.actor = actor;
      state.cookies.clear();
      if (cookie) state.cookies.set(GUEST_ORDERS_COOKIE, cookie);
      expect(await callAction(requestReturnAction, form(orderId, lineId, 'post'))).toEqual(refused);
    }
    expect(await returnCount()).toBe(before);

    // The owner may (so the refusals above are not a refusal of everyone): a posted return to the warehouse.
    state.actor = owner;
    state.cookies.clear();
    const outcome = await callAction(requestReturnAction, form(things.orderId, things.orderLineId, 'post'));
    expect(outcome).toEqual({ redirected: expect.stringMatching(new RegExp(`^/orders/${things.orderId}/returns/[0-9a-f-]{36}$`)) });
    const returnId = (outcome as { redirected: string }).redirected.split('/').pop()!;
    const [row] = await db.select({ method: returns.method, locationId: returns.locationId, status: returns.status }).from(returns).where(eq(returns.id, returnId));
    expect(row).toEqual({ method: 'post', locationId: shop.warehouse.id, status: 'requested' });
  });

  it('the guest browser holding the order’s cookie returns "in a store"; a resent form makes one return; more than bought is refused', async () => {
    const admin = await createStaff(db, { role: 'admin', email: 'admin@example.com' });
    const guest = await deliveredGuestOrder(admin);
    state.actor = null;
    state.cookies.set(GUEST_ORDERS_COOKIE, serializeGuestOrders([guest.orderId]));

    const tooMany = { ...form(guest.orderId, guest.lineId, 'store'), quantity: ['3'] };
    expect(await callAction(requestReturnAction, tooMany)).toEqual(refused);
    expect(await returnCount()).toBe(0);

    const key = randomUUID();
    const first = await callAction(requestReturnAction, form(guest.orderId, guest.lineId, 'store', key));
    const again = await callAction(requestReturnAction, form(guest.orderId, guest.lineId, 'store', key));
    expect(first).toEqual({ redirected: expect.stringMatching(/^\/orders\/[0-9a-f-]{36}\/returns\/[0-9a-f-]{36}$/) });
    expect(again).toEqual(first);
    const rows = await db.select({ method: returns.method, locationId: returns.locationId }).from(returns);
    expect(rows).toEqual([{ method: 'counter', locationId: null }]);
  });
});
