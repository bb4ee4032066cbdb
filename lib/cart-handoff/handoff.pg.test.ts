// Real concurrency needs real connections: this file runs only in the 'postgres' vitest project.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { cartHandoffs, carts } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { addToCart, getOrCreateWebCart } from '@/lib/carts/mutations';
import { getCartLines } from '@/lib/carts/queries';
import { DomainError } from '@/lib/errors';
import { createCustomerActor, createShop, createStaff, resetDatabase } from '@/lib/testing/fixtures';
import { issueHandoff, loadHandoff } from './mutations';

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
  shop = await createShop(db, { storeA: 5, storeB: 5 });
});

describe('cart handoff under concurrency (PostgreSQL)', () => {
  it('two counters loading the same code at once: exactly one gets the cart', async () => {
    const anna = await createCustomerActor(db, 'anna@example.com');
    const { cartId } = await getOrCreateWebCart(db, { customerId: anna.customerId });
    await addToCart(db, { cartId, variantId: shop.variant.id, quantity: 2 });
    const { code } = await issueHandoff(db, { webCartId: cartId });
    const clerks = await Promise.all(
      [shop.storeA, shop.storeB, shop.storeA, shop.storeB].map((store, i) =>
        createStaff(db, { role: 'clerk', email: `clerk${i}@example.com`, locationId: store.id }),
      ),
    );

    const results = await Promise.allSettled(clerks.map((clerk) => loadHandoff(db, { code, locationId: clerk.locationId! }, clerk)));
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost.map((r) => (r.reason as DomainError).code)).toEqual(['handoffUsed', 'handoffUsed', 'handoffUsed']);

    const counterCarts = await db.select({ id: carts.id }).from(carts).where(eq(carts.channel, 'store'));
    const withLines = [];
    for (const c of counterCarts) if ((await getCartLines(db, c.id)).length > 0) withLines.push(c.id);
    expect(withLines).toHaveLength(1);
    const [row] = await db.select({ counterCartId: cartHandoffs.counterCartId }).from(cartHandoffs);
    expect(row.counterCartId).toBe(withLines[0]);
    const [web] = await db.select({ status: carts.status }).from(carts).where(eq(carts.id, cartId));
    expect(web.status).toBe('handed_over');
  });
});
