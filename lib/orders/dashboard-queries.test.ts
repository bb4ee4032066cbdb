import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { createTestDatabase } from '@/db/testing';
import { orders, refunds } from '@/db/schema';
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

  it('counts today’s orders per channel and sums what is paid, net of today’s refunds', async () => {
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
    const [webPaid, , webCancelled, webYesterday, storeSale] = await db
      .insert(orders)
      .values([
        order('web', 'paid', 5000, '2026-07-03T08:00:00Z'),
        order('web', 'pending_payment', 2000, '2026-07-03T09:00:00Z'),
        order('web', 'cancelled', 9900, '2026-07-03T09:30:00Z'),
        order('web', 'paid', 7000, '2026-07-02T21:59:00Z'), // yesterday, Amsterdam time
        order('store', 'completed', 3000, '2026-07-03T10:00:00Z'),
      ])
      .returning({ id: orders.id });
    let k = 0;
    const refund = (orderId: string, amountCents: number, status: 'pending' | 'succeeded' | 'failed', createdAt: string) => {
      k += 1;
      return { orderId, amountCents, status, method: 'cash' as const, idempotencyKey: `r-${k}`, createdAt: new Date(createdAt) };
    };
    await db.insert(refunds).values([
      refund(webPaid.id, 1200, 'succeeded', '2026-07-03T11:00:00Z'),
      refund(webPaid.id, 800, 'failed', '2026-07-03T11:05:00Z'), // gave nothing back
      refund(webYesterday.id, 500, 'pending', '2026-07-03T11:10:00Z'), // yesterday's sale, refunded today
      refund(webYesterday.id, 700, 'succeeded', '2026-07-02T21:59:30Z'), // refunded yesterday
      refund(webCancelled.id, 9900, 'succeeded', '2026-07-03T11:15:00Z'), // never counted as a sale
      refund(storeSale.id, 1000, 'succeeded', '2026-07-03T11:20:00Z'),
    ]);
    expect(await ordersPerChannelSince(db, startOfShopDay(new Date('2026-07-03T12:00:00Z')))).toEqual({
      web: { orders: 2, exchanges: 0, revenueCents: 5000 - 1200 - 500, refundedCents: 1700, exchangedCents: 0 },
      store: { orders: 1, exchanges: 0, revenueCents: 3000 - 1000, refundedCents: 1000, exchangedCents: 0 },
    });
  });
});
