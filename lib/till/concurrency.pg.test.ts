// Real concurrency needs real connections: this file runs only in the 'postgres' vitest project.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { tillSessions } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { addToCart, getOrCreateCounterCart } from '@/lib/carts/mutations';
import type { Actor } from '@/lib/identity/queries';
import { completeCounterSale } from '@/lib/orders/counter-sale';
import { createShop, createStaff, resetDatabase } from '@/lib/testing/fixtures';
import { getExpectedCash } from './cash';
import { closeTillSession, openTillSession } from './mutations';

let handle: DbHandle;
let db: Db;
let shop: Awaited<ReturnType<typeof createShop>>;
let clerk: Actor;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
});
afterAll(() => handle?.close());
beforeEach(async () => {
  await resetDatabase(db);
  shop = await createShop(db, { storeA: 50 });
  clerk = await createStaff(db, { role: 'clerk', email: 'clerk@example.com', locationId: shop.storeA.id });
});

describe('tills under concurrency (PostgreSQL)', () => {
  it('of 10 tablets opening "Till 1" at once, exactly one opens it; the others are told it is open', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => openTillSession(db, { locationId: shop.storeA.id, tillName: 'Till 1', openingFloatCents: i * 100 }, clerk)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused).toHaveLength(9);
    for (const r of refused) expect(r.reason).toMatchObject({ code: 'till.alreadyOpen' });
    const open = await db
      .select({ id: tillSessions.id })
      .from(tillSessions)
      .where(and(eq(tillSessions.locationId, shop.storeA.id), eq(tillSessions.status, 'open')));
    expect(open).toHaveLength(1);
  });

  it('a close racing cash sales counts every sale it lets through and refuses the ones after it', async () => {
    const till = await openTillSession(db, { locationId: shop.storeA.id, tillName: 'Till 1', openingFloatCents: 0 }, clerk);
    const clerks = await Promise.all(
      Array.from({ length: 6 }, (_, i) => createStaff(db, { role: 'clerk', email: `c${i}@example.com`, locationId: shop.storeA.id })),
    );
    const carts = await Promise.all(
      clerks.map(async (c) => {
        const { cartId } = await getOrCreateCounterCart(db, { clerkUserId: c.userId, locationId: shop.storeA.id, tillSessionId: till.id });
        await addToCart(db, { cartId, variantId: shop.variant.id, quantity: 1 });
        return { clerk: c, cartId };
      }),
    );
    const sales = carts.map(({ clerk: c, cartId }) =>
      completeCounterSale(db, { idempotencyKey: randomUUID(), method: 'cash', tenderedCents: 5000, cartId, storeId: shop.storeA.id }, c),
    );
    const close = closeTillSession(db, { denominations: {}, closingNote: null, tillSessionId: till.id, locationId: shop.storeA.id }, clerk);
    const [closed, ...settled] = await Promise.allSettled([close, ...sales]);
    expect(closed.status === 'fulfilled' ? 'fulfilled' : (closed as PromiseRejectedResult).reason).toBe('fulfilled');
    const booked = await getExpectedCash(db, till.id);
    const [row] = await db.select({ expected: tillSessions.expectedCashCents }).from(tillSessions).where(eq(tillSessions.id, till.id));
    // Whatever the close counted is all the drawer ever got: no sale was booked on it afterwards.
    expect(row.expected).toBe(booked!.expectedCents);
    for (const s of settled) {
      if (s.status === 'rejected') expect((s.reason as { code?: string }).code).toMatch(/^(till\.closed|forbidden|invalidState)$/);
    }
  });
});
