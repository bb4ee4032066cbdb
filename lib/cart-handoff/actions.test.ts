/**
 * The handoff actions as the cart page and the counter call them: only the cart's holder gets a code,
 * the counter's guesses are counted, and bad input is answered in words with nothing changed.
 */
import { createTranslator } from 'next-intl';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { cartHandoffs } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { addToCart, getOrCreateWebCart } from '@/lib/carts/mutations';
import { getCart } from '@/lib/carts/queries';
import { MESSAGES } from '@/lib/i18n/messages';
import type { Actor } from '@/lib/identity/queries';
import { createCustomerActor, createShop, createStaff, resetDatabase } from '@/lib/testing/fixtures';

const state = vi.hoisted(() => ({ actor: null as unknown, jar: new Map<string, string>(), db: null as unknown }));

vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) => (state.jar.has(name) ? { name, value: state.jar.get(name) } : undefined),
    set: (name: string, value: string) => void state.jar.set(name, value),
    delete: (name: string) => state.jar.delete(name),
  }),
  headers: async () => new Headers(),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));
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

const { startCartHandoffAction } = await import('./actions');
const { loadCartHandoffAction } = await import('./counter-actions');
const { CART_COOKIE } = await import('@/lib/carts/web-cart');

let handle: DbHandle;
let db: Db;
let shop: Awaited<ReturnType<typeof createShop>>;
let anna: Actor;
let annaCart: string;
let clerk: Actor;

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
  await resetDatabase(db);
  shop = await createShop(db);
  anna = await createCustomerActor(db, 'anna@example.com');
  clerk = await createStaff(db, { role: 'clerk', email: 'clerk@example.com', locationId: shop.storeA.id });
  annaCart = (await getOrCreateWebCart(db, { customerId: anna.customerId })).cartId;
  await addToCart(db, { cartId: annaCart, variantId: shop.variant.id, quantity: 1 });
});

describe('Continue in store (cart page)', () => {
  it('gives the holder of the cart a code and its QR; nobody else, even with the cart id in their cookie', async () => {
    as(null, { [CART_COOKIE]: annaCart });
    expect(await startCartHandoffAction({})).toMatchObject({ ok: false, formError: 'This no longer exists.' });
    as(await createCustomerActor(db, 'mallory@example.com'), { [CART_COOKIE]: annaCart });
    expect(await startCartHandoffAction({})).toMatchObject({ ok: false });
    expect(await db.select().from(cartHandoffs)).toEqual([]);

    as(anna);
    const result = await startCartHandoffAction({});
    expect(result).toMatchObject({ ok: true, data: { code: expect.stringMatching(/^[2-9A-Z]{6}$/), svg: expect.stringContaining('<svg') } });
  });
});

describe('Load a cart (counter)', () => {
  async function issuedCode(): Promise<string> {
    as(anna);
    const result = await startCartHandoffAction({});
    return (result as { data: { code: string } }).data.code;
  }

  it('loads by the typed code (any case, spaced) or by the QR text, and tells the clerk whose cart it is', async () => {
    const code = await issuedCode();
    as(clerk);
    const result = await loadCartHandoffAction({ code: `${code.slice(0, 3).toLowerCase()} ${code.slice(3)}` });
    expect(result).toMatchObject({ ok: true, message: '1 item line loaded for anna.' });
    expect((await getCart(db, annaCart))!.status).toBe('handed_over');
    const again = await loadCartHandoffAction({ code: `OMNISHOP-CART:${code}` });
    expect(again).toMatchObject({ ok: false, fieldErrors: { code: ['This cart code has already been used.'] } });
  });

  it('answers malformed and unknown codes in words, and stops guessing after 20 tries', async () => {
    await issuedCode();
    as(clerk);
    expect(await loadCartHandoffAction({ code: 'hello' })).toMatchObject({
      ok: false,
      fieldErrors: { code: ['No cart has this code. Check the 6 characters and try again.'] },
    });
    expect(await loadCartHandoffAction({ code: '' })).toMatchObject({ ok: false, fieldErrors: { code: [expect.any(String)] } });
    for (let i = 0; i < 19; i++) await loadCartHandoffAction({ code: 'ZZZZZ' + '23456789'[i % 8] });
    expect(await loadCartHandoffAction({ code: 'ZZZZZZ' })).toMatchObject({ ok: false, formError: expect.stringMatching(/^Too many requests/) });
    expect((await getCart(db, annaCart))!.status).toBe('open');
  });

  it('is for counter staff only', async () => {
    const code = await issuedCode();
    as(anna);
    expect(await loadCartHandoffAction({ code })).toMatchObject({ ok: false, formError: 'You are not allowed to do this.' });
    as(null);
    expect(await loadCartHandoffAction({ code })).toMatchObject({ ok: false });
    expect((await getCart(db, annaCart))!.status).toBe('open');
  });
});
