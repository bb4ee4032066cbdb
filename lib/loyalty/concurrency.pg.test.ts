// Real concurrency needs real connections: this file runs only in the 'postgres' vitest project.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { loyaltyEntries, orders } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { completeCounterSale } from '@/lib/orders/counter-sale';
import { createCustomerActor, createShop, createStaff, resetDatabase } from '@/lib/testing/fixtures';
import { postEntry } from './ledger';
import { cardOf, counterCart, grantPoints, ledgerOf, type Shop } from './test-helpers';

let handle: DbHandle;
let db: Db;
let shop: Shop;
let eva: Actor;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
});
afterAll(() => handle?.close());
beforeEach(async () => {
  await resetDatabase(db);
  shop = await createShop(db, { warehouse: 0, storeA: 10, storeB: 10 });
  eva = await createCustomerActor(db, 'eva@example.com');
});

const codeOf = (r: PromiseSettledResult<unknown>) =>
  r.status === 'rejected' ? (r.reason instanceof DomainError ? r.reason.code : String(r.reason)) : 'ok';

describe('loyalty under concurrency (PostgreSQL)', () => {
  it('two tills redeeming the same balance at once: one wins, the other is refused, the balance never goes below zero', async () => {
    await grantPoints(db, eva.customerId!, 3_000);
    const tills = await Promise.all(
      [shop.storeA, shop.storeB].map(async (store, i) => {
        const clerk = await createStaff(db, {
          role: 'clerk',
          email: `clerk${i}@example.com`,
          locationId: store.id,
        });
        return { clerk, store, cartId: await counterCart(db, shop, clerk, { customerId: eva.customerId }) };
      }),
    );
    const results = await Promise.allSettled(
      tills.map(({ clerk, store, cartId }) =>
        completeCounterSale(
          db,
          {
            idempotencyKey: randomUUID(),
            method: 'card_terminal',
            cartId,
            storeId: store.id,
            loyaltyPoints: 2_000,
          },
          clerk,
        ),
      ),
    );
    expect(results.map(codeOf).sort()).toEqual(['loyaltyInsufficientPoints', 'ok']);
    // The loser kept nothing: one order, one redemption; 3 000 − 2 000 + 30 earned on the € 30 by card.
    expect(await db.select({ id: orders.id }).from(orders)).toHaveLength(1);
    expect(
      await db
        .select({ id: loyaltyEntries.id })
        .from(loyaltyEntries)
        .where(eq(loyaltyEntries.kind, 'redeem')),
    ).toHaveLength(1);
    expect(await ledgerOf(db, eva.customerId!)).toMatchObject({ balance: 1_030, sum: 1_030 });
  });

  it('two tills selling to the same customer who has no card yet: both sales complete, both earn, one card', async () => {
    const tills = await Promise.all(
      [shop.storeA, shop.storeB].map(async (store, i) => {
        const clerk = await createStaff(db, {
          role: 'clerk',
          email: `till${i}@example.com`,
          locationId: store.id,
        });
        return { clerk, store, cartId: await counterCart(db, shop, clerk, { customerId: eva.customerId }) };
      }),
    );
    const results = await Promise.allSettled(
      tills.map(({ clerk, store, cartId }) =>
        completeCounterSale(
          db,
          { idempotencyKey: randomUUID(), method: 'card_terminal', cartId, storeId: store.id },
          clerk,
        ),
      ),
    );
    expect(results.map(codeOf)).toEqual(['ok', 'ok']);
    expect(await ledgerOf(db, eva.customerId!)).toMatchObject({ balance: 100, sum: 100 });
    expect(await cardOf(db, eva.customerId!)).toMatch(/^29\d{11}$/);
  });

  it('20 simultaneous spends of 100 from a balance of 1 000: exactly 10 succeed', async () => {
    await grantPoints(db, eva.customerId!, 1_000);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        postEntry(db, {
          customerId: eva.customerId!,
          kind: 'redeem',
          points: -100,
          idempotencyKey: `redeem:${randomUUID()}`,
        }),
      ),
    );
    const codes = results.map(codeOf);
    expect(codes.filter((c) => c === 'ok')).toHaveLength(10);
    expect(codes.filter((c) => c === 'loyaltyInsufficientPoints')).toHaveLength(10);
    expect(await ledgerOf(db, eva.customerId!)).toMatchObject({ balance: 0, sum: 0 });
  });

  it('the same cause posted at once from two connections counts once', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () =>
        postEntry(db, {
          customerId: eva.customerId!,
          kind: 'earn',
          points: 50,
          idempotencyKey: 'earn:same-order',
        }),
      ),
    );
    expect(results.map(codeOf)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
    expect(results.filter((r) => r.status === 'fulfilled' && r.value.applied)).toHaveLength(1);
    expect(await ledgerOf(db, eva.customerId!)).toMatchObject({ balance: 50, sum: 50 });
  });
});
