// Real concurrency needs real connections: this file runs only in the 'postgres' vitest project.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { stockLevels, stockTransfers } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { ledgerMismatches } from '@/lib/inventory/queries';
import { createShop, createStaff, resetDatabase } from '@/lib/testing/fixtures';
import { requestTransfer } from './mutations';

let handle: DbHandle;
let db: Db;
let shop: Awaited<ReturnType<typeof createShop>>;
let admin: Actor;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
});
afterAll(() => handle?.close());
beforeEach(async () => {
  await resetDatabase(db);
  shop = await createShop(db, { warehouse: 0, storeA: 2, storeB: 0 });
  admin = await createStaff(db, { role: 'admin', email: 'admin@example.com' });
});

describe('transfers under concurrency (PostgreSQL)', () => {
  it('two simultaneous transfers of the last units: exactly one wins, the other reserves nothing', async () => {
    const to = [shop.storeB.id, shop.warehouse.id];
    const results = await Promise.allSettled(
      to.map((toLocationId) => requestTransfer(db, { fromLocationId: shop.storeA.id, toLocationId, lines: [{ variantId: shop.variant.id, quantity: 2 }] }, admin)),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0].reason).toBeInstanceOf(DomainError);
    expect((lost[0].reason as DomainError).code).toBe('transferOutOfStock');
    const [level] = await db
      .select({ onHand: stockLevels.onHand, reserved: stockLevels.reserved })
      .from(stockLevels)
      .where(and(eq(stockLevels.variantId, shop.variant.id), eq(stockLevels.locationId, shop.storeA.id)));
    expect(level).toEqual({ onHand: 2, reserved: 2 });
    expect(await db.select({ id: stockTransfers.id }).from(stockTransfers)).toHaveLength(1);
    expect(await ledgerMismatches(db)).toEqual([]);
  });

  it('twenty simultaneous one-unit transfers of two units: two win', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => requestTransfer(db, { fromLocationId: shop.storeA.id, toLocationId: shop.storeB.id, lines: [{ variantId: shop.variant.id, quantity: 1 }] }, admin)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    expect(await db.select({ id: stockTransfers.id }).from(stockTransfers)).toHaveLength(2);
    expect(await ledgerMismatches(db)).toEqual([]);
  });
});
