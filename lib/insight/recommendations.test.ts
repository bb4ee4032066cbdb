import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { orderLines, orders, productCoPurchases, products } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { createCategory, createLocation, createProduct, createVariant, receiveStock, resetDatabase } from '@/lib/testing/fixtures';
import { createProfile } from '@/lib/testing/orders';
import { coPurchasesState, listOftenBoughtTogether, recomputeCoPurchases } from './co-purchases';
import { listOwnedProductIds, listPersonalRecommendations, suggestForCart, suggestForCustomer, suggestForProduct } from './recommendations';

let handle: DbHandle;
let db: Db;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
});
afterAll(async () => {
  await handle.close();
});

/**
 * The hand-built fixture. Shoes: S1 (size 42, in stock), S2 (42), S3 (only 38 in stock), S4 (42, out of
 * stock everywhere), S5 (inactive). Socks: K1, K2. Bags: B1.
 * Orders (buyer → products, channel):
 *   ann: S1 + K1 (web), then B1 (store)     bob: S1 + K1 (store)     cas: S1 + K2 (web)
 *   anonymous store sale: S1 + B1           dan: S1 + K2, cancelled  eve: S1 + S4 + S5 (web)
 *   fay: S2 size 42 (web) — and K1 returned in full (not kept)
 */
let ids: Record<string, number>;
let variantOf: Record<string, number>;
let people: Record<string, number>;
let warehouse: number;
let store: number;

async function order(customerId: number | null, channel: 'web' | 'store', items: string[], options: { status?: 'paid' | 'cancelled' | 'completed'; returned?: string[] } = {}) {
  const [o] = await db
    .insert(orders)
    .values({
      number: `T-${randomUUID().slice(0, 8)}`,
      channel,
      fulfilment: channel === 'web' ? 'delivery' : 'in_store',
      status: options.status ?? (channel === 'web' ? 'paid' : 'completed'),
      stockLocationId: channel === 'web' ? warehouse : store,
      customerId,
      subtotalCents: 0,
      discountCents: 0,
      shippingCents: 0,
      totalCents: 0,
      vatCents: 0,
      vatBreakdown: [],
      idempotencyKey: randomUUID(),
    })
    .returning({ id: orders.id });
  for (const item of items) {
    const returned = options.returned?.includes(item) ? 1 : 0;
    await db.insert(orderLines).values({
      orderId: o.id,
      variantId: variantOf[item],
      sku: item,
      productName: item,
      variantLabel: '',
      quantity: 1,
      unitPriceCents: 1000,
      discountCents: 0,
      lineTotalCents: 1000,
      vatRateBp: 2100,
      vatCents: 174,
      returnedQuantity: returned,
    });
  }
}

beforeEach(async () => {
  await resetDatabase(db);
  warehouse = (await createLocation(db, { code: 'WH', kind: 'warehouse' })).id;
  store = (await createLocation(db, { code: 'AMS', kind: 'store' })).id;
  const shoes = await createCategory(db, 'shoes');
  const socks = await createCategory(db, 'socks');
  const bags = await createCategory(db, 'bags');
  ids = {};
  variantOf = {};
  const make = async (key: string, categoryId: number, sizes: { size: string; stock: number }[], active = true) => {
    const p = await createProduct(db, { categoryId, slug: key.toLowerCase(), active });
    ids[key] = p.id;
    for (const [i, s] of sizes.entries()) {
      const v = await createVariant(db, { productId: p.id, sku: `${key}-${s.size}`, priceCents: 1000, size: s.size });
      if (i === 0) variantOf[key] = v.id;
      if (s.stock > 0) await receiveStock(db, v.id, i % 2 === 0 ? warehouse : store, s.stock);
    }
  };
  await make('S1', shoes.id, [{ size: '42', stock: 5 }]);
  await make('S2', shoes.id, [{ size: '42', stock: 5 }]);
  await make('S3', shoes.id, [{ size: '42', stock: 0 }, { size: '38', stock: 2 }]);
  await make('S4', shoes.id, [{ size: '42', stock: 0 }]);
  await make('S5', shoes.id, [{ size: '42', stock: 5 }], false);
  await make('K1', socks.id, [{ size: 'M', stock: 5 }]);
  await make('K2', socks.id, [{ size: 'M', stock: 5 }]);
  await make('B1', bags.id, [{ size: 'OS', stock: 5 }]);
  people = {};
  for (const name of ['ann', 'bob', 'cas', 'dan', 'eve', 'fay']) people[name] = (await createProfile(db, { name })).id;
  await order(people.ann, 'web', ['S1', 'K1']);
  await order(people.ann, 'store', ['B1']);
  await order(people.bob, 'store', ['S1', 'K1']);
  await order(people.cas, 'web', ['S1', 'K2']);
  await order(null, 'store', ['S1', 'B1']);
  await order(people.dan, 'web', ['S1', 'K2'], { status: 'cancelled' });
  await order(people.eve, 'web', ['S1', 'S4', 'S5']);
  await order(people.fay, 'web', ['S2', 'K1'], { returned: ['K1'] });
});

describe('[INSIGHT][S14] often bought together', () => {
  it('counts distinct buyers across channels, live and precomputed alike', async () => {
    // S1: K1 by ann (web) and bob (store) = 2; B1 by ann (across two orders) and the anonymous sale = 2;
    // K2 by cas only (dan's order was cancelled) = 1; S4 out of stock, S5 inactive: left out.
    const expected = [
      { productId: ids.K1, buyers: 2 },
      { productId: ids.B1, buyers: 2 },
      { productId: ids.K2, buyers: 1 },
    ].sort((a, b) => b.buyers - a.buyers || a.productId - b.productId);
    expect(await listOftenBoughtTogether(db, [ids.S1], { limit: 10 })).toEqual(expected);

    expect(await coPurchasesState(db)).toEqual({ computedAt: null, newerOrders: true });
    const pairs = await recomputeCoPurchases(db, new Date());
    expect(pairs).toBeGreaterThan(0);
    expect((await coPurchasesState(db)).newerOrders).toBe(false);
    const k1 = await db
      .select({ related: productCoPurchases.relatedProductId, buyers: productCoPurchases.buyers })
      .from(productCoPurchases)
      .where(eq(productCoPurchases.productId, ids.K1))
      .orderBy(productCoPurchases.relatedProductId);
    // K1 with S1 by ann and bob; with B1 by ann (her store sale counts with her web order).
    expect(k1).toEqual([{ related: ids.S1, buyers: 2 }, { related: ids.B1, buyers: 1 }]);
    // The precomputed table gives the same list; fay's returned K1 is not a co-purchase of S2.
    expect(await listOftenBoughtTogether(db, [ids.S1], { limit: 10 })).toEqual(expected);
    expect(await listOftenBoughtTogether(db, [ids.S2], { limit: 10 })).toEqual([]);
    expect(await listOftenBoughtTogether(db, [ids.S1], { limit: 1, exclude: [ids.K1] })).toEqual([{ productId: ids.B1, buyers: 2 }]);
  });

  it('rebuilds started at once (every app instance runs the job) take turns: each succeeds with every pair', async () => {
    // Three connections open first, so the rebuilds really overlap (on PostgreSQL).
    await Promise.all([1, 2, 3].map(() => db.execute(sql`select pg_sleep(0.05)`)));
    const pairs = await Promise.all([1, 2, 3].map(() => recomputeCoPurchases(db)));
    expect(pairs[0]).toBeGreaterThan(0);
    expect(new Set(pairs).size).toBe(1);
  });

  it('a product that became inactive drops out of the precomputed lists', async () => {
    await recomputeCoPurchases(db);
    await db.update(products).set({ active: false }).where(eq(products.id, ids.K1));
    expect((await listOftenBoughtTogether(db, [ids.S1], { limit: 10 })).map((r) => r.productId)).toEqual([ids.B1, ids.K2]);
  });
});

describe('[INSIGHT][S14] personal recommendations', () => {
  it("come from the customer's categories and sizes, without what they own", async () => {
    // ann owns S1, K1, B1 (sizes 42, M, OS): S2 (42 in stock) and K2 (M in stock) before S3 (only 38 in
    // stock) — each category bought once, so a size she buys first, then by id; S4 (no stock) and S5
    // (inactive) never.
    expect(await listOwnedProductIds(db, people.ann)).toEqual([ids.S1, ids.K1, ids.B1].sort((a, b) => a - b));
    expect(await listPersonalRecommendations(db, people.ann, { limit: 10 })).toEqual([ids.S2, ids.K2, ids.S3]);
    // eve bought only shoes (three of them: shoes is her category).
    expect(await listPersonalRecommendations(db, people.eve, { limit: 10 })).toEqual([ids.S2, ids.S3]);
    // fay returned her socks: she owns only S2, so S1 is recommended, and socks are not her category.
    expect(await listPersonalRecommendations(db, people.fay, { limit: 10 })).toEqual([ids.S1, ids.S3]);
    // dan's only order was cancelled: no history, nothing personal.
    expect(await listPersonalRecommendations(db, people.dan, { limit: 10 })).toEqual([]);
  });

  it('the surfaces combine both sources and never show what is owned or in the cart', async () => {
    // Product page for bob (owns S1, K1): S1's co-purchases without K1.
    expect(await suggestForProduct(db, ids.S1, { customerId: people.bob, limit: 4 })).toEqual([ids.B1, ids.K2]);
    expect(await suggestForProduct(db, ids.S1, { limit: 4 })).toEqual([ids.K1, ids.B1, ids.K2]);
    // Cart with S1 for cas (owns S1, K2): co-purchases K1, B1, then personal S2, S3.
    expect(await suggestForCart(db, { productIds: [ids.S1], customerId: people.cas, limit: 4 })).toEqual([ids.K1, ids.B1, ids.S2, ids.S3]);
    // Counter for ann, with S2 already in the sale: personal K2, S3; nothing else is co-bought with hers.
    expect(await suggestForCustomer(db, people.ann, { exclude: [ids.S2], limit: 4 })).toEqual([ids.K2, ids.S3]);
    // Counter for fay (owns S2 only, nothing co-bought with it): personal only.
    expect(await suggestForCustomer(db, people.fay, { limit: 4 })).toEqual([ids.S1, ids.S3]);
  });
});
