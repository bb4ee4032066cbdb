import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { createTestDatabase } from '@/db/testing';
import { orders } from '@/db/schema';
import { createShop, resetDatabase } from '@/lib/testing/fixtures';
import { ordersPerChannelSince, startOfShopDay } from './dashboard-queries';

describe('startOfShopDay', () => {
  it('is midnight in Amsterdam, summer and winter, also just after midnight', () => {
    expect(startOfShopDay(new Date('2026-07-03T12:00:00Z'))).toEqual(new Date('2026-07-02T22:00:00Z'));
    expect(startOfShopDay(new Date('2026-01-09T12:00:00Z'))).toEqual(new Date('2026-01-08T23:00:00Z'));
    // 00:30 in Amsterdam is still the previous day in UTC.
    expect(startOfShopDay(new Date('2026-07-02T22:30:00Z'))).toEqual(new Date('2026-07-02T22:00:00Z'));
  });
});

describe('ordersPerChannelSince', () => {
  let handle: DbHandle;
  let db: Db;
  beforeAll(async () => {
    handle = await createTestDatabase();
    db = handle.db;
  }, 60_000);
  afterAll(() => handle?.close());
  beforeEach(() => resetDatabase(db));

  it('counts today’s orders per channel and sums what is paid', async () => {
    const { warehouse, storeA } = await createShop(db);
    let n = 0;
    const order = (
      channel: 'web' | 'store',
      status: 'paid' | 'pending_payment' | 'cancelled' | 'completed',
      totalCents: number,
      placedAt: string,
    ) => {
      n += 1;
      return {
        number: `T-${n}`,
        channel,
        fulfilment: channel === 'web' ? ('delivery' as const) : ('in_store' as const),
        status,
        stockLocationId: channel === 'web' ? warehouse.id : storeA.id,
        subtotalCents: totalCents,
        discountCents: 0,
        shippingCents: 0,
        totalCents,
        vatCents: 0,
        vatBreakdown: [],
        idempotencyKey: `k-${n}`,
        placedAt: new Date(placedAt),
      };
    };
    await db.insert(orders).values([
      order('web', 'paid', 5000, '2026-07-03T08:00:00Z'),
      order('web', 'pending_payment', 2000, '2026-07-03T09:00:00Z'),
      order('web', 'cancelled', 9900, '2026-07-03T09:30:00Z'),
      order('web', 'paid', 7000, '2026-07-02T21:59:00Z'), // yesterday, Amsterdam time
      order('store', 'completed', 3000, '2026-07-03T10:00:00Z'),
    ]);
    expect(await ordersPerChannelSince(db, startOfShopDay(new Date('2026-07-03T12:00:00Z')))).toEqual({
      web: { orders: 2, revenueCents: 5000 },
      store: { orders: 1, revenueCents: 3000 },
    });
  });
});
