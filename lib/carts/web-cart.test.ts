/**
 * The web cart actions as a browser uses them: the cart comes from the cookie (or the signed-in
 * customer), never from the input, and nobody can change a cart they do not hold.
 */
import { createTranslator } from 'next-intl';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { createTestDatabase } from '@/db/testing';
import { MESSAGES } from '@/lib/i18n/messages';
import type { Actor } from '@/lib/identity/queries';
import { eq } from 'drizzle-orm';
import { carts, products } from '@/db/schema';
import { createCustomerActor, createProduct, createPromotionRow, createShop, createVariant, resetDatabase } from '@/lib/testing/fixtures';
import { settleAfterTasks } from '@/lib/testing/next-after';
import { MAX_LINE_QUANTITY } from './mutations';
import { findWebCartId, getCart, getCartLines } from './queries';

const state = vi.hoisted(() => ({
  actor: null as unknown,
  jar: new Map<string, string>(),
  options: new Map<string, unknown>(),
  db: null as unknown,
}));

vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) => (state.jar.has(name) ? { name, value: state.jar.get(name) } : undefined),
    set: (name: string, value: string, options: unknown) => {
      state.jar.set(name, value);
      state.options.set(name, options);
    },
    delete: (name: string) => state.jar.delete(name),
  }),
  headers: async () => new Headers(),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));
// `after` runs its work at once (the add_to_cart touchpoint); beforeEach waits for it.
vi.mock('next/server', async (original) => (await import('@/lib/testing/next-after')).nextServerAtOnce(await original<object>()));
vi.mock('@/lib/db', () => ({ getDb: () => state.db }));
vi.mock('@/lib/auth/session', async () => {
  const { DomainError } = await import('@/lib/errors');
  return {
    COUNTER_ROLES: ['clerk', 'admin'],
    ADMIN_ROLES: ['admin'],
    getActor: async () => state.actor,
    authorize: async (roles: readonly string[]) => {
      const actor = state.actor as Actor | null;
      if (!actor) throw new DomainError('unauthenticated');
      if (!roles.includes(actor.role)) throw new DomainError('forbidden');
      return actor;
    },
  };
});
vi.mock('@/lib/i18n/translate', () => ({
  getTranslator: async () => ({ locale: 'en', t: createTranslator({ locale: 'en', messages: MESSAGES.en }) }),
}));

const { addToCartAction, applyPromotionCodeAction, removeLineAction, setLineQuantityAction } =
  await import('./actions');
const { CART_COOKIE } = await import('./web-cart');

let handle: DbHandle;
let db: Db;
let shop: Awaited<ReturnType<typeof createShop>>;

/** Switches to another browser (its own cookie jar) and person. */
function as(actor: Actor | null, cookies: Record<string, string> = {}) {
  state.actor = actor;
  state.jar = new Map(Object.entries(cookies));
}

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  state.db = db;
});
afterAll(() => handle?.close());
beforeEach(async () => {
  await settleAfterTasks();
  await resetDatabase(db);
  shop = await createShop(db);
});

describe('web cart actions', () => {
  it('keep the cart in an httpOnly cookie and change only the caller’s own cart', async () => {
    as(null);
    expect(await addToCartAction({ variantId: shop.variant.id, quantity: 2 })).toMatchObject({
      ok: true,
      message: 'Added to your cart.',
      data: { quantity: 2, itemCount: 2 }, // the header's count, without re-rendering the page
    });
    const aliceCart = state.jar.get(CART_COOKIE)!;
    expect(state.options.get(CART_COOKIE)).toMatchObject({ httpOnly: true, sameSite: 'lax', path: '/' });
    expect(await getCartLines(db, aliceCart)).toEqual([{ variantId: shop.variant.id, quantity: 2 }]);

    // Another browser without that cookie cannot change or empty it.
    as(null);
    expect(await setLineQuantityAction({ variantId: shop.variant.id, quantity: 9 })).toMatchObject({
      ok: false,
      formError: 'This no longer exists.',
    });
    expect(await removeLineAction({ variantId: shop.variant.id })).toMatchObject({ ok: false });
    expect(await applyPromotionCodeAction({ code: 'SUMMER' })).toMatchObject({ ok: false });
    expect(await getCartLines(db, aliceCart)).toEqual([{ variantId: shop.variant.id, quantity: 2 }]);

    // The holder of the cookie can.
    as(null, { [CART_COOKIE]: aliceCart });
    expect(await setLineQuantityAction({ variantId: shop.variant.id, quantity: 3 })).toMatchObject({
      ok: true,
    });
    expect(await getCartLines(db, aliceCart)).toEqual([{ variantId: shop.variant.id, quantity: 3 }]);
  });

  it('a guest’s browser keeps its cart cookie after an order: the next add fills a new cart and sets no cookie (no re-render)', async () => {
    as(null);
    await addToCartAction({ variantId: shop.variant.id, quantity: 1 });
    const key = state.jar.get(CART_COOKIE)!;
    const ordered = (await findWebCartId(db, { cartId: key }))!;
    await db.update(carts).set({ status: 'converted' }).where(eq(carts.id, ordered));

    state.options.clear();
    expect(await addToCartAction({ variantId: shop.variant.id, quantity: 2 })).toMatchObject({ ok: true, data: { itemCount: 2 } });
    expect(state.options.has(CART_COOKIE)).toBe(false); // not set again
    expect(state.jar.get(CART_COOKIE)).toBe(key);
    const next = (await findWebCartId(db, { cartId: key }))!;
    expect(next).not.toBe(ordered);
    expect(await getCartLines(db, next)).toEqual([{ variantId: shop.variant.id, quantity: 2 }]);
    expect(await getCartLines(db, ordered)).toEqual([{ variantId: shop.variant.id, quantity: 1 }]);

    // The new cart's own id is no cookie for it: another browser holding it gets nothing.
    as(null, { [CART_COOKIE]: next });
    expect(await removeLineAction({ variantId: shop.variant.id })).toMatchObject({ ok: false, formError: 'This no longer exists.' });
    expect(await getCartLines(db, next)).toEqual([{ variantId: shop.variant.id, quantity: 2 }]);
  });

  it('refuses a customer’s cart to anyone else, even with its id in their cookie', async () => {
    const eva = await createCustomerActor(db, 'eva@example.com');
    const finn = await createCustomerActor(db, 'finn@example.com');
    as(eva);
    await addToCartAction({ variantId: shop.variant.id, quantity: 1 });
    expect(state.jar.has(CART_COOKIE)).toBe(false); // her session holds her cart
    const evaCart = (await findWebCartId(db, { customerId: eva.customerId }))!;

    // Her cart's id in a cookie (copied from somewhere): not hers to see or change.
    as(null, { [CART_COOKIE]: evaCart });
    expect(await setLineQuantityAction({ variantId: shop.variant.id, quantity: 5 })).toMatchObject({
      ok: false,
      formError: 'This no longer exists.',
    });
    await addToCartAction({ variantId: shop.variant.id, quantity: 1 });
    expect(state.jar.get(CART_COOKIE)).not.toBe(evaCart); // a fresh anonymous cart instead

    // Another customer with Eva's cart id in the cookie gets a cart of their own.
    as(finn, { [CART_COOKIE]: evaCart });
    expect(await removeLineAction({ variantId: shop.variant.id })).toMatchObject({ ok: false });
    await addToCartAction({ variantId: shop.variant.id, quantity: 4 });
    const finnCart = await findWebCartId(db, { customerId: finn.customerId });
    expect(finnCart).not.toBe(evaCart);
    expect(await getCartLines(db, finnCart!)).toEqual([{ variantId: shop.variant.id, quantity: 4 }]);

    expect(await getCartLines(db, evaCart)).toEqual([{ variantId: shop.variant.id, quantity: 1 }]);
  });

  it('merges the anonymous cart into the customer’s cart after sign-in', async () => {
    const eva = await createCustomerActor(db, 'eva@example.com');
    as(eva);
    await addToCartAction({ variantId: shop.variant.id, quantity: 1 });
    const evaCart = (await findWebCartId(db, { customerId: eva.customerId }))!;

    as(null); // another device, signed out
    await addToCartAction({ variantId: shop.variant.id, quantity: 2 });
    const anonymousCart = state.jar.get(CART_COOKIE)!;

    as(eva, { [CART_COOKIE]: anonymousCart }); // signs in there
    const { claimCartAction } = await import('./actions');
    expect(await claimCartAction({})).toMatchObject({ ok: true });
    expect(await findWebCartId(db, { cartId: anonymousCart, customerId: eva.customerId })).toBe(evaCart);
    expect(await getCartLines(db, evaCart)).toEqual([{ variantId: shop.variant.id, quantity: 3 }]);
    expect(await findWebCartId(db, { cartId: anonymousCart })).toBeNull(); // merged: nothing left for the cookie
  });

  it('sign-in merge: quantities summed and capped, codes united, an unsellable line dropped with one message; every device sees that one cart', async () => {
    const { claimCartAction } = await import('./actions');
    const eva = await createCustomerActor(db, 'eva@example.com');
    await createPromotionRow(db, { name: 'Ten off', kind: 'percentage', value: 10, target: 'all', code: 'TEN' });
    const gone = await createProduct(db, { categoryId: shop.category.id, slug: 'old', nameEn: 'Old boot', nameNl: 'Oude laars' });
    const goneVariant = await createVariant(db, { productId: gone.id, sku: 'OLD-1', priceCents: 1000 });

    as(eva); // the laptop, signed in
    await addToCartAction({ variantId: shop.variant.id, quantity: 60 });
    const evaCart = (await findWebCartId(db, { customerId: eva.customerId }))!;

    as(null); // the phone, not signed in yet
    await addToCartAction({ variantId: shop.variant.id, quantity: 60 });
    await addToCartAction({ variantId: goneVariant.id, quantity: 1 });
    await applyPromotionCodeAction({ code: 'ten' });
    const phoneCart = state.jar.get(CART_COOKIE)!;
    await db.update(products).set({ active: false }).where(eq(products.id, gone.id));

    as(eva, { [CART_COOKIE]: phoneCart }); // signs in on the phone
    const merged = await claimCartAction({});
    expect(merged).toMatchObject({ ok: true, message: expect.stringContaining('Old boot') });
    expect(await getCartLines(db, evaCart)).toEqual([{ variantId: shop.variant.id, quantity: MAX_LINE_QUANTITY }]);
    expect((await getCart(db, evaCart))!.promotionCodes).toEqual(['TEN']);
    expect((await getCart(db, phoneCart))!.status).toBe('abandoned');
    // Said once: claiming again has nothing left to merge and says nothing.
    expect(await claimCartAction({})).toEqual({ ok: true });

    // A third browser, signed in as Eva with no cookie at all: the same cart.
    as(eva);
    expect(await findWebCartId(db, { customerId: eva.customerId })).toBe(evaCart);
    await setLineQuantityAction({ variantId: shop.variant.id, quantity: 2 });
    expect(await getCartLines(db, evaCart)).toEqual([{ variantId: shop.variant.id, quantity: 2 }]);
  });

  it('refuses unknown promotion codes with a message at the field', async () => {
    as(null);
    await addToCartAction({ variantId: shop.variant.id, quantity: 1 });
    expect(await applyPromotionCodeAction({ code: 'nope' })).toMatchObject({
      ok: false,
      fieldErrors: { code: ['We do not know this code. Check the spelling.'] },
    });
  });
});
