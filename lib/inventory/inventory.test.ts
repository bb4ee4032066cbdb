import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle, DbOrTx } from '@/db/client';
import { stockLevels, stockMovements } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { DomainError } from '@/lib/errors';
import { createShop, resetDatabase } from '@/lib/testing/fixtures';
import { adjustStock, commitReservedStock, releaseStock, reserveStock, sellStock } from './mutations';
import { getAvailability, getProductStock, getVariantStockByLocation, ledgerMismatches, listStockOverview } from './queries';

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
  shop = await createShop(db, { warehouse: 10, storeA: 3, storeB: 0 });
});

async function level(locationId: number) {
  return levelIn(db, locationId);
}

async function levelIn(conn: DbOrTx, locationId: number) {
  const [row] = await conn
    .select({ onHand: stockLevels.onHand, reserved: stockLevels.reserved })
    .from(stockLevels)
    .where(and(eq(stockLevels.variantId, shop.variant.id), eq(stockLevels.locationId, locationId)));
  return row ?? null;
}

async function movementCount() {
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(stockMovements);
  return n;
}

async function expectDomainError(promise: Promise<unknown>, code: string) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
  return error as DomainError;
}

describe('stock never goes negative', () => {
  it('refuses to sell more than is available and changes nothing', async () => {
    const before = await movementCount();
    const error = await expectDomainError(sellStock(db, { variantId: shop.variant.id, locationId: shop.storeA.id, quantity: 4 }), 'outOfStock');
    expect(error.values).toEqual({ name: 'Trailloper (42 / black)', available: 3 });
    expect(await level(shop.storeA.id)).toEqual({ onHand: 3, reserved: 0 });
    expect(await movementCount()).toBe(before);
  });

  it('counts a missing stock row as 0 available', async () => {
    const error = await expectDomainError(
      reserveStock(db, { variantId: shop.variant.id, locationId: shop.storeB.id, quantity: 1, locale: 'en' }),
      'outOfStock',
    );
    expect(error.values).toEqual({ name: 'Trail Runner (42 / black)', available: 0 });
    expect(await level(shop.storeB.id)).toBeNull();
  });

  it('does not sell reserved units', async () => {
    await reserveStock(db, { variantId: shop.variant.id, locationId: shop.storeA.id, quantity: 2 });
    await expectDomainError(sellStock(db, { variantId: shop.variant.id, locationId: shop.storeA.id, quantity: 2 }), 'outOfStock');
    const sold = await sellStock(db, { variantId: shop.variant.id, locationId: shop.storeA.id, quantity: 1 });
    expect(sold).toMatchObject({ onHand: 2, reserved: 2, available: 0 });
  });

  it('refuses an adjustment or count that would take away reserved units', async () => {
    await reserveStock(db, { variantId: shop.variant.id, locationId: shop.storeA.id, quantity: 2 });
    await expectDomainError(
      adjustStock(db, { variantId: shop.variant.id, locationId: shop.storeA.id, delta: -2, reason: 'adjustment' }),
      'outOfStock',
    );
    await expectDomainError(
      adjustStock(db, { variantId: shop.variant.id, locationId: shop.storeA.id, setOnHand: 1, reason: 'adjustment' }),
      'outOfStock',
    );
    expect(await level(shop.storeA.id)).toEqual({ onHand: 3, reserved: 2 });
  });

  it('lets the database CHECKs reject a direct write past the rules', async () => {
    const where = and(eq(stockLevels.variantId, shop.variant.id), eq(stockLevels.locationId, shop.storeA.id));
    await expect(db.update(stockLevels).set({ onHand: -1 }).where(where)).rejects.toThrow();
    await expect(db.update(stockLevels).set({ reserved: 4 }).where(where)).rejects.toThrow();
    await expect(db.update(stockLevels).set({ reserved: -1 }).where(where)).rejects.toThrow();
    expect(await level(shop.storeA.id)).toEqual({ onHand: 3, reserved: 0 });
  });
});

describe('reserve, release, commit', () => {
  it('moves on_hand and reserved as the goods are reserved, released and handed over', async () => {
    const at = { variantId: shop.variant.id, locationId: shop.warehouse.id };
    expect(await reserveStock(db, { ...at, quantity: 4, reference: 'W-1' })).toMatchObject({ onHand: 10, reserved: 4, available: 6 });
    expect(await releaseStock(db, { ...at, quantity: 1, reference: 'W-1' })).toMatchObject({ onHand: 10, reserved: 3, available: 7 });
    expect(await commitReservedStock(db, { ...at, quantity: 3, reference: 'W-1' })).toMatchObject({ onHand: 7, reserved: 0, available: 7 });
    // Nothing left reserved: releasing or committing again is a caller bug.
    await expectDomainError(releaseStock(db, { ...at, quantity: 1 }), 'invalidState');
    await expectDomainError(commitReservedStock(db, { ...at, quantity: 1 }), 'invalidState');

    const movements = await db
      .select({ reason: stockMovements.reason, onHandDelta: stockMovements.onHandDelta, reservedDelta: stockMovements.reservedDelta, reference: stockMovements.reference })
      .from(stockMovements)
      .where(eq(stockMovements.reference, 'W-1'))
      .orderBy(stockMovements.id);
    expect(movements).toEqual([
      { reason: 'reservation', onHandDelta: 0, reservedDelta: 4, reference: 'W-1' },
      { reason: 'release', onHandDelta: 0, reservedDelta: -1, reference: 'W-1' },
      { reason: 'commit', onHandDelta: -3, reservedDelta: -3, reference: 'W-1' },
    ]);
  });

  it('upserts a level on receipt and counts stock with setOnHand', async () => {
    const at = { variantId: shop.variant.id, locationId: shop.storeB.id };
    expect(await adjustStock(db, { ...at, delta: 5, reason: 'receipt' })).toMatchObject({ onHand: 5, reserved: 0 });
    expect(await adjustStock(db, { ...at, delta: -2, reason: 'adjustment' })).toMatchObject({ onHand: 3 });
    expect(await adjustStock(db, { ...at, setOnHand: 8, reason: 'adjustment' })).toMatchObject({ onHand: 8 });
    expect(await adjustStock(db, { ...at, setOnHand: 0, reason: 'adjustment' })).toMatchObject({ onHand: 0 });
    const deltas = await db
      .select({ d: stockMovements.onHandDelta })
      .from(stockMovements)
      .where(and(eq(stockMovements.variantId, at.variantId), eq(stockMovements.locationId, at.locationId)))
      .orderBy(stockMovements.id);
    expect(deltas.map((r) => r.d)).toEqual([5, -2, 5, -8]);
  });

  it('keeps the ledger equal to the levels after a sequence of operations', async () => {
    const v = shop.variant.id;
    await reserveStock(db, { variantId: v, locationId: shop.warehouse.id, quantity: 3 });
    await sellStock(db, { variantId: v, locationId: shop.storeA.id, quantity: 2 });
    await commitReservedStock(db, { variantId: v, locationId: shop.warehouse.id, quantity: 2 });
    await releaseStock(db, { variantId: v, locationId: shop.warehouse.id, quantity: 1 });
    await adjustStock(db, { variantId: v, locationId: shop.storeA.id, delta: 1, reason: 'return' });
    await adjustStock(db, { variantId: v, locationId: shop.storeB.id, setOnHand: 4, reason: 'adjustment' });
    // Too many: refused as out of stock, and nothing of it reaches the level or the ledger.
    await expect(sellStock(db, { variantId: v, locationId: shop.storeA.id, quantity: 9 })).rejects.toMatchObject({
      code: 'outOfStock',
      values: expect.objectContaining({ available: 2 }),
    });
    expect(await ledgerMismatches(db)).toEqual([]);
    expect(await level(shop.warehouse.id)).toEqual({ onHand: 8, reserved: 0 });
    expect(await level(shop.storeA.id)).toEqual({ onHand: 2, reserved: 0 });
  });

  it('reports a level that was changed behind the ledger', async () => {
    await db.update(stockLevels).set({ onHand: 7 }).where(eq(stockLevels.locationId, shop.storeA.id));
    expect(await ledgerMismatches(db)).toEqual([
      { variantId: shop.variant.id, locationId: shop.storeA.id, onHand: 7, reserved: 0, ledgerOnHand: 3, ledgerReserved: 0 },
    ]);
  });

  it('rolls the level back with the movement when the transaction fails', async () => {
    let reservedInside: unknown = null;
    const failed = db.transaction(async (tx) => {
      await reserveStock(tx, { variantId: shop.variant.id, locationId: shop.storeA.id, quantity: 1 });
      reservedInside = await levelIn(tx, shop.storeA.id);
      await sellStock(tx, { variantId: shop.variant.id, locationId: shop.storeA.id, quantity: 3 }); // only 2 left
    });
    await expect(failed).rejects.toMatchObject({ code: 'outOfStock', values: expect.objectContaining({ available: 2 }) });
    // The reservation did happen inside the transaction, and is gone with it.
    expect(reservedInside).toEqual({ onHand: 3, reserved: 1 });
    expect(await level(shop.storeA.id)).toEqual({ onHand: 3, reserved: 0 });
    expect(await ledgerMismatches(db)).toEqual([]);
  });
});

describe('stock queries', () => {
  it('reads availability per variant and location', async () => {
    await reserveStock(db, { variantId: shop.variant.id, locationId: shop.storeA.id, quantity: 1 });
    const availability = await getAvailability(db, [shop.variant.id, 999]);
    expect(availability[999]).toEqual([]);
    expect(availability[shop.variant.id]).toEqual([
      { locationId: shop.warehouse.id, onHand: 10, reserved: 0, available: 10 },
      { locationId: shop.storeA.id, onHand: 3, reserved: 1, available: 2 },
    ]);

    const byLocation = await getVariantStockByLocation(db, shop.variant.id);
    expect(byLocation.map((l) => [l.code, l.kind, l.available, l.pickupEnabled])).toEqual([
      ['WH', 'warehouse', 10, false],
      ['AMS', 'store', 2, true],
      ['UTR', 'store', 0, true],
    ]);

    const [variantStock] = await getProductStock(db, shop.product.id);
    expect(variantStock.sku).toBe('TR-42-BLK');
    expect(variantStock.locations.find((l) => l.code === 'UTR')).toMatchObject({ onHand: 0, available: 0 });
  });

  it('lists the stock overview with search and paging', async () => {
    const all = await listStockOverview(db, { limit: 10, offset: 0 });
    expect(all.total).toBe(1);
    expect(all.rows[0]).toMatchObject({ sku: 'TR-42-BLK', totalAvailable: 13, stock: { [shop.storeA.id]: { available: 3, onHand: 3 } } });
    expect((await listStockOverview(db, { search: 'tr-42', limit: 10, offset: 0 })).total).toBe(1);
    expect((await listStockOverview(db, { search: 'trail', limit: 10, offset: 0 })).total).toBe(1);
    expect((await listStockOverview(db, { search: '100%', limit: 10, offset: 0 })).total).toBe(0);
  });
});
