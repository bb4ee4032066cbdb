import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { auditLog, stockLevels, stockTransferLines, stockTransfers } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { getOrCreateCounterCart, addToCart } from '@/lib/carts/mutations';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { inTransitByVariant } from '@/lib/inventory/admin-stock';
import { sellStock } from '@/lib/inventory/mutations';
import { getVariantStockByLocation, ledgerMismatches } from '@/lib/inventory/queries';
import { completeCounterSale } from '@/lib/orders/counter-sale';
import { createShop, createStaff, resetDatabase } from '@/lib/testing/fixtures';
import { cancelTransfer, receiveTransfer, requestTransfer, shipTransfer } from './mutations';
import { listStoreTransfers } from './queries';
import { receiveTransferSchema, requestTransferFormSchema } from './schemas';

let handle: DbHandle;
let db: Db;
let shop: Awaited<ReturnType<typeof createShop>>;
let admin: Actor;
let clerkA: Actor;
let clerkB: Actor;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
});
afterAll(() => handle?.close());
beforeEach(async () => {
  await resetDatabase(db);
  shop = await createShop(db, { warehouse: 10, storeA: 3, storeB: 0 });
  admin = await createStaff(db, { role: 'admin', email: 'admin@example.com' });
  clerkA = await createStaff(db, { role: 'clerk', email: 'a@example.com', locationId: shop.storeA.id });
  clerkB = await createStaff(db, { role: 'clerk', email: 'b@example.com', locationId: shop.storeB.id });
});

async function level(locationId: number) {
  const [row] = await db
    .select({ onHand: stockLevels.onHand, reserved: stockLevels.reserved })
    .from(stockLevels)
    .where(and(eq(stockLevels.variantId, shop.variant.id), eq(stockLevels.locationId, locationId)));
  return row ?? { onHand: 0, reserved: 0 };
}

async function refused(promise: Promise<unknown>, code: string) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
  return error as DomainError;
}

const lineIds = async (transferId: number) =>
  (await db.select({ id: stockTransferLines.id }).from(stockTransferLines).where(eq(stockTransferLines.transferId, transferId))).map((l) => l.id);

describe('transfer lifecycle', () => {
  it('reserves at request, leaves the origin at ship (in transit, sellable nowhere), arrives at receipt', async () => {
    const { id, number } = await requestTransfer(db, { fromLocationId: shop.warehouse.id, toLocationId: shop.storeB.id, lines: [{ variantId: shop.variant.id, quantity: 4 }] }, admin);
    expect(number).toMatch(/^T-\d+$/);
    expect(await level(shop.warehouse.id)).toEqual({ onHand: 10, reserved: 4 });
    // Reserved for the transfer: the warehouse can sell 6, not 7.
    await refused(sellStock(db, { variantId: shop.variant.id, locationId: shop.warehouse.id, quantity: 7 }), 'outOfStock');

    await shipTransfer(db, id, admin);
    expect(await level(shop.warehouse.id)).toEqual({ onHand: 6, reserved: 0 });
    expect(await level(shop.storeB.id)).toEqual({ onHand: 0, reserved: 0 });
    expect((await inTransitByVariant(db, [shop.variant.id])).get(shop.variant.id)).toBe(4);
    // In transit is in no location's stock: store B cannot sell it yet, and the total available is 6 + 3.
    await refused(sellStock(db, { variantId: shop.variant.id, locationId: shop.storeB.id, quantity: 1 }), 'outOfStock');
    const everywhere = await getVariantStockByLocation(db, shop.variant.id);
    expect(everywhere.reduce((n, l) => n + l.available, 0)).toBe(9);
    // A counter sale in store B is refused too.
    const cart = await getOrCreateCounterCart(db, { clerkUserId: clerkB.userId, locationId: shop.storeB.id });
    await addToCart(db, { cartId: cart.cartId, variantId: shop.variant.id, quantity: 1 });
    await refused(completeCounterSale(db, { idempotencyKey: randomUUID(), method: 'card_terminal', cartId: cart.cartId, storeId: shop.storeB.id }, clerkB), 'outOfStock');

    const counts = receiveTransferSchema.parse({ transferId: String(id), lineId: (await lineIds(id)).map(String), received: ['4'] });
    expect(await receiveTransfer(db, counts, clerkB)).toEqual({ number, shortfall: 0 });
    expect(await level(shop.storeB.id)).toEqual({ onHand: 4, reserved: 0 });
    expect((await inTransitByVariant(db, [shop.variant.id])).size).toBe(0);
    expect(await ledgerMismatches(db)).toEqual([]);
    const audits = await db.select({ action: auditLog.action }).from(auditLog);
    expect(audits.map((a) => a.action)).toEqual(['transfer.requested', 'transfer.shipped', 'transfer.received']);
  });

  it('records a shortfall on receipt and adds only the counted units', async () => {
    const { id } = await requestTransfer(db, { fromLocationId: shop.warehouse.id, toLocationId: shop.storeB.id, lines: [{ variantId: shop.variant.id, quantity: 5 }] }, admin);
    await shipTransfer(db, id, admin);
    const [lineId] = await lineIds(id);
    await refused(receiveTransfer(db, { transferId: id, counts: [{ lineId, received: 6 }] }, clerkB), 'transferCountTooHigh');
    await refused(receiveTransfer(db, { transferId: id, counts: [] }, clerkB), 'transferCountMissing');
    expect(await receiveTransfer(db, { transferId: id, counts: [{ lineId, received: 3 }] }, clerkB)).toMatchObject({ shortfall: 2 });
    expect(await level(shop.storeB.id)).toEqual({ onHand: 3, reserved: 0 });
    expect(await level(shop.warehouse.id)).toEqual({ onHand: 5, reserved: 0 });
    const [line] = await db.select().from(stockTransferLines).where(eq(stockTransferLines.id, lineId));
    expect(line).toMatchObject({ quantity: 5, receivedQuantity: 3 });
    await refused(receiveTransfer(db, { transferId: id, counts: [{ lineId, received: 2 }] }, clerkB), 'transferNotInTransit');
    expect(await ledgerMismatches(db)).toEqual([]);
  });

  it('refuses a transfer of more than is available at the origin and reserves nothing', async () => {
    const error = await refused(
      requestTransfer(db, { fromLocationId: shop.storeA.id, toLocationId: shop.storeB.id, lines: [{ variantId: shop.variant.id, quantity: 4 }], locale: 'en' }, admin),
      'transferOutOfStock',
    );
    expect(error.values).toMatchObject({ available: 3, location: 'Store Amsterdam' });
    expect(await level(shop.storeA.id)).toEqual({ onHand: 3, reserved: 0 });
    expect(await db.select().from(stockTransfers)).toEqual([]);
    expect(await db.select().from(auditLog)).toEqual([]);
  });

  it('cancel releases the reservation; a shipped transfer cannot be cancelled', async () => {
    const first = await requestTransfer(db, { fromLocationId: shop.warehouse.id, toLocationId: shop.storeA.id, lines: [{ variantId: shop.variant.id, quantity: 2 }] }, admin);
    await cancelTransfer(db, first.id, admin);
    expect(await level(shop.warehouse.id)).toEqual({ onHand: 10, reserved: 0 });
    await refused(shipTransfer(db, first.id, admin), 'transferNotRequested');
    const second = await requestTransfer(db, { fromLocationId: shop.warehouse.id, toLocationId: shop.storeA.id, lines: [{ variantId: shop.variant.id, quantity: 2 }] }, admin);
    await shipTransfer(db, second.id, admin);
    await refused(cancelTransfer(db, second.id, admin), 'transferNotRequested');
    expect(await ledgerMismatches(db)).toEqual([]);
  });

  it('lets clerks ship only from and receive only at their own store', async () => {
    const { id } = await requestTransfer(db, { fromLocationId: shop.storeA.id, toLocationId: shop.storeB.id, lines: [{ variantId: shop.variant.id, quantity: 1 }] }, admin);
    await refused(shipTransfer(db, id, clerkB), 'forbidden');
    await shipTransfer(db, id, clerkA);
    const [lineId] = await lineIds(id);
    await refused(receiveTransfer(db, { transferId: id, counts: [{ lineId, received: 1 }] }, clerkA), 'forbidden');
    const store = await listStoreTransfers(db, shop.storeB.id, 'en');
    expect(store.incoming.map((t) => [t.number, t.status])).toEqual([[expect.stringMatching(/^T-/), 'in_transit']]);
    expect(store.outgoing).toEqual([]);
    await receiveTransfer(db, { transferId: id, counts: [{ lineId, received: 1 }] }, clerkB);
    expect((await listStoreTransfers(db, shop.storeB.id, 'en')).received).toHaveLength(1);
  });
});

describe('transfer forms', () => {
  it('parses SKU rows, ignores blank ones and refuses the same location twice', () => {
    expect(requestTransferFormSchema.parse({ fromLocationId: '1', toLocationId: '2', sku: ['tr-42-blk', '', ''], quantity: ['2', '', ''] })).toMatchObject({
      lines: [{ sku: 'tr-42-blk', quantity: 2 }],
    });
    expect(requestTransferFormSchema.safeParse({ fromLocationId: '1', toLocationId: '1', sku: 'A', quantity: '1' }).success).toBe(false);
    expect(requestTransferFormSchema.safeParse({ fromLocationId: '1', toLocationId: '2', sku: 'A', quantity: '0' }).success).toBe(false);
    expect(requestTransferFormSchema.safeParse({ fromLocationId: '1', toLocationId: '2', sku: '', quantity: '' }).success).toBe(false);
    expect(receiveTransferSchema.safeParse({ transferId: '1', lineId: ['1'], received: ['-1'] }).success).toBe(false);
  });
});
