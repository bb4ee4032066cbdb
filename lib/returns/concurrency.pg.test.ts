// Real concurrency needs real connections: this file runs only in the 'postgres' vitest project.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { orderLines, returns } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { getStoreCreditBalance, issueStoreCredit, spendStoreCredit, sumOfStoreCreditEntries } from '@/lib/store-credit/ledger';
import { createCustomerActor, createShop, createStaff, resetDatabase } from '@/lib/testing/fixtures';
import { createReturn } from './mutations';
import { insertOrder } from './test-helpers';

let handle: DbHandle;
let db: Db;
let shop: Awaited<ReturnType<typeof createShop>>;
let clerkA: Actor;
let clerkB: Actor;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
}, 240_000);
afterAll(() => handle?.close());
beforeEach(async () => {
  await resetDatabase(db);
  shop = await createShop(db, { warehouse: 10, storeA: 3, storeB: 3 });
  clerkA = await createStaff(db, { role: 'clerk', email: 'clerk-a@example.com', locationId: shop.storeA.id });
  clerkB = await createStaff(db, { role: 'clerk', email: 'clerk-b@example.com', locationId: shop.storeB.id });
});

const codeOf = (r: PromiseSettledResult<unknown>) => (r.status === 'rejected' ? (r.reason instanceof DomainError ? r.reason.code : String(r.reason)) : 'ok');

describe('after-sales under concurrency (PostgreSQL)', () => {
  it('two counters returning the same line at once: one wins, the other is refused; never more returned than bought', async () => {
    for (let round = 0; round < 5; round++) {
      const order = await insertOrder(db, { channel: 'web', stockLocationId: shop.warehouse.id, lines: [{ variantId: shop.variant.id, quantity: 1, unitPriceCents: 5000 }] });
      const results = await Promise.allSettled(
        [
          [clerkA, shop.storeA.id],
          [clerkB, shop.storeB.id],
        ].map(([clerk, locationId]) =>
          createReturn(db, {
            orderId: order.id,
            method: 'counter',
            locationId: locationId as number,
            lines: [{ orderLineId: order.lineIds[0], quantity: 1, reason: 'too_small' }],
            receiveNow: true,
            actor: clerk as Actor,
            idempotencyKey: randomUUID(),
          }),
        ),
      );
      expect(results.map(codeOf).sort()).toEqual(['ok', 'returnQuantityTooHigh']);
      const [line] = await db.select({ returned: orderLines.returnedQuantity }).from(orderLines).where(eq(orderLines.id, order.lineIds[0]));
      expect(line.returned).toBe(1);
      expect(await db.select().from(returns).where(eq(returns.orderId, order.id))).toHaveLength(1);
    }
  });

  it('concurrent store-credit spends never overdraw: balance = Σ entries, never below zero', async () => {
    const customerId = (await createCustomerActor(db, 'eva@example.com')).customerId!;
    await issueStoreCredit(db, { customerId, amountCents: 5000, idempotencyKey: 'i1' });
    const results = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => db.transaction((tx) => spendStoreCredit(tx, { customerId, amountCents: 2000, orderId: null, idempotencyKey: `s${i}` }))));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    expect(results.filter((r) => codeOf(r) === 'storeCreditInsufficient')).toHaveLength(4);
    expect(await getStoreCreditBalance(db, customerId)).toBe(1000);
    expect(await sumOfStoreCreditEntries(db, customerId)).toBe(1000);
  });
});
