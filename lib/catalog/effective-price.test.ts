/**
 * One price for every channel at the same instant: a scheduled price change (price_changes) read
 * through effectivePriceCents by the product page, the listing and cards, the counter's scan and
 * search, the web and counter carts and the promotion preview — old price at startsAt − 1 ms, new
 * price at startsAt, including a start entered across the spring DST change in Amsterdam.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { createTestDatabase } from '@/db/testing';
import { priceChanges } from '@/db/schema';
import { getPricedCart } from '@/lib/carts/queries';
import { addToCart, getOrCreateCounterCart, getOrCreateWebCart } from '@/lib/carts/mutations';
import { searchCounterProducts } from '@/lib/orders/counter-queries';
import { getPromotionPreview } from '@/lib/promotions/admin-queries';
import { createShop, createStaff, createVariant, resetDatabase } from '@/lib/testing/fixtures';
import { getAdminProduct } from './admin-queries';
import { getCardPrices } from './card-prices';
import { cancelPriceChange, schedulePriceChange } from './price-change-mutations';
import { findVariantByCode, getProductBySlug, listProducts, loadPriceLines, searchVariants } from './queries';

let handle: DbHandle;
let db: Db;
let shop: Awaited<ReturnType<typeof createShop>>;
let admin: Awaited<ReturnType<typeof createStaff>>;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
});
afterAll(() => handle?.close());
beforeEach(async () => {
  await resetDatabase(db);
  shop = await createShop(db); // one variant TR-42-BLK at € 50,00
  admin = await createStaff(db, { role: 'admin', email: 'admin@example.com' });
});

/** The price of the shop's variant as each read path sees it at `now`. */
async function pricesEverywhere(now: Date): Promise<Record<string, number>> {
  const v = shop.variant;
  const page = await getProductBySlug(db, shop.product.slug, 'en', now);
  const listing = await listProducts(db, { locale: 'en', limit: 10, offset: 0, now });
  const cards = await getCardPrices(db, [shop.product.id], { promotions: [], now, channel: 'web' });
  const scan = await findVariantByCode(db, v.sku, 'en', now);
  const search = await searchVariants(db, { query: 'Trail', locale: 'en', limit: 5, now });
  const [line] = await loadPriceLines(db, [{ variantId: v.id, quantity: 1 }], 'en', now);
  const counter = await searchCounterProducts(db, { query: 'Trail', locale: 'en', storeId: shop.storeA.id, now });
  const preview = await getPromotionPreview(db, { kind: 'percentage', value: 10, target: 'variant', targetId: v.id }, { locale: 'en', now });
  const { cartId } = await getOrCreateWebCart(db, {});
  await addToCart(db, { cartId, variantId: v.id, quantity: 1 });
  const web = await getPricedCart(db, cartId, { now });
  const clerk = await createStaff(db, { role: 'clerk', email: `clerk-${now.getTime()}@example.com`, locationId: shop.storeA.id });
  const till = await getOrCreateCounterCart(db, { clerkUserId: clerk.userId, locationId: shop.storeA.id, tillSessionId: null });
  await addToCart(db, { cartId: till.cartId, variantId: v.id, quantity: 1 });
  const store = await getPricedCart(db, till.cartId, { now });
  return {
    productPage: page!.variants[0].priceCents,
    listingFrom: listing.items[0].fromPriceCents,
    card: cards[shop.product.id].priceCents,
    counterScan: scan!.priceCents,
    counterSearchRow: search[0].priceCents,
    counterSearchPrice: counter[0].price.unitPriceCents,
    priceLine: line.unitPriceCents,
    promotionPreview: preview!.regularCents,
    webCart: web!.lines[0].unitPriceCents,
    counterCart: store!.lines[0].unitPriceCents,
  };
}

const all = (cents: number) => ({
  productPage: cents,
  listingFrom: cents,
  card: cents,
  counterScan: cents,
  counterSearchRow: cents,
  counterSearchPrice: cents,
  priceLine: cents,
  promotionPreview: cents,
  webCart: cents,
  counterCart: cents,
});

describe('effective price at a scheduled change, in every read path', () => {
  it('is the old price 1 ms before startsAt and the new one at startsAt, everywhere', async () => {
    const created = new Date('2027-01-10T12:00:00Z');
    const { startsAt } = await schedulePriceChange(db, { variantId: shop.variant.id, startsAt: '2027-01-15T09:00', price: 3995 }, admin, created);
    // 09:00 in Amsterdam in winter is 08:00 UTC.
    expect(startsAt.toISOString()).toBe('2027-01-15T08:00:00.000Z');
    expect(await pricesEverywhere(new Date(startsAt.getTime() - 1))).toEqual(all(5000));
    expect(await pricesEverywhere(startsAt)).toEqual(all(3995));
  });

  it('matches each change to its own variant, also in reads of the variants table alone (ids that differ)', async () => {
    const other = await createVariant(db, { productId: shop.product.id, sku: 'TR-43-BLK', priceCents: 6000, size: '43' });
    // Change #1 belongs to variant #2: a sub-select that lost its correlation would mix them up.
    await db.insert(priceChanges).values({ variantId: other.id, priceCents: 5500, startsAt: new Date('2027-01-01T00:00:00Z') });
    const now = new Date('2027-02-01T00:00:00Z');
    const page = await getProductBySlug(db, shop.product.slug, 'en', now);
    expect(page!.variants.map((v) => [v.sku, v.priceCents])).toEqual([
      ['TR-42-BLK', 5000],
      ['TR-43-BLK', 5500],
    ]);
    const adminView = await getAdminProduct(db, shop.product.id, now);
    expect(adminView!.variants.map((v) => v.priceCents)).toEqual([5000, 5500]);
    const upcoming = await getAdminProduct(db, shop.product.id, new Date('2026-12-01T00:00:00Z'));
    expect(upcoming!.variants.map((v) => v.next?.priceCents ?? null)).toEqual([null, 5500]);
  });

  it('takes the latest started change, ignores cancelled ones and falls back to the variant price', async () => {
    const t0 = new Date('2027-01-01T00:00:00Z');
    await db.insert(priceChanges).values([
      { variantId: shop.variant.id, priceCents: 4500, startsAt: new Date('2027-02-01T00:00:00Z') },
      { variantId: shop.variant.id, priceCents: 4000, startsAt: new Date('2027-03-01T00:00:00Z') },
      { variantId: shop.variant.id, priceCents: 1, startsAt: new Date('2027-02-15T00:00:00Z'), cancelledAt: t0 },
    ]);
    const at = async (iso: string) => (await loadPriceLines(db, [{ variantId: shop.variant.id, quantity: 1 }], 'en', new Date(iso)))[0].unitPriceCents;
    expect(await at('2027-01-31T23:59:59.999Z')).toBe(5000);
    expect(await at('2027-02-20T00:00:00Z')).toBe(4500);
    expect(await at('2027-03-01T00:00:00Z')).toBe(4000);
  });

  it('switches at the first real minute after the spring DST gap (2027-03-28 03:00 Amsterdam = 01:00 UTC)', async () => {
    const created = new Date('2027-03-01T12:00:00Z');
    const { startsAt } = await schedulePriceChange(db, { variantId: shop.variant.id, startsAt: '2027-03-28T03:00', price: 4200 }, admin, created);
    expect(startsAt.toISOString()).toBe('2027-03-28T01:00:00.000Z');
    expect(await pricesEverywhere(new Date('2027-03-28T00:59:59.999Z'))).toEqual(all(5000));
    expect(await pricesEverywhere(new Date('2027-03-28T01:00:00.000Z'))).toEqual(all(4200));
  });

  it('refuses a start time that the spring DST change skips, and one in the past; nothing is written', async () => {
    const created = new Date('2027-03-01T12:00:00Z');
    await expect(
      schedulePriceChange(db, { variantId: shop.variant.id, startsAt: '2027-03-28T02:30', price: 4200 }, admin, created),
    ).rejects.toMatchObject({ code: 'catalog.nonexistentTime', field: 'startsAt' });
    await expect(
      schedulePriceChange(db, { variantId: shop.variant.id, startsAt: '2027-02-01T10:00', price: 4200 }, admin, created),
    ).rejects.toMatchObject({ code: 'catalog.startsInPast', field: 'startsAt' });
    expect(await db.select().from(priceChanges)).toHaveLength(0);
  });

  it('reads an autumn time that happens twice as the first one (summer time, UTC+2)', async () => {
    const created = new Date('2027-10-01T12:00:00Z');
    const { startsAt } = await schedulePriceChange(db, { variantId: shop.variant.id, startsAt: '2027-10-31T02:30', price: 4200 }, admin, created);
    expect(startsAt.toISOString()).toBe('2027-10-31T00:30:00.000Z');
  });

  it('a cancelled change never takes effect; a started one cannot be cancelled', async () => {
    const created = new Date('2027-01-10T12:00:00Z');
    const first = await schedulePriceChange(db, { variantId: shop.variant.id, startsAt: '2027-01-15T09:00', price: 3995 }, admin, created);
    await cancelPriceChange(db, first.id, admin, new Date('2027-01-12T00:00:00Z'));
    expect(await pricesEverywhere(new Date('2027-01-16T00:00:00Z'))).toEqual(all(5000));

    const second = await schedulePriceChange(db, { variantId: shop.variant.id, startsAt: '2027-01-20T09:00', price: 4100 }, admin, created);
    await expect(cancelPriceChange(db, second.id, admin, second.startsAt)).rejects.toMatchObject({ code: 'catalog.priceChangeNotPending' });
  });
});
