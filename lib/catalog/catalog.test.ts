import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { createTestDatabase } from '@/db/testing';
import { createCategory, createProduct, createShop, createVariant, resetDatabase } from '@/lib/testing/fixtures';
import { findVariantByCode, getProductBySlug, listCategories, listProducts, loadPriceLines, searchVariants } from './queries';
import { likePattern } from './search';

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
  // A second product in another category, one inactive product and one inactive variant.
  const bags = await createCategory(db, 'bags');
  const bag = await createProduct(db, { categoryId: bags.id, slug: 'city-bag', nameEn: 'City Bag', nameNl: 'Stadstas', brand: 'Urbana' });
  await createVariant(db, { productId: bag.id, sku: 'CB-ONE', priceCents: 3500, ean: '8712345678906', size: '', color: 'grey' });
  const gone = await createProduct(db, { categoryId: bags.id, slug: 'old-bag', active: false });
  await createVariant(db, { productId: gone.id, sku: 'OB-1', priceCents: 100 });
  await createVariant(db, { productId: shop.product.id, sku: 'TR-41-BLK', priceCents: 4500, size: '41', active: false });
});

describe('catalog queries', () => {
  it('lists categories and products in the requested language, with search and paging', async () => {
    expect((await listCategories(db, 'en')).map((c) => c.slug)).toEqual(['bags', 'shoes']);
    const all = await listProducts(db, { locale: 'nl', limit: 10, offset: 0 });
    expect(all.total).toBe(2);
    expect(all.items.map((p) => [p.name, p.fromPriceCents, p.variantCount])).toEqual([
      ['Stadstas', 3500, 1],
      ['Trailloper', 5000, 1],
    ]);
    expect((await listProducts(db, { locale: 'en', categorySlug: 'bags', limit: 10, offset: 0 })).items.map((p) => p.name)).toEqual(['City Bag']);
    expect((await listProducts(db, { locale: 'en', search: 'urban', limit: 10, offset: 0 })).total).toBe(1);
    expect((await listProducts(db, { locale: 'en', search: 'tr-42', limit: 10, offset: 0 })).items[0].slug).toBe('trail-runner');
    expect((await listProducts(db, { locale: 'en', search: 'trailloper', limit: 10, offset: 0 })).total).toBe(1);
    expect((await listProducts(db, { locale: 'en', search: '%', limit: 10, offset: 0 })).total).toBe(0);
    const page2 = await listProducts(db, { locale: 'nl', limit: 1, offset: 1 });
    expect(page2).toMatchObject({ total: 2, items: [{ slug: 'trail-runner' }] });
  });

  it('reads a product by slug with its active variants only', async () => {
    const product = await getProductBySlug(db, 'trail-runner', 'en');
    expect(product).toMatchObject({ name: 'Trail Runner', category: { slug: 'shoes' }, taxClass: 'standard' });
    expect(product?.variants.map((v) => v.sku)).toEqual(['TR-42-BLK']);
    expect(await getProductBySlug(db, 'old-bag', 'en')).toBeNull();
    expect(await getProductBySlug(db, 'nope', 'en')).toBeNull();
  });

  it('finds a variant by exact SKU or EAN for the scanner, and searches for the counter', async () => {
    expect(await findVariantByCode(db, 'tr-42-blk', 'en')).toMatchObject({ sku: 'TR-42-BLK', productName: 'Trail Runner', variantLabel: '42 / black' });
    expect(await findVariantByCode(db, '8712345678906')).toMatchObject({ sku: 'CB-ONE', productName: 'Stadstas', variantLabel: 'grey' });
    expect(await findVariantByCode(db, 'TR-42')).toBeNull();
    expect(await findVariantByCode(db, 'TR-41-BLK')).toBeNull(); // inactive
    expect((await searchVariants(db, { query: 'bag', locale: 'en', limit: 5 })).map((v) => v.sku)).toEqual(['CB-ONE']);
    expect((await searchVariants(db, { query: '871234567', locale: 'en', limit: 5 })).map((v) => v.sku)).toEqual(['CB-ONE']);
    expect(await searchVariants(db, { query: '  ', locale: 'en', limit: 5 })).toEqual([]);
  });

  it('searches the counter through the catalog engine: typos, colours in Dutch, a code gives just its variants', async () => {
    await createVariant(db, { productId: shop.product.id, sku: 'TR-43-RED', priceCents: 5000, size: '43', color: 'Red' });
    expect((await searchVariants(db, { query: 'trial runer', locale: 'en', limit: 5 })).map((v) => v.sku)).toEqual(['TR-42-BLK', 'TR-43-RED']);
    expect((await searchVariants(db, { query: 'rood', locale: 'nl', limit: 5 })).map((v) => v.productName)).toEqual(['Trailloper', 'Trailloper']);
    expect((await searchVariants(db, { query: 'tr-43', locale: 'en', limit: 5 })).map((v) => v.sku)).toEqual(['TR-43-RED']);
    // An exact code leads even when its product also matches by words.
    expect((await searchVariants(db, { query: 'TR-43-RED', locale: 'en', limit: 5 })).map((v) => v.sku)).toEqual(['TR-43-RED']);
  });

  it('loads price lines from the catalog, adding up repeated variants', async () => {
    const lines = await loadPriceLines(db, [
      { variantId: shop.variant.id, quantity: 1 },
      { variantId: 999_999, quantity: 1 },
      { variantId: shop.variant.id, quantity: 2 },
    ]);
    expect(lines).toEqual([
      expect.objectContaining({
        variantId: shop.variant.id,
        productId: shop.product.id,
        categoryId: shop.category.id,
        quantity: 3,
        unitPriceCents: 5000,
        taxClass: 'standard',
        productName: 'Trailloper',
        active: true,
      }),
    ]);
  });

  it('escapes LIKE wildcards', () => {
    expect(likePattern(' 50%_off\\ ')).toBe('%50\\%\\_off\\\\%');
  });
});
