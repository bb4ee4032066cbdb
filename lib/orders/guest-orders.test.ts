import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { createTestDatabase } from '@/db/testing';
import { addToCart, getOrCreateWebCart } from '@/lib/carts/mutations';
import type { Actor } from '@/lib/identity/queries';
import { createCustomerActor, createShop, resetDatabase } from '@/lib/testing/fixtures';
import { getOrderForViewer, parseGuestOrders, serializeGuestOrders } from './guest-orders';
import { placeOrder } from './mutations';

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

async function order(actor: Actor | null) {
  const { cartId } = await getOrCreateWebCart(db, { customerId: actor?.customerId ?? null });
  await addToCart(db, { cartId, variantId: shop.variant.id, quantity: 1 });
  const placed = await placeOrder(
    db,
    {
      idempotencyKey: randomUUID(),
      channel: 'web',
      fulfilment: 'pickup',
      pickupLocationId: shop.storeA.id,
      cartId,
      email: 'x@example.com',
    },
    actor,
  );
  return placed.orderId;
}

describe('guest order cookie', () => {
  it('round-trips the ids and ignores a tampered value', () => {
    const ids = [randomUUID(), randomUUID()];
    const value = serializeGuestOrders(ids);
    expect(parseGuestOrders(value)).toEqual(ids);
    const other = randomUUID();
    expect(parseGuestOrders(value.replace(ids[0], other))).toEqual([]);
    expect(parseGuestOrders(`${other}~forged`)).toEqual([]);
    expect(parseGuestOrders(undefined)).toEqual([]);
  });
});

describe('who may see an order', () => {
  it('its customer and the browser that placed it as a guest — nobody else', async () => {
    const eva = await createCustomerActor(db, 'eva@example.com');
    const finn = await createCustomerActor(db, 'finn@example.com');
    const evasOrder = await order(eva);
    const guestOrder = await order(null);

    expect(await getOrderForViewer(db, evasOrder, { actor: eva, guestOrderIds: [] })).not.toBeNull();
    expect(await getOrderForViewer(db, evasOrder, { actor: finn, guestOrderIds: [] })).toBeNull();
    expect(await getOrderForViewer(db, evasOrder, { actor: null, guestOrderIds: [] })).toBeNull();
    // A guest cookie never opens a customer's order (e.g. signed out on a shared computer).
    expect(await getOrderForViewer(db, evasOrder, { actor: null, guestOrderIds: [evasOrder] })).toBeNull();
    expect(await getOrderForViewer(db, evasOrder, { actor: finn, guestOrderIds: [evasOrder] })).toBeNull();

    expect(
      await getOrderForViewer(db, guestOrder, { actor: null, guestOrderIds: [guestOrder] }),
    ).not.toBeNull();
    expect(await getOrderForViewer(db, guestOrder, { actor: null, guestOrderIds: [] })).toBeNull();
    expect(await getOrderForViewer(db, guestOrder, { actor: finn, guestOrderIds: [] })).toBeNull();
    expect(
      await getOrderForViewer(db, 'not-a-uuid', { actor: eva, guestOrderIds: ['not-a-uuid'] }),
    ).toBeNull();
  });
});
