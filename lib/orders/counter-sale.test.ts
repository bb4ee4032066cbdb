import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { carts, orders, payments, stockLevels } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { addToCart, applyPromotionCode, getOrCreateCounterCart } from '@/lib/carts/mutations';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { ledgerMismatches } from '@/lib/inventory/queries';
import { createPromotionRow, createShop, createStaff, resetDatabase } from '@/lib/testing/fixtures';
import { completeCounterSale, counterCheckoutSchema } from './counter-sale';

let handle: DbHandle;
let db: Db;
let shop: Awaited<ReturnType<typeof createShop>>;
let clerkA: Actor;

const NOW = new Date('2026-05-01T10:00:00Z');

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
});
afterAll(() => handle?.close());
beforeEach(async () => {
  await resetDatabase(db);
  shop = await createShop(db, { warehouse: 10, storeA: 3, storeB: 0 });
  clerkA = await createStaff(db, { role: 'clerk', email: 'clerk-a@example.com', locationId: shop.storeA.id });
});

async function counterCart(quantity = 1, clerk = clerkA) {
  const { cartId } = await getOrCreateCounterCart(db, {
    clerkUserId: clerk.userId,
    locationId: shop.storeA.id,
  });
  await addToCart(db, { cartId, variantId: shop.variant.id, quantity });
  return cartId;
}

async function errorOf(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}

async function storeA() {
  const [row] = await db
    .select({ onHand: stockLevels.onHand, reserved: stockLevels.reserved })
    .from(stockLevels)
    .where(and(eq(stockLevels.variantId, shop.variant.id), eq(stockLevels.locationId, shop.storeA.id)));
  return row;
}

const sale = (cartId: string | null, overrides: Partial<Parameters<typeof completeCounterSale>[1]> = {}) => ({
  idempotencyKey: randomUUID(),
  method: 'cash' as const,
  tenderedCents: 10_000,
  cartId,
  storeId: shop.storeA.id,
  now: NOW,
  ...overrides,
});

describe('completeCounterSale', () => {
  it('sells for cash in one go: completed order, payment with change, stock sold, cart closed', async () => {
    const cartId = await counterCart(1);
    const done = await completeCounterSale(
      db,
      sale(cartId, { tenderedCents: 5_500, expectedTotalCents: 5_000 }),
      clerkA,
    );
    expect(done).toMatchObject({ totalCents: 5_000, changeCents: 500 });
    expect(done.number).toMatch(/^S-\d+$/);

    const [order] = await db.select().from(orders).where(eq(orders.id, done.orderId));
    expect(order).toMatchObject({
      channel: 'store',
      fulfilment: 'in_store',
      status: 'completed',
      stockLocationId: shop.storeA.id,
    });
    const [payment] = await db.select().from(payments).where(eq(payments.orderId, done.orderId));
    expect(payment).toMatchObject({
      method: 'cash',
      amountCents: 5_000,
      tenderedCents: 5_500,
      changeCents: 500,
    });
    expect(await storeA()).toEqual({ onHand: 2, reserved: 0 });
    const [cart] = await db.select({ status: carts.status }).from(carts).where(eq(carts.id, cartId));
    expect(cart.status).toBe('converted');
    expect(await ledgerMismatches(db)).toEqual([]);
  });

  it('takes a card payment without change', async () => {
    const cartId = await counterCart(2);
    const done = await completeCounterSale(
      db,
      sale(cartId, { method: 'card_terminal', tenderedCents: null }),
      clerkA,
    );
    expect(done).toMatchObject({ totalCents: 10_000, changeCents: null });
    const [payment] = await db.select().from(payments).where(eq(payments.orderId, done.orderId));
    expect(payment).toMatchObject({ method: 'card_terminal', tenderedCents: null });
  });

  it('charges the promotion price and accepts a code handed out online', async () => {
    await createPromotionRow(db, {
      name: 'Web code',
      kind: 'fixed_amount',
      value: 1_000,
      target: 'all',
      code: 'WELCOME10',
    });
    const cartId = await counterCart(1);
    await applyPromotionCode(db, cartId, 'welcome10', NOW);
    const done = await completeCounterSale(db, sale(cartId, { tenderedCents: 4_000 }), clerkA);
    expect(done).toMatchObject({ totalCents: 4_000, changeCents: 0 });
  });

  it('refuses too little cash and keeps nothing: no order, stock untouched, cart still open', async () => {
    const cartId = await counterCart(1);
    for (const expectedTotalCents of [5_000, undefined]) {
      const error = await errorOf(
        completeCounterSale(db, sale(cartId, { tenderedCents: 4_999, expectedTotalCents }), clerkA),
      );
      expect(error).toMatchObject({ code: 'tenderedTooLow', field: 'tendered' });
    }
    expect(await db.select().from(orders)).toEqual([]);
    expect(await storeA()).toEqual({ onHand: 3, reserved: 0 });
    const [cart] = await db.select({ status: carts.status }).from(carts).where(eq(carts.id, cartId));
    expect(cart.status).toBe('open');
  });

  it('makes one sale of a double tap (same key), also after the cart was closed', async () => {
    const cartId = await counterCart(1);
    const input = sale(cartId, { tenderedCents: 6_000 });
    const [a, b] = await Promise.all([
      completeCounterSale(db, input, clerkA),
      completeCounterSale(db, input, clerkA),
    ]);
    const c = await completeCounterSale(db, { ...input, cartId: null }, clerkA);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(await db.select({ id: orders.id }).from(orders)).toHaveLength(1);
    expect(await db.select({ id: payments.id }).from(payments)).toHaveLength(1);
    expect(await storeA()).toEqual({ onHand: 2, reserved: 0 });
  });

  it('refuses the same key with other payment details instead of answering with the first sale', async () => {
    const cartId = await counterCart(1);
    const input = sale(cartId, { tenderedCents: 6_000 });
    const first = await completeCounterSale(db, input, clerkA);
    for (const probe of [{ tenderedCents: 10_000 }, { method: 'card_terminal' as const, tenderedCents: null }]) {
      const error = await errorOf(completeCounterSale(db, { ...input, ...probe, cartId: null }, clerkA));
      expect(error.code).toBe('conflict');
    }
    expect(await completeCounterSale(db, { ...input, cartId: null }, clerkA)).toEqual(first);
    const rows = await db.select({ method: payments.method, tenderedCents: payments.tenderedCents }).from(payments);
    expect(rows).toEqual([{ method: 'cash', tenderedCents: 6_000 }]);
  });

  it('refuses the same key with another cart instead of answering with the first sale', async () => {
    const firstCart = await counterCart(1);
    const input = sale(firstCart, { tenderedCents: 6_000 });
    const first = await completeCounterSale(db, input, clerkA);
    // The clerk has opened the next sale meanwhile: a late repeat of the key now comes with that cart.
    const nextCart = await counterCart(1);
    expect(nextCart).not.toBe(firstCart);
    const error = await errorOf(completeCounterSale(db, { ...input, cartId: nextCart }, clerkA));
    expect(error.code).toBe('conflict');
    expect(await db.select({ id: orders.id }).from(orders)).toEqual([{ id: first.orderId }]);
    const [next] = await db.select({ status: carts.status }).from(carts).where(eq(carts.id, nextCart));
    expect(next.status).toBe('open');
    expect(await storeA()).toEqual({ onHand: 2, reserved: 0 });
    // The same key with its own cart (or none, once it is closed) still answers with the first sale.
    expect(await completeCounterSale(db, input, clerkA)).toEqual(first);
  });

  it('says so when stock ran out meanwhile, and keeps nothing', async () => {
    const cartId = await counterCart(4);
    const error = await errorOf(completeCounterSale(db, sale(cartId, { tenderedCents: 50_000 }), clerkA));
    expect(error.code).toBe('outOfStock');
    expect(error.values).toMatchObject({ available: 3 });
    expect(await db.select().from(orders)).toEqual([]);
    expect(await storeA()).toEqual({ onHand: 3, reserved: 0 });
  });

  it('refuses a changed price, an empty cart, another clerk’s cart and another store', async () => {
    const cartId = await counterCart(1);
    expect(
      (await errorOf(completeCounterSale(db, sale(cartId, { expectedTotalCents: 4_000 }), clerkA))).code,
    ).toBe('priceChanged');
    expect((await errorOf(completeCounterSale(db, sale(null), clerkA))).code).toBe('cartEmpty');
    const clerkB = await createStaff(db, {
      role: 'clerk',
      email: 'clerk-b@example.com',
      locationId: shop.storeB.id,
    });
    expect((await errorOf(completeCounterSale(db, sale(cartId), clerkB))).code).toBe('forbidden');
    expect(
      (await errorOf(completeCounterSale(db, sale(cartId, { storeId: shop.storeB.id }), clerkA))).code,
    ).toBe('forbidden');
    // The key of clerk A's sale does not hand it to clerk B.
    const input = sale(cartId);
    await completeCounterSale(db, input, clerkA);
    expect((await errorOf(completeCounterSale(db, { ...input, cartId: null }, clerkB))).code).toBe(
      'conflict',
    );
  });
});

describe('counterCheckoutSchema', () => {
  const base = { idempotencyKey: randomUUID(), expectedTotalCents: '1250' };

  it.each([
    ['12,50', 1250],
    ['12.50', 1250],
    ['12', 1200],
    ['€ 1.234,50', 123450],
    ['50', 5000],
  ])('reads the amount received %j as %i cents', (tendered, cents) => {
    expect(counterCheckoutSchema.parse({ ...base, method: 'cash', tendered }).tendered).toBe(cents);
  });

  it.each(['abc', '12,5,0', '-5', '1,2,3', '12 euro'])('refuses the amount %j', (tendered) => {
    const result = counterCheckoutSchema.safeParse({ ...base, method: 'cash', tendered });
    expect(result.error?.issues[0]).toMatchObject({ path: ['tendered'], message: 'validation.amount' });
  });

  it('needs an amount for cash, not for card, and no unknown fields', () => {
    expect(
      counterCheckoutSchema.safeParse({ ...base, method: 'cash', tendered: '' }).error?.issues[0],
    ).toMatchObject({
      path: ['tendered'],
      message: 'validation.required',
    });
    expect(counterCheckoutSchema.parse({ ...base, method: 'card_terminal' })).toMatchObject({
      method: 'card_terminal',
      expectedTotalCents: 1250,
    });
    expect(counterCheckoutSchema.safeParse({ ...base, method: 'card_terminal', storeId: '2' }).success).toBe(
      false,
    );
    expect(counterCheckoutSchema.safeParse({ ...base, method: 'cheque' }).success).toBe(false);
  });
});
