import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { auditLog, cartLines, carts } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { addToCart, getOrCreateCounterCart } from '@/lib/carts/mutations';
import { getPricedCart } from '@/lib/carts/queries';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { setSetting } from '@/lib/settings/settings';
import { createShop, createStaff, resetDatabase } from '@/lib/testing/fixtures';
import { giveStaffDiscount, removeStaffDiscount } from './mutations';
import { loadStaffDiscounts } from './queries';

let handle: DbHandle;
let db: Db;
let shop: Awaited<ReturnType<typeof createShop>>;
let clerk: Actor;
let otherClerk: Actor;
let admin: Actor;
let cartId: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
});
afterAll(() => handle?.close());
beforeEach(async () => {
  await resetDatabase(db);
  shop = await createShop(db);
  clerk = await createStaff(db, { role: 'clerk', email: 'clerk@example.com', locationId: shop.storeA.id });
  otherClerk = await createStaff(db, { role: 'clerk', email: 'other@example.com', locationId: shop.storeA.id });
  admin = await createStaff(db, { role: 'admin', email: 'admin@example.com' });
  cartId = (await getOrCreateCounterCart(db, { clerkUserId: clerk.userId, locationId: shop.storeA.id })).cartId;
  await addToCart(db, { cartId, variantId: shop.variant.id, quantity: 2 }); // 2 × €50
});

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  return (error as DomainError).code;
}

describe('staff discounts at the counter', () => {
  it('a clerk gives up to the maximum (10 % by default) with a reason, recorded in the audit log', async () => {
    await giveStaffDiscount(db, { cartId, variantId: null, kind: 'percentage', value: 10, reason: 'loyal customer' }, clerk);
    expect(await loadStaffDiscounts(db, cartId)).toEqual({ cart: { kind: 'percentage', value: 10, reason: 'loyal customer' }, lines: {} });
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, 'cart.staff_discount_given'));
    expect(entry).toMatchObject({ actorUserId: clerk.userId, entityType: 'cart', entityId: cartId });
    expect(entry.after).toMatchObject({ kind: 'percentage', value: 10, reason: 'loyal customer', maxPercent: 10 });
    // An amount counts by its share: €10 on the €100 line is exactly 10 %.
    await giveStaffDiscount(db, { cartId, variantId: shop.variant.id, kind: 'fixed_amount', value: 1000, reason: 'damaged box' }, clerk);
    const [line] = await db.select({ d: cartLines.staffDiscount }).from(cartLines).where(eq(cartLines.cartId, cartId));
    expect(line.d).toMatchObject({ kind: 'fixed_amount', value: 1000, byUserId: clerk.userId });
  });

  it('refuses a clerk above the maximum and changes nothing; the admin setting raises it; an admin may give more', async () => {
    expect(await codeOf(giveStaffDiscount(db, { cartId, variantId: null, kind: 'percentage', value: 11, reason: 'friend' }, clerk))).toBe('staffDiscountAboveMax');
    expect(await codeOf(giveStaffDiscount(db, { cartId, variantId: shop.variant.id, kind: 'fixed_amount', value: 1001, reason: 'friend' }, clerk))).toBe('staffDiscountAboveMax');
    expect(await codeOf(giveStaffDiscount(db, { cartId, variantId: null, kind: 'fixed_amount', value: 10001, reason: 'friend' }, clerk))).toBe('staffDiscountAboveTotal');
    const [cart] = await db.select({ d: carts.staffDiscount }).from(carts).where(eq(carts.id, cartId));
    expect(cart.d).toBeNull();
    expect(await db.select().from(auditLog).where(eq(auditLog.action, 'cart.staff_discount_given'))).toHaveLength(0);

    await setSetting(db, 'staffDiscounts', { clerkMaxPercent: 15, adminMaxPercent: 100 }, { userId: admin.userId });
    await giveStaffDiscount(db, { cartId, variantId: null, kind: 'percentage', value: 15, reason: 'friend' }, clerk);
  });

  it('only the clerk whose cart it is; customers never; a closed cart refuses', async () => {
    expect(await codeOf(giveStaffDiscount(db, { cartId, variantId: null, kind: 'percentage', value: 5, reason: 'x y z' }, otherClerk))).toBe('forbidden');
    expect(await codeOf(removeStaffDiscount(db, { cartId, variantId: null }, otherClerk))).toBe('forbidden');
    await db.update(carts).set({ status: 'converted' }).where(eq(carts.id, cartId));
    expect(await codeOf(giveStaffDiscount(db, { cartId, variantId: null, kind: 'percentage', value: 5, reason: 'x y z' }, clerk))).toBe('invalidState');
  });

  it('is priced by priceCart as an explicit input and can be removed again', async () => {
    await giveStaffDiscount(db, { cartId, variantId: null, kind: 'percentage', value: 10, reason: 'loyal customer' }, clerk);
    const view = await getPricedCart(db, cartId, { now: new Date(), channel: 'store' });
    expect(view?.totals.totalCents).toBe(9000);
    expect(view?.totals.savings).toContainEqual(expect.objectContaining({ source: 'staff', amountCents: 1000 }));
    expect((await getPricedCart(db, cartId, { now: new Date(), staffDiscounts: false }))?.totals.totalCents).toBe(10000);
    expect(await removeStaffDiscount(db, { cartId, variantId: null }, clerk)).toEqual({ removed: true });
    expect(await removeStaffDiscount(db, { cartId, variantId: null }, clerk)).toEqual({ removed: false });
    expect((await getPricedCart(db, cartId, { now: new Date() }))?.totals.totalCents).toBe(10000);
  });
});
