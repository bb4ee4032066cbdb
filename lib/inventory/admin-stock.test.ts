import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { createTestDatabase } from '@/db/testing';
import {
  createProduct,
  createShop,
  createVariant,
  receiveStock,
  resetDatabase,
} from '@/lib/testing/fixtures';
import { countLowStock, listAdminStock } from './admin-stock';

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
  shop = await createShop(db); // TR-42-BLK: warehouse 10, store A 3, store B 0
  const boot = await createProduct(db, {
    categoryId: shop.category.id,
    slug: 'boot',
    nameEn: 'Boot',
    nameNl: 'Laars',
    brand: 'Polder',
  });
  const low = await createVariant(db, {
    productId: boot.id,
    sku: 'BO-41',
    priceCents: 12000,
    ean: '8700000000041',
  });
  await receiveStock(db, low.id, shop.storeB.id, 2);
  await createVariant(db, { productId: boot.id, sku: 'BO-42', priceCents: 12000, ean: '8700000000042' }); // no stock anywhere
});

describe('listAdminStock', () => {
  it('gives every variant with its available stock per location and in total', async () => {
    const { rows, total } = await listAdminStock(db, { limit: 50, offset: 0, locale: 'en' });
    expect(total).toBe(3);
    expect(rows.map((r) => [r.productName, r.sku, r.totalAvailable])).toEqual([
      ['Boot', 'BO-41', 2],
      ['Boot', 'BO-42', 0],
      ['Trail Runner', 'TR-42-BLK', 13],
    ]);
    expect(rows[2]).toMatchObject({
      ean: shop.variant.ean,
      priceCents: 5000,
      active: true,
      available: { [shop.warehouse.id]: 10, [shop.storeA.id]: 3 },
    });
  });

  it('searches name (either language), brand, SKU and EAN, filters low stock, and pages', async () => {
    const skus = async (options: { search?: string; lowOnly?: boolean; limit?: number; offset?: number }) =>
      (await listAdminStock(db, { limit: 50, offset: 0, locale: 'nl', ...options })).rows.map((r) => r.sku);
    expect(await skus({ search: 'laars' })).toEqual(['BO-41', 'BO-42']);
    expect(await skus({ search: 'polder' })).toEqual(['BO-41', 'BO-42']);
    expect(await skus({ search: 'tr-42' })).toEqual(['TR-42-BLK']);
    expect(await skus({ search: '8700000000042' })).toEqual(['BO-42']);
    expect(await skus({ search: '100%' })).toEqual([]);
    expect(await skus({ lowOnly: true })).toEqual(['BO-41', 'BO-42']);
    expect(await listAdminStock(db, { limit: 2, offset: 2, locale: 'nl' })).toMatchObject({
      total: 3,
      rows: [{ sku: 'TR-42-BLK' }],
    });
  });
});

describe('countLowStock', () => {
  it('counts variants low in total, out everywhere, and out in some store', async () => {
    // BO-41 (2 in store B) and BO-42 (none) are low; BO-42 is out; all three miss stock in a store.
    expect(await countLowStock(db)).toEqual({ low: 2, out: 1, outInAStore: 3, defaultThreshold: 2 });
  });
});
