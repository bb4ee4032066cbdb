// Real concurrency needs real connections: this file runs only in the 'postgres' vitest project
// (see vitest.config.ts; PGlite has one connection and would serialize everything anyway).
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { carts, orders, stockLevels } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { addToCart, getOrCreateCounterCart, getOrCreateWebCart } from '@/lib/carts/mutations';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { ledgerMismatches } from '@/lib/inventory/queries';
import { createShop, createStaff, resetDatabase } from '@/lib/testing/fixtures';
import { placeOrder, type PlaceOrderInput } from './mutations';

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
  shop = await createShop(db, { warehouse: 0, storeA: 5, storeB: 0 });
});

describe('placeOrder under concurrency (PostgreSQL)', () => {
  it('sells exactly the 5 available units to 50 simultaneous web pickups and counter sales', async () => {
    const attempts: { input: PlaceOrderInput; actor: Actor | null }[] = [];
    for (let i = 0; i < 25; i++) {
      const { cartId } = await getOrCreateWebCart(db, {});
      await addToCart(db, { cartId, variantId: shop.variant.id, quantity: 1 });
      attempts.push({
        input: { idempotencyKey: randomUUID(), channel: 'web', fulfilment: 'pickup', cartId, pickupLocationId: shop.storeA.id, email: `s${i}@example.com` },
        actor: null,
      });
      const clerk = await createStaff(db, { role: 'clerk', email: `clerk${i}@example.com`, locationId: shop.storeA.id });
      const counter = await getOrCreateCounterCart(db, { clerkUserId: clerk.userId, locationId: shop.storeA.id });
      await addToCart(db, { cartId: counter.cartId, variantId: shop.variant.id, quantity: 1 });
      attempts.push({
        input: { idempotencyKey: randomUUID(), channel: 'store', fulfilment: 'in_store', cartId: counter.cartId, stockLocationId: shop.storeA.id },
        actor: clerk,
      });
    }

    const started = performance.now();
    const results = await Promise.allSettled(attempts.map(({ input, actor }) => placeOrder(db, input, actor)));
    const elapsedMs = performance.now() - started;

    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    const codes = lost.map((r) => (r.reason instanceof DomainError ? r.reason.code : String(r.reason)));
    expect(won).toHaveLength(5);
    expect(lost).toHaveLength(45);
    expect(new Set(codes)).toSatisfy((s: Set<string>) => [...s].every((c) => c === 'outOfStock' || c === 'pickupStoreOutOfStock'));

    const [level] = await db
      .select({ onHand: stockLevels.onHand, reserved: stockLevels.reserved })
      .from(stockLevels)
      .where(and(eq(stockLevels.variantId, shop.variant.id), eq(stockLevels.locationId, shop.storeA.id)));
    const placed = await db.select({ channel: orders.channel }).from(orders);
    const webWins = placed.filter((o) => o.channel === 'web').length;
    expect(placed).toHaveLength(5);
    // Counter sales took goods off the shelf; pickups hold a reservation. Nothing is left to sell.
    expect(level).toEqual({ onHand: 5 - (5 - webWins), reserved: webWins });
    expect(level.onHand - level.reserved).toBe(0);
    expect(await ledgerMismatches(db)).toEqual([]);
    // The losers' carts stay open, so they can choose delivery or another store.
    const open = await db.select({ id: carts.id }).from(carts).where(eq(carts.status, 'open'));
    expect(open).toHaveLength(45);

    console.info(
      `[concurrency] 50 placeOrder calls: 5 won (${webWins} web pickup, ${5 - webWins} counter), ` +
        `45 refused (${codes.filter((c) => c === 'pickupStoreOutOfStock').length} pickupStoreOutOfStock, ` +
        `${codes.filter((c) => c === 'outOfStock').length} outOfStock) in ${Math.round(elapsedMs)} ms`,
    );
  }, 60_000);

  it('places one order when the same checkout is submitted 10 times at once', async () => {
    const { cartId } = await getOrCreateWebCart(db, {});
    await addToCart(db, { cartId, variantId: shop.variant.id, quantity: 2 });
    const input: PlaceOrderInput = {
      idempotencyKey: randomUUID(),
      channel: 'web',
      fulfilment: 'pickup',
      cartId,
      pickupLocationId: shop.storeA.id,
      email: 'eva@example.com',
    };
    const results = await Promise.all(Array.from({ length: 10 }, () => placeOrder(db, input, null)));
    expect(new Set(results.map((r) => r.orderId)).size).toBe(1);
    expect(new Set(results.map((r) => r.number)).size).toBe(1);
    expect(await db.select({ id: orders.id }).from(orders)).toHaveLength(1);
    const [level] = await db.select({ reserved: stockLevels.reserved }).from(stockLevels).where(eq(stockLevels.locationId, shop.storeA.id));
    expect(level.reserved).toBe(2);
    expect(await ledgerMismatches(db)).toEqual([]);
  }, 60_000);

  it('places one order per cart when one cart is submitted with 10 different keys at once', async () => {
    const { cartId } = await getOrCreateWebCart(db, {});
    await addToCart(db, { cartId, variantId: shop.variant.id, quantity: 1 });
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () =>
        placeOrder(db, { idempotencyKey: randomUUID(), channel: 'web', fulfilment: 'pickup', cartId, pickupLocationId: shop.storeA.id, email: 'e@example.com' }, null),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const codes = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as DomainError).code] : []));
    expect(codes).toEqual(Array(9).fill('invalidState'));
    expect(await db.select({ id: orders.id }).from(orders)).toHaveLength(1);
  }, 60_000);
});
