import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db, DbHandle } from '@/db/client';
import { products } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { createCategory, createProduct, createShop, createVariant, receiveStock, resetDatabase } from '@/lib/testing/fixtures';
import { browseProducts, type ListingFilters, type ListingSort } from './browse';
import { searchCatalog } from './search';

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
  // Trail Runner (Trailloper): 42 black € 50, 3 in store A.
  shop = await createShop(db);
  await createVariant(db, { productId: shop.product.id, sku: 'TR-44-RED', size: '44', color: 'Red', priceCents: 5500 });
  const court = await createProduct(db, { categoryId: shop.category.id, slug: 'court', nameEn: 'Court Sneaker', nameNl: 'Court sneaker' });
  const court41 = await createVariant(db, { productId: court.id, sku: 'CT-41-WHT', size: '41', color: 'White', priceCents: 9000 });
  await createVariant(db, { productId: court.id, sku: 'CT-42-BLK', size: '42', color: 'black', priceCents: 9500 });
  await receiveStock(db, court41.id, shop.storeB.id, 2);
  const bags = await createCategory(db, 'bags');
  const bag = await createProduct(db, { categoryId: bags.id, slug: 'tote', nameEn: 'Canvas Tote', nameNl: 'Canvas tas' });
  await createVariant(db, { productId: bag.id, sku: 'TO-ONE', size: 'One size', color: 'Red', priceCents: 2500 });
  // Newest first: the tote was added last; make the trail runner the oldest explicitly.
  await db.update(products).set({ createdAt: new Date('2020-01-01T00:00:00Z') }).where(eq(products.id, shop.product.id));
});

const browse = (filters: ListingFilters = {}, sort: ListingSort = 'relevance', more: { categorySlug?: string; productIds?: number[]; limit?: number; offset?: number } = {}) =>
  browseProducts(db, { locale: 'en', filters, sort, limit: more.limit ?? 10, offset: more.offset ?? 0, categorySlug: more.categorySlug, productIds: more.productIds });

describe('listing filters', () => {
  it('filters by size, colour and price with counts per value that ignore their own filter', async () => {
    const all = await browse();
    expect(all.total).toBe(3);
    expect(all.facets.sizes).toEqual([
      { value: '41', count: 1 },
      { value: '42', count: 2 },
      { value: '44', count: 1 },
      { value: 'One size', count: 1 },
    ]);
    expect(all.facets.colors).toEqual([
      { value: 'black', count: 2 },
      { value: 'Red', count: 2 },
      { value: 'White', count: 1 },
    ]);
    const size42 = await browse({ sizes: ['42'] });
    expect(size42.items.map((p) => p.slug)).toEqual(['court', 'trail-runner']);
    // The size facet still counts the other sizes; the colour facet counts only size-42 variants.
    expect(size42.facets.sizes.find((s) => s.value === '41')?.count).toBe(1);
    expect(size42.facets.colors).toEqual([{ value: 'black', count: 2 }]);
    // One variant must pass every filter: the trail runner has 42 (black) and red (44), no red 42.
    expect((await browse({ sizes: ['42'], colors: ['Red'] })).total).toBe(0);
    const cheap = await browse({ maxPriceCents: 5000 });
    expect(cheap.items.map((p) => [p.slug, p.fromPriceCents])).toEqual([
      ['tote', 2500],
      ['trail-runner', 5000],
    ]);
    expect((await browse({ minPriceCents: 5200, maxPriceCents: 9200 })).items.map((p) => [p.slug, p.fromPriceCents])).toEqual([
      ['court', 9000],
      ['trail-runner', 5500],
    ]);
    expect((await browse({}, 'relevance', { categorySlug: 'bags' })).items.map((p) => p.slug)).toEqual(['tote']);
  });

  it('filters on stock in a store and counts it', async () => {
    const inA = await browse({ inStockAt: shop.storeA.id });
    expect(inA.items.map((p) => p.slug)).toEqual(['trail-runner']);
    expect(inA.facets.inStock).toBe(1);
    expect((await browse({ inStockAt: shop.storeB.id })).items.map((p) => p.slug)).toEqual(['court']);
    expect((await browse()).facets.inStock).toBeNull();
    // Counted for the shopper's store before the filter is chosen, without filtering.
    const counted = await browseProducts(db, { locale: 'en', filters: {}, sort: 'relevance', limit: 10, offset: 0, stockStoreId: shop.storeA.id });
    expect(counted).toMatchObject({ total: 3, facets: { inStock: 1 } });
  });

  it('sorts by relevance, price and newest, and pages', async () => {
    expect((await browse({}, 'price-asc')).items.map((p) => p.slug)).toEqual(['tote', 'trail-runner', 'court']);
    expect((await browse({}, 'price-desc')).items.map((p) => p.slug)).toEqual(['court', 'trail-runner', 'tote']);
    expect((await browse({}, 'newest')).items.map((p) => p.slug)).toEqual(['tote', 'court', 'trail-runner']);
    expect((await browse({}, 'relevance')).items.map((p) => p.slug)).toEqual(['tote', 'court', 'trail-runner']); // by name
    const page2 = await browse({}, 'price-asc', { limit: 2, offset: 2 });
    expect(page2).toMatchObject({ total: 3, items: [{ slug: 'court' }] });
  });

  it('keeps the order of a search and filters within it', async () => {
    const found = await searchCatalog(db, 'red');
    const red = await browse({}, 'relevance', { productIds: found.productIds });
    expect(red.items.map((p) => p.slug).sort()).toEqual(['tote', 'trail-runner']);
    const sneakers = await searchCatalog(db, 'snekaer');
    const listed = await browse({ sizes: ['41'] }, 'relevance', { productIds: sneakers.productIds });
    expect(listed.items.map((p) => p.slug)).toEqual(['court']);
    expect(listed.facets.sizes.map((s) => s.value)).toEqual(['41', '42']);
  });
});
