/**
 * The public, abuse-prone actions under their rate limits, called the way forms call them on a real
 * database: checkout and promotion-code entry (web and counter) per address and per cart, adding to
 * anonymous carts per address. A refusal is the localized tooManyRequests message and changes nothing.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { createTranslator } from 'next-intl';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { carts, notifications, orders, stockLevels, users } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { MESSAGES } from '@/lib/i18n/messages';
import type { Actor } from '@/lib/identity/queries';
import { settleAfterTasks } from '@/lib/testing/next-after';
import { createCustomerActor, createShop, createStaff, resetDatabase } from '@/lib/testing/fixtures';
import { takeRateLimit } from './rate-limit';
import { callAction } from '@/lib/testing/call-action';

const state = vi.hoisted(() => ({
  db: null as unknown,
  actor: null as Actor | null,
  address: '203.0.113.7',
  locale: 'en' as 'en' | 'nl',
  cookies: new Map<string, string>(),
}));

vi.mock('@/lib/auth/session', async () => {
  const { DomainError } = await import('@/lib/errors');
  return {
    COUNTER_ROLES: ['clerk', 'admin'],
    ADMIN_ROLES: ['admin'],
    getActor: async () => state.actor,
    authorize: async (roles: readonly string[]) => {
      if (!state.actor) throw new DomainError('unauthenticated');
      if (!roles.includes(state.actor.role)) throw new DomainError('forbidden');
      return state.actor;
    },
  };
});
vi.mock('@/lib/i18n/translate', () => ({
  getTranslator: async () => ({ locale: state.locale, t: createTranslator({ locale: state.locale, messages: MESSAGES[state.locale] }) }),
}));
vi.mock('@/lib/db', () => ({ getDb: () => state.db }));
vi.mock('@/db/client', async (original) => ({ ...(await original<object>()), getDb: () => state.db }));
// Auth.js itself is not under test here: sign-up's signIn after the account is written succeeds.
vi.mock('@/lib/auth/auth', () => ({ signIn: vi.fn(async () => undefined), signOut: vi.fn(async () => undefined) }));
vi.mock('next-auth', () => ({ AuthError: class AuthError extends Error {} }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn() }));
// `after` runs its work at once (the add_to_cart touchpoint); beforeEach waits for it.
vi.mock('next/server', async (original) => (await import('@/lib/testing/next-after')).nextServerAtOnce(await original<object>()));
vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) => (state.cookies.has(name) ? { name, value: state.cookies.get(name)! } : undefined),
    set: (name: string, value: string) => void state.cookies.set(name, value),
    delete: (name: string) => void state.cookies.delete(name),
  }),
  headers: async () => new Headers({ 'x-forwarded-for': state.address }),
}));

const { addToCart, getOrCreateWebCart } = await import('@/lib/carts/mutations');
const { CART_COOKIE } = await import('@/lib/carts/web-cart');
const { addToCartAction, applyPromotionCodeAction } = await import('@/lib/carts/actions');
const { applyCounterCodeAction } = await import('@/lib/carts/counter-actions');
const { placeWebOrderAction } = await import('@/lib/orders/checkout-actions');
const { PUBLIC_RATE_LIMITS } = await import('./public-limits');

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
  await settleAfterTasks();
  await resetDatabase(db);
  shop = await createShop(db, { warehouse: 10, storeA: 3 });
  state.actor = null;
  state.address = '203.0.113.7';
  state.locale = 'en';
  state.cookies.clear();
});

const TOO_MANY = expect.objectContaining({
  ok: false,
  formError: expect.stringMatching(/^Too many requests\. Wait \d+ minutes? and try again\.$/),
});

/** A guest's web cart with one unit, held by this browser's cookie. */
async function guestCart(): Promise<string> {
  const { cartId } = await getOrCreateWebCart(db, { customerId: null });
  await addToCart(db, { cartId, variantId: shop.variant.id, quantity: 1 });
  state.cookies.set(CART_COOKIE, cartId);
  return cartId;
}

const checkout = (extra: Record<string, string> = {}) => ({
  idempotencyKey: randomUUID(),
  fulfilment: 'pickup',
  pickupLocationId: String(shop.storeA.id),
  email: 'guest@example.com',
  name: 'Guest',
  ...extra,
});

async function reservedInStoreA(): Promise<number> {
  const [row] = await db
    .select({ reserved: stockLevels.reserved })
    .from(stockLevels)
    .where(eq(stockLevels.locationId, shop.storeA.id));
  return row.reserved;
}

describe('checkout', () => {
  it(`allows ${PUBLIC_RATE_LIMITS.checkoutPerAddress.limit} attempts per address in 10 minutes; the next places nothing`, async () => {
    const { limit } = PUBLIC_RATE_LIMITS.checkoutPerAddress;
    expect(PUBLIC_RATE_LIMITS.checkoutPerAddress).toMatchObject({ limit: 30, windowMs: 10 * 60_000 });
    // Attempts that fail on their own (no cart) still count.
    for (let i = 0; i < limit; i++)
      expect(await callAction(placeWebOrderAction, checkout())).toMatchObject({
        ok: false,
        formError: 'Your cart is empty.',
      });

    const cartId = await guestCart();
    expect(await callAction(placeWebOrderAction, checkout())).toEqual(TOO_MANY);
    expect(await db.select({ id: orders.id }).from(orders)).toEqual([]);
    expect(
      (await db.select({ status: carts.status }).from(carts).where(eq(carts.id, cartId)))[0].status,
    ).toBe('open');
    expect(await reservedInStoreA()).toBe(0);
    expect(state.cookies.has('omnishop_orders')).toBe(false);

    // Another address is not held back by it.
    state.address = '198.51.100.20';
    expect(await callAction(placeWebOrderAction, checkout())).toEqual({
      redirected: expect.stringMatching(/^\/pay\//),
    });
    expect(await db.select({ id: orders.id }).from(orders)).toHaveLength(1);
  });

  it('does not limit per address what comes from loopback (this machine), while the per-cart limit holds', async () => {
    state.address = '127.0.0.1';
    for (let i = 0; i < PUBLIC_RATE_LIMITS.checkoutPerAddress.limit + 1; i++)
      expect(await callAction(placeWebOrderAction, checkout())).toMatchObject({ ok: false, formError: 'Your cart is empty.' });
  });

  it(`allows ${PUBLIC_RATE_LIMITS.checkoutPerCart.limit} attempts per cart, whatever address they come from`, async () => {
    const cartId = await guestCart();
    for (let i = 0; i < 10; i++) {
      state.address = `198.51.100.${i + 1}`;
      expect(await callAction(placeWebOrderAction, checkout({ expectedTotalCents: '1' }))).toMatchObject({
        ok: false,
        formError: expect.stringContaining('price changed'),
      });
    }
    state.address = '198.51.100.99';
    expect(await callAction(placeWebOrderAction, checkout())).toEqual(TOO_MANY);
    expect(await db.select({ id: orders.id }).from(orders)).toEqual([]);
    expect(
      (await db.select({ status: carts.status }).from(carts).where(eq(carts.id, cartId)))[0].status,
    ).toBe('open');
  });
});

describe('promotion code entry', () => {
  it('allows 20 codes per web cart in 10 minutes, even from rotating addresses; then refuses without applying', async () => {
    expect(PUBLIC_RATE_LIMITS.codeEntryPerCart).toMatchObject({ limit: 20, windowMs: 10 * 60_000 });
    const cartId = await guestCart();
    for (let i = 0; i < 20; i++) {
      state.address = `2001:db8::${i + 1}`;
      expect(await applyPromotionCodeAction({ code: `GUESS${i}` })).toMatchObject({
        ok: false,
        fieldErrors: { code: ['We do not know this code. Check the spelling.'] },
      });
    }
    state.address = '2001:db8::ff';
    expect(await applyPromotionCodeAction({ code: 'GUESS99' })).toEqual(TOO_MANY);
    expect(
      (await db.select({ codes: carts.promotionCodes }).from(carts).where(eq(carts.id, cartId)))[0].codes,
    ).toEqual([]);
  });

  it('allows 60 codes per address across carts', async () => {
    for (let c = 0; c < 3; c++) {
      await guestCart();
      for (let i = 0; i < 20; i++)
        expect(await applyPromotionCodeAction({ code: `G${c}X${i}` })).toMatchObject({
          ok: false,
          fieldErrors: { code: expect.any(Array) },
        });
    }
    await guestCart();
    expect(await applyPromotionCodeAction({ code: 'G4X0' })).toEqual(TOO_MANY);
  });

  it('limits the counter cart the same way, after the role check', async () => {
    state.actor = await createStaff(db, {
      role: 'clerk',
      email: 'clerk@example.com',
      locationId: shop.storeA.id,
    });
    for (let i = 0; i < 20; i++)
      expect(await applyCounterCodeAction({ code: `GUESS${i}` })).toMatchObject({ ok: false });
    expect(await applyCounterCodeAction({ code: 'GUESS99' })).toEqual(TOO_MANY);
  });
});

describe('adding to an anonymous cart', () => {
  it('is limited per address for visitors without an account, not for signed-in customers', async () => {
    const { bucket, limit, windowMs } = PUBLIC_RATE_LIMITS.anonymousCartPerAddress;
    // The address already added (limit - 1) times in this window.
    for (let i = 1; i < limit; i++) await takeRateLimit(db, { bucket, limit, windowMs, key: state.address });
    expect(await addToCartAction({ variantId: String(shop.variant.id), quantity: '1' })).toMatchObject({
      ok: true,
    });
    state.cookies.clear();
    expect(await addToCartAction({ variantId: String(shop.variant.id), quantity: '1' })).toEqual(TOO_MANY);
    expect(state.cookies.has(CART_COOKIE)).toBe(false); // no new cart
    expect(await db.select({ id: carts.id }).from(carts)).toHaveLength(1);

    state.actor = await createCustomerActor(db, 'eva@example.com');
    expect(await addToCartAction({ variantId: String(shop.variant.id), quantity: '1' })).toMatchObject({
      ok: true,
    });
  });
});

describe('payment retry', () => {
  it(`opens at most ${PUBLIC_RATE_LIMITS.paymentRetryPerOrder.limit} payment attempts per order in 10 minutes`, async () => {
    const { retryPaymentAction } = await import('@/lib/payments/actions');
    const { serializeGuestOrders, GUEST_ORDERS_COOKIE } = await import('@/lib/orders/guest-orders');
    await guestCart();
    const placed = (await callAction(placeWebOrderAction, checkout())) as { redirected: string };
    expect(placed.redirected).toMatch(/^\/pay\//);
    const [order] = await db.select({ id: orders.id }).from(orders);
    state.cookies.set(GUEST_ORDERS_COOKIE, serializeGuestOrders([order.id]));
    for (let i = 0; i < PUBLIC_RATE_LIMITS.paymentRetryPerOrder.limit; i++)
      expect(await callAction(retryPaymentAction, { orderId: order.id })).toEqual({ redirected: expect.stringMatching(/^\/pay\//) });
    expect(await callAction(retryPaymentAction, { orderId: order.id })).toEqual(TOO_MANY);
  });
});

describe('sign-up', () => {
  const signUp = (email: string) => ({ name: 'Noor', email, password: 'long enough 1', confirmPassword: 'long enough 1' });

  it(`allows ${PUBLIC_RATE_LIMITS.signUpPerAddress.limit} sign-ups per address in an hour; the next creates no account and queues no mail`, async () => {
    const { signUpAction } = await import('@/lib/identity/actions');
    expect(PUBLIC_RATE_LIMITS.signUpPerAddress).toMatchObject({ limit: 20, windowMs: 60 * 60_000 });
    const { bucket, limit, windowMs } = PUBLIC_RATE_LIMITS.signUpPerAddress;
    // The address already signed up (limit - 1) times in this window; the last one still goes through.
    for (let i = 1; i < limit; i++) await takeRateLimit(db, { bucket, limit, windowMs, key: state.address });
    expect(await callAction(signUpAction, signUp('first@example.com'))).toEqual({ redirected: '/account' });
    const accounts = (await db.select({ id: users.id }).from(users)).length;
    const mails = (await db.select({ id: notifications.id }).from(notifications)).length;
    expect([accounts, mails]).toEqual([1, 1]); // the account and its verification mail

    expect(await callAction(signUpAction, signUp('second@example.com'))).toEqual(TOO_MANY);
    expect(await db.select({ id: users.id }).from(users)).toHaveLength(accounts);
    expect(await db.select({ id: notifications.id }).from(notifications)).toHaveLength(mails);

    // In Dutch too.
    state.locale = 'nl';
    expect(await callAction(signUpAction, signUp('third@example.com'))).toMatchObject({
      ok: false,
      formError: expect.stringMatching(/^Te veel verzoeken\. Wacht \d+ minuu?t(en)? en probeer het dan opnieuw\.$/),
    });

    // Another address is not held back by it.
    state.locale = 'en';
    state.address = '198.51.100.20';
    expect(await callAction(signUpAction, signUp('second@example.com'))).toEqual({ redirected: '/account' });
  });

  it(`allows ${PUBLIC_RATE_LIMITS.signUpPerEmail.limit} sign-ups per email in an hour, whatever address they come from`, async () => {
    const { signUpAction } = await import('@/lib/identity/actions');
    expect(PUBLIC_RATE_LIMITS.signUpPerEmail).toMatchObject({ limit: 5, windowMs: 60 * 60_000 });
    expect(await callAction(signUpAction, signUp('noor@example.com'))).toEqual({ redirected: '/account' });
    for (let i = 1; i < PUBLIC_RATE_LIMITS.signUpPerEmail.limit; i++) {
      state.address = `2001:db8::${i}`;
      expect(await callAction(signUpAction, signUp('Noor@Example.com'))).toMatchObject({ ok: false, fieldErrors: { email: expect.any(Array) } });
    }
    state.address = '2001:db8::ff';
    expect(await callAction(signUpAction, signUp('noor@example.com'))).toEqual(TOO_MANY);
  });
});
