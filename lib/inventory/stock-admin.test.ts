import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { auditLog, stockLevels, stockMovements } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { setSetting } from '@/lib/settings/settings';
import { createShop, createStaff, resetDatabase } from '@/lib/testing/fixtures';
import { countLowStock, listAdminStock } from './admin-stock';
import { listLedger } from './ledger-queries';
import { stockStatus } from './low-stock';
import { reserveStock } from './mutations';
import { ledgerMismatches } from './queries';
import { adjustStockSchema } from './schemas';
import { adjustStockPosition, setLowStockThreshold } from './staff-adjust';

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
  shop = await createShop(db, { warehouse: 10, storeA: 3, storeB: 0 });
  admin = await createStaff(db, { role: 'admin', email: 'admin@example.com' });
});

async function level(locationId: number) {
  const [row] = await db
    .select({ onHand: stockLevels.onHand, reserved: stockLevels.reserved, threshold: stockLevels.lowStockThreshold })
    .from(stockLevels)
    .where(and(eq(stockLevels.variantId, shop.variant.id), eq(stockLevels.locationId, locationId)));
  return row ?? null;
}
const count = async (table: typeof stockMovements | typeof auditLog) => (await db.select({ n: sql<number>`count(*)::int` }).from(table))[0].n;

async function refused(promise: Promise<unknown>, code: string) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
  return error as DomainError;
}

describe('admin stock adjustment', () => {
  it('writes a count as one adjustment movement with its reason and note, and one audit row', async () => {
    const input = adjustStockSchema.parse({ variantId: shop.variant.id, locationId: shop.storeA.id, mode: 'set', quantity: '5', reason: 'count', note: 'shelf recount' });
    expect(await adjustStockPosition(db, input, admin)).toEqual({ onHand: 5, reserved: 0, available: 5 });
    const [movement] = await db.select().from(stockMovements).where(eq(stockMovements.reason, 'adjustment'));
    expect(movement).toMatchObject({ onHandDelta: 2, reservedDelta: 0, adjustmentReason: 'count', note: 'shelf recount', actorUserId: admin.userId });
    const [audit] = await db.select().from(auditLog);
    expect(audit).toMatchObject({ action: 'stock.adjusted', entityType: 'stock_level', before: { onHand: 3 }, after: { onHand: 5, reason: 'count' } });
    expect(await ledgerMismatches(db)).toEqual([]);
  });

  it('applies a ± change (damage −2)', async () => {
    await adjustStockPosition(db, adjustStockSchema.parse({ variantId: shop.variant.id, locationId: shop.storeA.id, mode: 'delta', quantity: '-2', reason: 'damage' }), admin);
    expect(await level(shop.storeA.id)).toMatchObject({ onHand: 1 });
  });

  it('refuses a change below zero and changes nothing', async () => {
    const [movements, audits] = [await count(stockMovements), await count(auditLog)];
    const input = adjustStockSchema.parse({ variantId: shop.variant.id, locationId: shop.storeA.id, mode: 'delta', quantity: '-4', reason: 'damage' });
    const error = await refused(adjustStockPosition(db, input, admin), 'stockBelowZero');
    expect(error.field).toBe('quantity');
    expect(await level(shop.storeA.id)).toMatchObject({ onHand: 3, reserved: 0 });
    expect([await count(stockMovements), await count(auditLog)]).toEqual([movements, audits]);
  });

  it('refuses a count below what is reserved, and a negative count at the edge', async () => {
    await reserveStock(db, { variantId: shop.variant.id, locationId: shop.storeA.id, quantity: 2 });
    await refused(adjustStockPosition(db, adjustStockSchema.parse({ variantId: shop.variant.id, locationId: shop.storeA.id, mode: 'set', quantity: '1', reason: 'count' }), admin), 'stockBelowReserved');
    await refused(adjustStockPosition(db, adjustStockSchema.parse({ variantId: shop.variant.id, locationId: shop.storeA.id, mode: 'delta', quantity: '-2', reason: 'correction' }), admin), 'stockBelowReserved');
    expect(await level(shop.storeA.id)).toMatchObject({ onHand: 3, reserved: 2 });
    expect(adjustStockSchema.safeParse({ variantId: shop.variant.id, locationId: shop.storeA.id, mode: 'set', quantity: '-1', reason: 'count' }).success).toBe(false);
    expect(adjustStockSchema.safeParse({ variantId: shop.variant.id, locationId: shop.storeA.id, mode: 'delta', quantity: '0', reason: 'count' }).success).toBe(false);
    expect(adjustStockSchema.safeParse({ variantId: shop.variant.id, locationId: shop.storeA.id, mode: 'set', quantity: '1', reason: 'theft' }).success).toBe(false);
  });
});

describe('low stock: one definition', () => {
  it('classifies a position by its own threshold or the default', () => {
    expect(stockStatus(0, null, 2)).toBe('out');
    expect(stockStatus(2, null, 2)).toBe('low');
    expect(stockStatus(3, null, 2)).toBe('ok');
    expect(stockStatus(3, 5, 2)).toBe('low');
    expect(stockStatus(1, 0, 2)).toBe('ok');
  });

  it('the matrix and the dashboard follow the setting and the per-position thresholds alike', async () => {
    // Default 2: store A has 3 (ok), the warehouse 10 (ok); store B carries nothing.
    const row = async () => (await listAdminStock(db, { limit: 10, offset: 0, locale: 'en' })).rows[0];
    expect((await row()).low).toBe(false);
    expect((await countLowStock(db)).low).toBe(0);
    expect((await listAdminStock(db, { lowOnly: true, limit: 10, offset: 0, locale: 'en' })).total).toBe(0);

    await db.transaction((tx) => setSetting(tx, 'stock', { lowStockThreshold: 3 }, null));
    expect((await row()).levels[shop.storeA.id].status).toBe('low');
    expect(await countLowStock(db)).toMatchObject({ low: 1, defaultThreshold: 3 });

    await setLowStockThreshold(db, { variantId: shop.variant.id, locationId: shop.storeA.id, threshold: 1 }, admin);
    expect((await row()).levels[shop.storeA.id]).toMatchObject({ status: 'ok', threshold: 1 });
    expect((await countLowStock(db)).low).toBe(0);

    await setLowStockThreshold(db, { variantId: shop.variant.id, locationId: shop.warehouse.id, threshold: 12 }, admin);
    expect((await row()).low).toBe(true);
    expect((await listAdminStock(db, { lowOnly: true, limit: 10, offset: 0, locale: 'en' })).total).toBe(1);
    expect((await countLowStock(db)).low).toBe(1);
    expect(await db.select({ action: auditLog.action }).from(auditLog)).toEqual([{ action: 'stock.threshold_set' }, { action: 'stock.threshold_set' }]);
  });
});

describe('stock ledger', () => {
  it('filters by SKU, location, reason and day, newest first', async () => {
    await adjustStockPosition(db, adjustStockSchema.parse({ variantId: shop.variant.id, locationId: shop.storeA.id, mode: 'delta', quantity: '1', reason: 'found' }), admin);
    const page = { limit: 50, offset: 0, locale: 'en' as const };
    expect((await listLedger(db, {}, page)).total).toBe(3);
    expect((await listLedger(db, { search: 'tr-42' }, page)).total).toBe(3);
    expect((await listLedger(db, { search: 'nothing' }, page)).total).toBe(0);
    const adjustments = await listLedger(db, { reason: 'adjustment', locationId: shop.storeA.id }, page);
    expect(adjustments.rows).toMatchObject([{ sku: 'TR-42-BLK', locationName: 'Store Amsterdam', onHandDelta: 1, adjustmentReason: 'found', actorName: 'admin' }]);
    expect((await listLedger(db, { from: '2000-01-01', to: '2000-01-02' }, page)).total).toBe(0);
    expect((await listLedger(db, { from: '2000-01-01', to: '2999-01-01' }, page)).total).toBe(3);
  });
});
