import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { carts, products, promotionCustomerUsage } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { createCustomerActor, createPromotionRow, createShop, createStaff, createVariant, resetDatabase } from '@/lib/testing/fixtures';
import {
  addToCart,
  applyPromotionCode,
  getOrCreateCounterCart,
  getOrCreateWebCart,
  removeCode,
  removeLine,
  setCartCustomer,
  setLineQuantity,
} from './mutations';
import { assertCartAccess, findBrowserCart, findWebCartId, getCart, getCartLines, getPricedCart, getPricedCartPerFulfilment, headerCart } from './queries';
import { addToCartSchema, promotionCodeSchema, setCartCustomerSchema } from './schemas';

let handle: DbHandle;
let db: Db;
let shop: Awaited<ReturnType<typeof createShop>>;
let customer: Actor;

const NOW = new Date('2026-05-01T10:00:00Z');

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
});
afterAll(() => handle?.close());
beforeEach(async () => {
  await resetDatabase(db);
  shop = await createShop(db);
  customer = await createCustomerActor(db, 'eva@example.com');
});

async function codeOf(promise: Promise<unknown> | (() => unknown)): Promise<string> {
  const run = typeof promise === 'function' ? Promise.resolve().then(promise) : promise;
  const error = await run.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  return (error as DomainError).code;
}

describe('web carts', () => {
  it('creates an anonymous cart, reuses it, and never hands a customer’s cart to someone else', async () => {
    const anon = await getOrCreateWebCart(db, {});
    expect(anon.created).toBe(true);
    expect(anon.browserKey).toBe(anon.cartId); // a browser's first cart: its id is the cookie
    expect(await getOrCreateWebCart(db, { cartId: anon.cartId })).toEqual({ cartId: anon.cartId, created: false, browserKey: anon.cartId });
    const garbage = await getOrCreateWebCart(db, { cartId: 'garbage' });
    expect(garbage).toMatchObject({ created: true, browserKey: garbage.cartId });

    const own = await getOrCreateWebCart(db, { customerId: customer.customerId });
    const afterSignOut = await getOrCreateWebCart(db, { cartId: own.cartId });
    expect(afterSignOut.cartId).not.toBe(own.cartId);
    expect(afterSignOut.browserKey).toBe(afterSignOut.cartId); // the customer's cart hands on no key
    expect(await findWebCartId(db, { cartId: own.cartId })).toBeNull();
    expect(await findWebCartId(db, { customerId: customer.customerId })).toBe(own.cartId);
  });

  it('a browser keeps its cookie after an order: its next cart carries the same key, and only that browser holds it', async () => {
    const first = await getOrCreateWebCart(db, {});
    await addToCart(db, { cartId: first.cartId, variantId: shop.variant.id, quantity: 1 });
    await db.update(carts).set({ status: 'converted' }).where(eq(carts.id, first.cartId));

    const next = await getOrCreateWebCart(db, { cartId: first.browserKey });
    expect(next).toEqual({ cartId: expect.not.stringMatching(first.cartId), created: true, browserKey: first.browserKey });
    expect(await findWebCartId(db, { cartId: first.browserKey })).toBe(next.cartId);
    expect(await getOrCreateWebCart(db, { cartId: first.browserKey })).toEqual({ cartId: next.cartId, created: false, browserKey: first.browserKey });
    const cart = (await getCart(db, next.cartId))!;
    expect(() => assertCartAccess(cart, null, first.browserKey)).not.toThrow();
    expect(() => assertCartAccess(cart, null, next.cartId)).toThrow(DomainError); // its id is not its key
    expect(await findBrowserCart(db, first.browserKey, { openOnly: false })).toEqual({ id: next.cartId, status: 'open' });

    // First adds at once after the next order (a double click, two tabs): one new cart for all of them.
    await db.update(carts).set({ status: 'converted' }).where(eq(carts.id, next.cartId));
    const adds = await Promise.all(Array.from({ length: 4 }, () => getOrCreateWebCart(db, { cartId: first.browserKey })));
    expect(new Set(adds.map((a) => a.cartId)).size).toBe(1);
    expect(new Set(adds.map((a) => a.browserKey))).toEqual(new Set([first.browserKey]));
    const third = adds[0].cartId;
    expect(third).not.toBe(next.cartId);

    // Claimed at a sign-in, the cart is no longer the browser's: its cookie reaches it no more.
    await getOrCreateWebCart(db, { cartId: first.browserKey, customerId: customer.customerId });
    expect(await findWebCartId(db, { cartId: first.browserKey })).toBeNull();
    expect(await findBrowserCart(db, first.browserKey, { openOnly: false })).toEqual({ id: next.cartId, status: 'converted' });
  });

  it("the header's badge counts the cart findWebCartId shows, and says when a signed-in customer's cookie still holds a cart", async () => {
    const nothing = { count: 0, unclaimed: false };
    expect(await headerCart(db, {})).toEqual(nothing);
    expect(await headerCart(db, { cartId: 'garbage' })).toEqual(nothing);
    const anon = await getOrCreateWebCart(db, {});
    expect(await headerCart(db, { cartId: anon.browserKey })).toEqual(nothing); // an empty cart
    await addToCart(db, { cartId: anon.cartId, variantId: shop.variant.id, quantity: 2 });
    expect(await headerCart(db, { cartId: anon.browserKey })).toEqual({ count: 2, unclaimed: false });
    // Signed in with that cookie and no cart of their own yet: they see it, and it is to be claimed.
    expect(await headerCart(db, { cartId: anon.browserKey, customerId: customer.customerId })).toEqual({ count: 2, unclaimed: true });

    const own = await getOrCreateWebCart(db, { customerId: customer.customerId });
    const other = await createVariant(db, { productId: shop.product.id, sku: 'TR-45-BLK', priceCents: 5000, size: '45' });
    await addToCart(db, { cartId: own.cartId, variantId: other.id, quantity: 3 });
    expect(await headerCart(db, { customerId: customer.customerId })).toEqual({ count: 3, unclaimed: false });
    expect(await headerCart(db, { cartId: anon.browserKey, customerId: customer.customerId })).toEqual({ count: 3, unclaimed: true });
    // Whoever holds the customer's cart id as a cookie sees nothing of it.
    expect(await headerCart(db, { cartId: own.cartId })).toEqual(nothing);
    for (const who of [{}, { cartId: anon.browserKey }, { customerId: customer.customerId }, { cartId: anon.browserKey, customerId: customer.customerId }, { cartId: own.cartId }]) {
      const shown = await findWebCartId(db, who);
      const lines = shown ? await getCartLines(db, shown) : [];
      expect((await headerCart(db, who)).count).toBe(lines.reduce((n, l) => n + l.quantity, 0));
    }
  });

  it('claims the cookie cart on sign-in, or merges it into the customer’s open cart', async () => {
    const anon = await getOrCreateWebCart(db, {});
    await addToCart(db, { cartId: anon.cartId, variantId: shop.variant.id, quantity: 2 });
    const claimed = await getOrCreateWebCart(db, { cartId: anon.cartId, customerId: customer.customerId });
    expect(claimed.cartId).toBe(anon.cartId);
    expect((await getCart(db, anon.cartId))?.customerId).toBe(customer.customerId);

    // Signed out, shopped again, signed in: the new cookie cart merges into the customer's cart.
    const second = await getOrCreateWebCart(db, {});
    await addToCart(db, { cartId: second.cartId, variantId: shop.variant.id, quantity: 98 });
    const other = await createVariant(db, { productId: shop.product.id, sku: 'TR-44-BLK', priceCents: 5000, size: '44' });
    await addToCart(db, { cartId: second.cartId, variantId: other.id, quantity: 1 });
    await createPromotionRow(db, { name: 'Ten', kind: 'percentage', value: 10, code: 'TEN' });
    await applyPromotionCode(db, second.cartId, 'ten', NOW);

    const merged = await getOrCreateWebCart(db, { cartId: second.cartId, customerId: customer.customerId });
    expect(merged.cartId).toBe(anon.cartId);
    expect(await getCartLines(db, anon.cartId)).toEqual([
      { variantId: shop.variant.id, quantity: 99 }, // 2 + 98, capped
      { variantId: other.id, quantity: 1 },
    ]);
    expect((await getCart(db, anon.cartId))?.promotionCodes).toEqual(['TEN']);
    expect((await getCart(db, second.cartId))?.status).toBe('abandoned');
  });

  it('adds, caps, changes and removes lines; an add answers with the line and the whole cart’s size', async () => {
    const { cartId } = await getOrCreateWebCart(db, {});
    expect(await addToCart(db, { cartId, variantId: shop.variant.id, quantity: 60 })).toEqual({ quantity: 60, itemCount: 60 });
    expect(await addToCart(db, { cartId, variantId: shop.variant.id, quantity: 60 })).toEqual({ quantity: 99, itemCount: 99 });
    const other = await createVariant(db, { productId: shop.product.id, sku: 'CART-SIZE-2', priceCents: 1000 });
    expect(await addToCart(db, { cartId, variantId: other.id, quantity: 2 })).toEqual({ quantity: 2, itemCount: 101 });
    await removeLine(db, { cartId, variantId: other.id });
    await setLineQuantity(db, { cartId, variantId: shop.variant.id, quantity: 3 });
    expect(await getCartLines(db, cartId)).toEqual([{ variantId: shop.variant.id, quantity: 3 }]);
    await setLineQuantity(db, { cartId, variantId: shop.variant.id, quantity: 0 });
    expect(await getCartLines(db, cartId)).toEqual([]);
    await addToCart(db, { cartId, variantId: shop.variant.id, quantity: 1 });
    await removeLine(db, { cartId, variantId: shop.variant.id });
    expect(await getCartLines(db, cartId)).toEqual([]);
    expect(await codeOf(setLineQuantity(db, { cartId, variantId: shop.variant.id, quantity: 2 }))).toBe('notFound');
    expect(await codeOf(addToCart(db, { cartId, variantId: 999_999, quantity: 1 }))).toBe('notFound');
  });

  it('refuses changes to a cart that is no longer open', async () => {
    const { cartId } = await getOrCreateWebCart(db, {});
    await db.update(carts).set({ status: 'converted' }).where(eq(carts.id, cartId));
    expect(await codeOf(addToCart(db, { cartId, variantId: shop.variant.id, quantity: 1 }))).toBe('invalidState');
  });

  it('keeps only codes that priceCart accepts', async () => {
    await createPromotionRow(db, { name: 'Ten', kind: 'percentage', value: 10, code: 'TEN' });
    await createPromotionRow(db, { name: 'Store only', kind: 'percentage', value: 10, code: 'SHOP', channels: ['store'] });
    await createPromotionRow(db, { name: 'Old', kind: 'percentage', value: 10, code: 'OLD', endsAt: new Date('2026-01-01T00:00:00Z') });
    const { cartId } = await getOrCreateWebCart(db, {});
    await addToCart(db, { cartId, variantId: shop.variant.id, quantity: 1 });
    expect(await applyPromotionCode(db, cartId, ' ten ', NOW)).toEqual({ codes: ['TEN'] });
    // Each refusal says why: unknown, only for the other channel, ended (an ended promotion is loaded
    // only when its code is entered, for that answer).
    for (const [code, reason] of [['NOPE', 'unknown'], ['SHOP', 'wrong_channel'], ['OLD', 'expired']]) {
      const error = await applyPromotionCode(db, cartId, code, NOW).catch((e: DomainError) => e);
      expect(error).toMatchObject({ code: `codeRefused.${reason}`, field: 'code' });
    }
    const priced = await getPricedCart(db, cartId, { now: NOW });
    expect(priced?.totals).toMatchObject({ subtotalCents: 5000, discountCents: 500, totalCents: 4500, codes: { accepted: ['TEN'], rejected: [] } });
    expect(await removeCode(db, cartId, 'ten')).toEqual({ codes: [] });
  });
});

describe('codes and the cart’s customer', () => {
  it('a code the customer already used as often as allowed is refused at the counter once they are linked to the sale', async () => {
    const clerk = await createStaff(db, { role: 'clerk', email: 'clerk@example.com', locationId: shop.storeA.id });
    const promotion = await createPromotionRow(db, { name: 'Once', kind: 'percentage', value: 10, code: 'ONCE', perCustomerLimit: 1 });
    await db.insert(promotionCustomerUsage).values({ promotionId: promotion.id, customerId: customer.customerId!, usedCount: 1 });
    const { cartId } = await getOrCreateCounterCart(db, { clerkUserId: clerk.userId, locationId: shop.storeA.id });
    await addToCart(db, { cartId, variantId: shop.variant.id, quantity: 1 });
    await setCartCustomer(db, { cartId, customerId: customer.customerId });
    const error = await applyPromotionCode(db, cartId, 'once', NOW).catch((e: DomainError) => e);
    expect(error).toMatchObject({ code: 'codeRefused.already_used', field: 'code' });
    // Another customer (never used it) may.
    const other = await createCustomerActor(db, 'piet@example.com');
    await setCartCustomer(db, { cartId, customerId: other.customerId });
    expect(await applyPromotionCode(db, cartId, 'ONCE', NOW)).toEqual({ codes: ['ONCE'] });
  });
});

describe('getPricedCart', () => {
  it('joins display fields with priceCart and sets aside lines that are no longer sold', async () => {
    const other = await createVariant(db, { productId: shop.product.id, sku: 'TR-45-RED', priceCents: 2000, size: '45', color: 'red' });
    const { cartId } = await getOrCreateWebCart(db, {});
    await addToCart(db, { cartId, variantId: shop.variant.id, quantity: 1 });
    await addToCart(db, { cartId, variantId: other.id, quantity: 2 });
    const priced = await getPricedCart(db, cartId, { now: NOW, fulfilment: 'delivery', locale: 'en' });
    expect(priced?.lines.map((l) => [l.sku, l.productName, l.variantLabel, l.quantity, l.lineTotalCents, l.slug])).toEqual([
      ['TR-42-BLK', 'Trail Runner', '42 / black', 1, 5000, 'trail-runner'],
      ['TR-45-RED', 'Trail Runner', '45 / red', 2, 4000, 'trail-runner'],
    ]);
    expect(priced?.totals).toMatchObject({ subtotalCents: 9000, shippingCents: 0, totalCents: 9000 });

    await db.update(products).set({ active: false }).where(eq(products.id, shop.product.id));
    const after = await getPricedCart(db, cartId, { now: NOW, fulfilment: 'delivery' });
    expect(after?.lines).toEqual([]);
    expect(after?.unavailable.map((l) => l.sku)).toEqual(['TR-42-BLK', 'TR-45-RED']);
    expect(await getPricedCart(db, '00000000-0000-0000-0000-000000000000', { now: NOW })).toBeNull();
  });

  it('prices one read of the cart per fulfilment exactly as getPricedCart does for each (the checkout page)', async () => {
    const cheap = await createVariant(db, { productId: shop.product.id, sku: 'TR-40-RED', priceCents: 1000, size: '40', color: 'red' });
    const { cartId } = await getOrCreateWebCart(db, {});
    await addToCart(db, { cartId, variantId: cheap.id, quantity: 1 });
    const both = await getPricedCartPerFulfilment(db, cartId, { now: NOW, locale: 'en' }, ['delivery', 'pickup']);
    const delivery = await getPricedCart(db, cartId, { now: NOW, fulfilment: 'delivery', locale: 'en' });
    const pickup = await getPricedCart(db, cartId, { now: NOW, fulfilment: 'pickup', locale: 'en' });
    expect(both).toEqual([delivery, pickup]);
    expect(delivery!.totals.shippingCents).toBeGreaterThan(0);
    expect(pickup!.totals.shippingCents).toBe(0);
  });
});

describe('counter carts and access', () => {
  it('keeps one open counter cart per clerk and links a customer', async () => {
    const clerk = await createStaff(db, { role: 'clerk', email: 'c@example.com', locationId: shop.storeA.id });
    const [a, b] = await Promise.all([
      getOrCreateCounterCart(db, { clerkUserId: clerk.userId, locationId: shop.storeA.id }),
      getOrCreateCounterCart(db, { clerkUserId: clerk.userId, locationId: shop.storeA.id }),
    ]);
    expect(a.cartId).toBe(b.cartId);
    await setCartCustomer(db, { cartId: a.cartId, customerId: customer.customerId });
    expect((await getCart(db, a.cartId))?.customerId).toBe(customer.customerId);
    expect(await codeOf(setCartCustomer(db, { cartId: a.cartId, customerId: 424242 }))).toBe('notFound');
    const web = await getOrCreateWebCart(db, {});
    expect(await codeOf(setCartCustomer(db, { cartId: web.cartId, customerId: null }))).toBe('invalidState');
  });

  it('lets only the owner use a cart', async () => {
    const clerk = await createStaff(db, { role: 'clerk', email: 'c@example.com', locationId: shop.storeA.id });
    const otherClerk = await createStaff(db, { role: 'clerk', email: 'd@example.com', locationId: shop.storeA.id });
    const counter = (await getCart(db, (await getOrCreateCounterCart(db, { clerkUserId: clerk.userId, locationId: shop.storeA.id })).cartId))!;
    const anon = (await getCart(db, (await getOrCreateWebCart(db, {})).cartId))!;
    const owned = (await getCart(db, (await getOrCreateWebCart(db, { customerId: customer.customerId })).cartId))!;
    const stranger = await createCustomerActor(db, 'x@example.com');

    expect(() => assertCartAccess(counter, clerk, null)).not.toThrow();
    expect(await codeOf(() => assertCartAccess(counter, otherClerk, null))).toBe('forbidden');
    expect(await codeOf(() => assertCartAccess(counter, customer, counter.id))).toBe('forbidden');
    expect(() => assertCartAccess(anon, null, anon.id)).not.toThrow();
    expect(await codeOf(() => assertCartAccess(anon, null, owned.id))).toBe('notFound');
    expect(() => assertCartAccess(owned, customer, null)).not.toThrow();
    expect(await codeOf(() => assertCartAccess(owned, stranger, owned.id))).toBe('notFound');
    expect(await codeOf(() => assertCartAccess(owned, null, owned.id))).toBe('notFound');
  });
});

describe('cart schemas', () => {
  it('parses form values and rejects unknown keys', () => {
    expect(addToCartSchema.parse({ variantId: '7' })).toEqual({ variantId: 7, quantity: 1 });
    expect(addToCartSchema.safeParse({ variantId: '7', quantity: '100' }).success).toBe(false);
    expect(addToCartSchema.safeParse({ variantId: '7', priceCents: '1' }).success).toBe(false);
    expect(promotionCodeSchema.parse({ code: ' spring ' })).toEqual({ code: 'SPRING' });
    expect(setCartCustomerSchema.parse({ customerId: '' })).toEqual({ customerId: null });
  });
});
