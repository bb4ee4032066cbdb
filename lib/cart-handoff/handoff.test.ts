import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { auditLog, cartHandoffs, carts, products } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { addToCart, applyPromotionCode, getOrCreateCounterCart, getOrCreateWebCart } from '@/lib/carts/mutations';
import { getCart, getCartLines, getPricedCart } from '@/lib/carts/queries';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import {
  createCustomerActor,
  createProduct,
  createPromotionRow,
  createShop,
  createStaff,
  createVariant,
  receiveStock,
  resetDatabase,
} from '@/lib/testing/fixtures';
import { HANDOFF_ALPHABET, hashHandoffCode, normalizeHandoffInput } from './code';
import { issueHandoff, loadHandoff } from './mutations';
import { findHandoffCustomer } from './queries';

let handle: DbHandle;
let db: Db;
let shop: Awaited<ReturnType<typeof createShop>>;
let anna: Actor;
let clerk: Actor;

const NOW = new Date('2026-12-01T10:00:00Z');
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
});
afterAll(() => handle?.close());
beforeEach(async () => {
  await resetDatabase(db);
  shop = await createShop(db, { storeB: 1 });
  anna = await createCustomerActor(db, 'anna@example.com');
  clerk = await createStaff(db, { role: 'clerk', email: 'clerk@example.com', locationId: shop.storeB.id });
});

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  return (error as DomainError).code;
}

async function annasCart(quantity = 2): Promise<string> {
  const { cartId } = await getOrCreateWebCart(db, { customerId: anna.customerId });
  await addToCart(db, { cartId, variantId: shop.variant.id, quantity });
  return cartId;
}

const load = (code: string, now = later(1)) => loadHandoff(db, { code, locationId: shop.storeB.id, locale: 'en' }, clerk, now);

describe('cart handoff codes', () => {
  it('are 6 characters of the alphabet without look-alikes, and typed input is folded onto them', async () => {
    const cartId = await annasCart();
    const { code, expiresAt } = await issueHandoff(db, { webCartId: cartId }, NOW);
    expect(code).toMatch(new RegExp(`^[${HANDOFF_ALPHABET}]{6}$`));
    expect(code).not.toMatch(/[01ILO]/);
    expect(expiresAt.getTime() - NOW.getTime()).toBe(30 * 60_000);
    expect(normalizeHandoffInput(` ${code.slice(0, 3).toLowerCase()}-${code.slice(3)} `)).toBe(code);
    expect(normalizeHandoffInput(`OMNISHOP-CART:${code}`)).toBe(code);
    expect(normalizeHandoffInput('ABC1O0')).toBeNull();
    expect(normalizeHandoffInput('ABCDEFG')).toBeNull();
  });

  it('stores only a hash of the code, and a new code replaces the one shown before', async () => {
    const cartId = await annasCart();
    const first = await issueHandoff(db, { webCartId: cartId }, NOW);
    const second = await issueHandoff(db, { webCartId: cartId }, later(1));
    const rows = await db.select({ codeHash: cartHandoffs.codeHash }).from(cartHandoffs);
    expect(rows.map((r) => r.codeHash).sort()).toEqual([hashHandoffCode(first.code), hashHandoffCode(second.code)].sort());
    expect(JSON.stringify(rows)).not.toContain(first.code);
    expect(await refusal(load(first.code, later(2)))).toBe('handoffExpired');
    await expect(load(second.code, later(2))).resolves.toMatchObject({ lineCount: 1 });
  });

  it('refuses an empty cart', async () => {
    const { cartId } = await getOrCreateWebCart(db, { customerId: anna.customerId });
    expect(await refusal(issueHandoff(db, { webCartId: cartId }, NOW))).toBe('cartEmpty');
  });
});

describe('loading a cart at the counter', () => {
  it('copies lines, accepted codes and the customer into the counter cart, marks the web cart handed over and audits it', async () => {
    await createPromotionRow(db, { name: 'Ten off', kind: 'percentage', value: 10, target: 'all', code: 'TEN' });
    const cartId = await annasCart(2);
    await applyPromotionCode(db, cartId, 'TEN', NOW);
    const webTotal = (await getPricedCart(db, cartId, { now: later(1), channel: 'store' }))!.totals.totalCents;
    const { code } = await issueHandoff(db, { webCartId: cartId }, NOW);

    const loaded = await load(code);
    expect(loaded).toMatchObject({ lineCount: 1, customer: { id: anna.customerId }, dropped: [], droppedCodes: [] });
    const counter = (await getCart(db, loaded.counterCartId))!;
    expect(counter).toMatchObject({ channel: 'store', customerId: anna.customerId, promotionCodes: ['TEN'], locationId: shop.storeB.id });
    expect(await getCartLines(db, counter.id)).toEqual([{ variantId: shop.variant.id, quantity: 2 }]);
    // Priced by the same priceCart for the counter channel: the same total the web cart had.
    expect((await getPricedCart(db, counter.id, { now: later(1) }))!.totals.totalCents).toBe(webTotal);
    expect((await getCart(db, cartId))!.status).toBe('handed_over');
    // Store B has 1 of the 2 wanted: flagged at once.
    expect(loaded.shortages).toEqual([expect.objectContaining({ variantId: shop.variant.id, wanted: 2, available: 1 })]);
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, 'cart.handed_over'));
    expect(audit).toMatchObject({ actorUserId: clerk.userId, entityType: 'cart', entityId: cartId });
  });

  it('is single use, and unknown or expired codes change nothing', async () => {
    const cartId = await annasCart();
    const { code } = await issueHandoff(db, { webCartId: cartId }, NOW);
    const otherCode = code === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ';
    expect(await refusal(load(otherCode))).toBe('handoffUnknown');
    expect(await refusal(load(code, later(31)))).toBe('handoffExpired');
    expect((await getCart(db, cartId))!.status).toBe('open');
    // A lookup by the QR names the customer without spending the code.
    expect(await findHandoffCustomer(db, `OMNISHOP-CART:${code}`, later(1))).toBe(anna.customerId);
    expect(await findHandoffCustomer(db, code, later(31))).toBeNull();
    await load(code);
    expect(await findHandoffCustomer(db, code, later(2))).toBeNull();
    expect(await refusal(load(code))).toBe('handoffUsed');
  });

  it('drops lines that left the assortment and names them; a cart checked out meanwhile cannot be loaded', async () => {
    const gone = await createProduct(db, { categoryId: shop.category.id, slug: 'old', nameEn: 'Old boot', nameNl: 'Oude laars' });
    const goneVariant = await createVariant(db, { productId: gone.id, sku: 'OLD-1', priceCents: 1000 });
    await receiveStock(db, goneVariant.id, shop.storeB.id, 5);
    const cartId = await annasCart(1);
    await addToCart(db, { cartId, variantId: goneVariant.id, quantity: 1 });
    await db.update(products).set({ active: false }).where(eq(products.id, gone.id));
    const { code } = await issueHandoff(db, { webCartId: cartId }, NOW);
    const loaded = await load(code);
    expect(loaded.lineCount).toBe(1);
    expect(loaded.dropped).toEqual([expect.objectContaining({ productName: 'Old boot', quantity: 1 })]);
    expect(await getCartLines(db, loaded.counterCartId)).toEqual([{ variantId: shop.variant.id, quantity: 1 }]);

    const second = await annasCart(1);
    const next = await issueHandoff(db, { webCartId: second }, NOW);
    await db.update(carts).set({ status: 'converted' }).where(eq(carts.id, second));
    expect(await refusal(load(next.code))).toBe('handoffCartClosed');
    // Rolled back: the code was not spent.
    const [row] = await db.select({ usedAt: cartHandoffs.usedAt }).from(cartHandoffs).where(eq(cartHandoffs.codeHash, hashHandoffCode(next.code)));
    expect(row.usedAt).toBeNull();
  });

  it('refuses when the sale already has another customer, and changes nothing', async () => {
    const eva = await createCustomerActor(db, 'eva@example.com');
    const counter = await getOrCreateCounterCart(db, { clerkUserId: clerk.userId, locationId: shop.storeB.id });
    await db.update(carts).set({ customerId: eva.customerId }).where(eq(carts.id, counter.cartId));
    const cartId = await annasCart();
    const { code } = await issueHandoff(db, { webCartId: cartId }, NOW);
    expect(await refusal(load(code))).toBe('handoffCustomerConflict');
    expect((await getCart(db, cartId))!.status).toBe('open');
    expect(await getCartLines(db, counter.cartId)).toEqual([]);
  });
});
