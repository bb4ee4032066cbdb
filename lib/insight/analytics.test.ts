import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { createTestDatabase } from '@/db/testing';
import { customerEvents, customers, orders, payments, refunds, returns, satisfactionResponses, type SavingSnapshot } from '@/db/schema';
import type { Actor } from '@/lib/identity/queries';
import { createPromotionRow, createShop, createStaff, resetDatabase } from '@/lib/testing/fixtures';
import { parseAnalyticsFilter, type AnalyticsFilter } from './analytics-filter';
import { analyticsTableRows, toCsv } from './analytics-csv';
import { funnelByChannel, funnelBySource } from './analytics-funnel';
import { promotionPerformance } from './analytics-promotions';
import { salesByChannelStoreDay } from './analytics-sales';
import { satisfactionByChannelWeek } from './analytics-satisfaction';
import { channelShare } from './analytics-share';

describe('parseAnalyticsFilter', () => {
  it('defaults to the last 30 Amsterdam days up to today', () => {
    // 23:30 UTC on 1 December is already 2 December in Amsterdam.
    const result = parseAnalyticsFilter({}, new Date('2026-12-01T23:30:00Z'));
    expect(result).toMatchObject({ ok: true, filter: { from: '2026-11-03', to: '2026-12-02', storeId: null } });
    if (!result.ok) throw new Error('expected a filter');
    expect(result.filter.fromInstant).toEqual(new Date('2026-11-02T23:00:00Z'));
    expect(result.filter.toInstant).toEqual(new Date('2026-12-02T23:00:00Z'));
  });

  it('spans Amsterdam days across a DST change and keeps the store', () => {
    const result = parseAnalyticsFilter({ from: '2026-10-24', to: '2026-10-25', store: '3' });
    if (!result.ok) throw new Error('expected a filter');
    expect(result.filter).toMatchObject({ storeId: 3, fromInstant: new Date('2026-10-23T22:00:00Z'), toInstant: new Date('2026-10-25T23:00:00Z') });
  });

  it('refuses a reversed range and a day that is no date; empty days are the default, a bad store is all', () => {
    expect(parseAnalyticsFilter({ from: '2026-12-13', to: '2026-12-01' })).toEqual({ ok: false, error: 'rangeReversed' });
    expect(parseAnalyticsFilter({ from: '2026-02-30' })).toEqual({ ok: false, error: 'invalidDate' });
    expect(parseAnalyticsFilter({ to: "2026-12-01' or 1=1" })).toEqual({ ok: false, error: 'invalidDate' });
    const result = parseAnalyticsFilter({ from: '', to: '', store: '1; drop' }, new Date('2026-12-02T10:00:00Z'));
    expect(result).toMatchObject({ ok: true, filter: { from: '2026-11-03', to: '2026-12-02', storeId: null } });
  });
});

describe('analytics figures against a hand-computed fixture', () => {
  let handle: DbHandle;
  let db: Db;
  let admin: Actor;
  let clerk: Actor;
  let storeAId: number;
  let p1: number;
  let p2: number;
  const range = (extra: Record<string, string> = {}): AnalyticsFilter => {
    const r = parseAnalyticsFilter({ from: '2026-11-30', to: '2026-12-13', ...extra });
    if (!r.ok) throw new Error('bad range');
    return r.filter;
  };

  beforeAll(async () => {
    handle = await createTestDatabase();
    db = handle.db;
    await resetDatabase(db);
    const { warehouse, storeA, storeB } = await createShop(db);
    storeAId = storeA.id;
    admin = await createStaff(db, { role: 'admin', email: 'admin@example.test' });
    clerk = await createStaff(db, { role: 'clerk', email: 'clerk@example.test', locationId: storeA.id });
    const [ann, bob, cat, dan] = await db
      .insert(customers)
      .values(['ann', 'bob', 'cat', 'dan'].map((n) => ({ email: `${n}@example.test`, name: n })))
      .returning();
    p1 = (await createPromotionRow(db, { name: 'Ten off', kind: 'percentage', value: 10 })).id;
    p2 = (await createPromotionRow(db, { name: 'Three euro', kind: 'fixed_amount', value: 300, scope: 'order' })).id;
    const saving = (promotionId: number | null, amountCents: number, scope: SavingSnapshot['scope'] = 'item'): SavingSnapshot => ({
      source: promotionId ? 'promotion' : 'staff',
      promotionId,
      scope,
      title: { en: `Promo ${promotionId}`, nl: `Actie ${promotionId}` },
      code: null,
      amountCents,
    });

    let n = 0;
    const order = (o: {
      channel: 'web' | 'store';
      status: 'paid' | 'pending_payment' | 'cancelled' | 'completed' | 'delivered';
      totalCents: number;
      placedAt: string;
      customerId?: number | null;
      locationId?: number;
      savings?: SavingSnapshot[];
    }) => {
      n += 1;
      return {
        number: `T-${n}`,
        channel: o.channel,
        fulfilment: o.channel === 'web' ? ('delivery' as const) : ('in_store' as const),
        status: o.status,
        stockLocationId: o.locationId ?? (o.channel === 'web' ? warehouse.id : storeA.id),
        customerId: o.customerId ?? null,
        subtotalCents: o.totalCents,
        discountCents: 0,
        shippingCents: 0,
        totalCents: o.totalCents,
        vatCents: 0,
        vatBreakdown: [],
        savings: o.savings ?? [],
        idempotencyKey: `k-${n}`,
        placedAt: new Date(o.placedAt),
      };
    };
    const [o1, o2, o3, o4, , o6, o7, o8web, o8store, , , x] = await db
      .insert(orders)
      .values([
        order({ channel: 'web', status: 'paid', totalCents: 5000, placedAt: '2026-12-01T10:00:00Z', customerId: ann.id, savings: [saving(p1, 500), saving(p1, 395, 'shipping')] }),
        // 00:30 on 2 December in Amsterdam.
        order({ channel: 'web', status: 'delivered', totalCents: 3000, placedAt: '2026-12-01T23:30:00Z', customerId: cat.id, savings: [saving(p2, 300, 'order')] }),
        order({ channel: 'store', status: 'completed', totalCents: 2000, placedAt: '2026-12-02T12:00:00Z', customerId: bob.id, savings: [saving(p1, 200)] }),
        order({ channel: 'store', status: 'completed', totalCents: 4000, placedAt: '2026-12-03T12:00:00Z', customerId: cat.id, savings: [saving(null, 400, 'staff_cart')] }),
        order({ channel: 'web', status: 'pending_payment', totalCents: 1500, placedAt: '2026-12-03T13:00:00Z', customerId: ann.id, savings: [saving(p1, 100)] }),
        order({ channel: 'web', status: 'cancelled', totalCents: 9900, placedAt: '2026-12-03T14:00:00Z', customerId: ann.id, savings: [saving(p1, 990)] }),
        order({ channel: 'store', status: 'completed', totalCents: 1000, placedAt: '2026-12-08T09:00:00Z', locationId: storeB.id }),
        order({ channel: 'web', status: 'paid', totalCents: 2500, placedAt: '2026-12-04T09:00:00Z', customerId: dan.id }),
        order({ channel: 'store', status: 'completed', totalCents: 1800, placedAt: '2026-12-09T09:00:00Z', customerId: dan.id, locationId: storeB.id }),
        // 23:59 on 29 November in Amsterdam: before the range; 00:00 on 30 November: in it.
        order({ channel: 'web', status: 'paid', totalCents: 7000, placedAt: '2026-11-29T22:59:00Z', customerId: ann.id }),
        order({ channel: 'web', status: 'paid', totalCents: 100, placedAt: '2026-11-29T23:00:00Z', customerId: ann.id }),
        // Bob's exchange of o3 at the Amsterdam counter: 2000 paid by the returned goods, 500 in cash.
        order({ channel: 'store', status: 'completed', totalCents: 2500, placedAt: '2026-12-05T10:00:00Z', customerId: bob.id }),
      ])
      .returning({ id: orders.id });
    await db.insert(returns).values({
      number: 'R-1',
      orderId: o3.id,
      customerId: bob.id,
      method: 'counter',
      status: 'closed',
      locationId: storeA.id,
      exchangeOrderId: x.id,
      idempotencyKey: 'ret-1',
    });
    await db.insert(payments).values([
      { orderId: x.id, method: 'store_credit', providerMethod: 'exchange', status: 'succeeded', amountCents: 2000, idempotencyKey: 'pay-x1' },
      { orderId: x.id, method: 'cash', status: 'succeeded', amountCents: 500, idempotencyKey: 'pay-x2' },
    ]);
    const refund = (orderId: string, amountCents: number, status: 'pending' | 'succeeded' | 'failed', createdAt: string, key: string) => ({
      orderId,
      amountCents,
      status,
      method: 'cash' as const,
      idempotencyKey: key,
      createdAt: new Date(createdAt),
    });
    await db.insert(refunds).values([
      refund(o1.id, 1200, 'succeeded', '2026-12-06T10:00:00Z', 'rf-1'),
      refund(o1.id, 800, 'failed', '2026-12-06T10:05:00Z', 'rf-2'), // gave nothing back
      refund(o6.id, 9900, 'succeeded', '2026-12-06T10:10:00Z', 'rf-3'), // cancelled: never a sale
      refund(o4.id, 1000, 'pending', '2026-12-04T10:00:00Z', 'rf-4'),
    ]);

    const ev = (e: Partial<typeof customerEvents.$inferInsert> & Pick<typeof customerEvents.$inferInsert, 'type'>, at = '2026-12-02T10:00:00Z') => ({
      channel: 'web' as const,
      occurredAt: new Date(at),
      ...e,
    });
    const v1 = { visitorId: 'v1', customerId: ann.id, utmSource: 'newsletter', utmMedium: 'email', utmCampaign: 'winter' };
    const v2 = { visitorId: 'v2', utmSource: 'newsletter', utmMedium: 'email', utmCampaign: 'winter' };
    const v4 = { visitorId: 'v4', utmSource: 'google' };
    await db.insert(customerEvents).values([
      ev({ type: 'visit', ...v1 }),
      ev({ type: 'product_view', ...v1 }),
      ev({ type: 'product_view', ...v1 }),
      ev({ type: 'add_to_cart', ...v1 }),
      ev({ type: 'checkout_started', ...v1 }),
      ev({ type: 'order_placed', ...v1, orderId: o1.id }),
      ev({ type: 'product_view', ...v2 }),
      ev({ type: 'add_to_cart', ...v2 }),
      ev({ type: 'product_view', visitorId: 'v3' }),
      ev({ type: 'product_view', ...v4 }),
      ev({ type: 'add_to_cart', ...v4 }),
      ev({ type: 'checkout_started', ...v4 }),
      ev({ type: 'product_view', visitorId: 'v5', utmSource: 'newsletter' }, '2026-11-29T22:00:00Z'), // before the range
      ev({ type: 'counter_sale', channel: 'store', locationId: storeA.id, customerId: bob.id, orderId: o3.id }),
      ev({ type: 'counter_sale', channel: 'store', locationId: storeB.id, orderId: o7.id }),
    ]);

    await db.insert(satisfactionResponses).values([
      { orderId: o1.id, channel: 'web', score: 4, createdAt: new Date('2026-12-02T10:00:00Z') },
      { orderId: o2.id, channel: 'web', score: 5, createdAt: new Date('2026-12-03T10:00:00Z') },
      { orderId: o3.id, channel: 'store', locationId: storeA.id, score: 2, createdAt: new Date('2026-12-03T11:00:00Z') },
      { orderId: o4.id, channel: 'store', locationId: storeA.id, score: 5, createdAt: new Date('2026-12-09T10:00:00Z') },
      { orderId: o7.id, channel: 'store', locationId: storeB.id, score: 3, createdAt: new Date('2026-12-09T11:00:00Z') },
      { orderId: o8web.id, channel: 'web', score: 1, createdAt: new Date('2026-12-14T10:00:00Z') }, // after the range
    ]);
    void o8store;
  }, 180_000); // a fresh PGlite database (migrations) plus the fixture: slow on a busy machine
  afterAll(() => handle?.close());

  it('sales per day, channel and store are net of refunds and exchanges', async () => {
    const row = (day: string, channel: 'web' | 'store', locationName: string, v: Partial<Record<'orders' | 'exchanges' | 'soldCents' | 'refundedCents' | 'exchangedCents', number>>) => {
      const r = { orders: 0, exchanges: 0, soldCents: 0, refundedCents: 0, exchangedCents: 0, ...v };
      return { day, channel, locationName, ...r, netCents: r.soldCents - r.refundedCents - r.exchangedCents };
    };
    const rows = (await salesByChannelStoreDay(db, admin, range())).map(({ locationId: _, ...r }) => r);
    expect(rows).toEqual([
      row('2026-11-30', 'web', 'Warehouse', { orders: 1, soldCents: 100 }),
      row('2026-12-01', 'web', 'Warehouse', { orders: 1, soldCents: 5000 }),
      row('2026-12-02', 'store', 'Store Amsterdam', { orders: 1, soldCents: 2000 }),
      row('2026-12-02', 'web', 'Warehouse', { orders: 1, soldCents: 3000 }),
      row('2026-12-03', 'store', 'Store Amsterdam', { orders: 1, soldCents: 4000 }),
      row('2026-12-03', 'web', 'Warehouse', { orders: 1 }), // awaiting payment: an order, no sale yet
      row('2026-12-04', 'store', 'Store Amsterdam', { refundedCents: 1000 }),
      row('2026-12-04', 'web', 'Warehouse', { orders: 1, soldCents: 2500 }),
      row('2026-12-05', 'store', 'Store Amsterdam', { exchanges: 1, soldCents: 2500, exchangedCents: 2000 }),
      row('2026-12-06', 'web', 'Warehouse', { refundedCents: 1200 }),
      row('2026-12-08', 'store', 'Store Utrecht', { orders: 1, soldCents: 1000 }),
      row('2026-12-09', 'store', 'Store Utrecht', { orders: 1, soldCents: 1800 }),
    ]);
    const amsterdam = await salesByChannelStoreDay(db, admin, range({ store: String(storeAId) }));
    expect(amsterdam.map((r) => [r.day, r.netCents])).toEqual([
      ['2026-12-02', 2000],
      ['2026-12-03', 4000],
      ['2026-12-04', -1000],
      ['2026-12-05', 500],
    ]);
  });

  it('the funnel counts distinct people per step and the drop-off, per channel and per source', async () => {
    const counts = (views: number, carts: number, checkouts: number, orders: number, drops: (number | null)[]) => ({
      views,
      carts,
      checkouts,
      orders,
      cartDropOff: drops[0],
      checkoutDropOff: drops[1],
      orderDropOff: drops[2],
    });
    expect(await funnelByChannel(db, admin, range())).toEqual([
      { channel: 'store', ...counts(0, 0, 0, 2, [null, null, null]) },
      { channel: 'web', ...counts(4, 3, 2, 1, [25, 33.3, 50]) },
    ]);
    expect(await funnelBySource(db, admin, range())).toEqual([
      { source: 'newsletter', campaign: 'winter', ...counts(2, 2, 1, 1, [0, 50, 0]) },
      { source: '', campaign: '', ...counts(1, 0, 0, 2, [100, null, null]) },
      { source: 'google', campaign: '', ...counts(1, 1, 1, 0, [0, 0, 100]) },
    ]);
    expect(await funnelByChannel(db, admin, range({ store: String(storeAId) }))).toEqual([
      { channel: 'store', ...counts(0, 0, 0, 1, [null, null, null]) },
    ]);
  });

  it('channel share: web-only, store-only and omnichannel customers per week and month', async () => {
    expect(await channelShare(db, admin, range(), 'week')).toEqual([
      { period: '2026-11-30', webOnly: 2, storeOnly: 1, omnichannel: 1, customers: 4 },
      { period: '2026-12-07', webOnly: 0, storeOnly: 1, omnichannel: 0, customers: 1 },
    ]);
    expect(await channelShare(db, admin, range(), 'month')).toEqual([
      { period: '2026-11-01', webOnly: 1, storeOnly: 0, omnichannel: 0, customers: 1 },
      { period: '2026-12-01', webOnly: 1, storeOnly: 1, omnichannel: 2, customers: 4 },
    ]);
    expect(await channelShare(db, admin, range({ store: String(storeAId) }), 'week')).toEqual([
      { period: '2026-11-30', webOnly: 0, storeOnly: 1, omnichannel: 1, customers: 2 },
    ]);
  });

  it('promotion performance: orders, discount given and revenue per promotion', async () => {
    expect(await promotionPerformance(db, admin, range())).toEqual([
      { promotionId: p1, name: 'Ten off', orders: 2, discountCents: 500 + 395 + 200, revenueCents: 5000 + 2000 },
      { promotionId: p2, name: 'Three euro', orders: 1, discountCents: 300, revenueCents: 3000 },
    ]);
    expect(await promotionPerformance(db, admin, range({ store: String(storeAId) }))).toEqual([
      { promotionId: p1, name: 'Ten off', orders: 1, discountCents: 200, revenueCents: 2000 },
    ]);
  });

  it('satisfaction per channel per week: count and average score', async () => {
    expect(await satisfactionByChannelWeek(db, admin, range())).toEqual([
      { week: '2026-11-30', channel: 'store', responses: 1, averageScore: 2 },
      { week: '2026-11-30', channel: 'web', responses: 2, averageScore: 4.5 },
      { week: '2026-12-07', channel: 'store', responses: 2, averageScore: 4 },
    ]);
    expect(await satisfactionByChannelWeek(db, admin, range({ store: String(storeAId) }))).toEqual([
      { week: '2026-11-30', channel: 'store', responses: 1, averageScore: 2 },
      { week: '2026-12-07', channel: 'store', responses: 1, averageScore: 5 },
    ]);
  });

  it('the CSV of a table has the same figures as the page, amounts in euros, formulas escaped', async () => {
    const { header, rows } = await analyticsTableRows(db, admin, 'funnel-source', range());
    expect(header).toEqual(['source', 'campaign', 'views', 'carts', 'checkouts', 'orders', 'cart_drop_off_pct', 'checkout_drop_off_pct', 'order_drop_off_pct']);
    expect(rows[0]).toEqual(['newsletter', 'winter', 2, 2, 1, 1, 0, 50, 0]);
    const sales = await analyticsTableRows(db, admin, 'sales', range({ store: String(storeAId) }));
    expect(sales.rows.at(-1)).toEqual(['2026-12-05', 'store', 'Store Amsterdam', 0, 1, '25.00', '0.00', '20.00', '5.00']);
    const share = await analyticsTableRows(db, admin, 'channel-share', range(), { period: 'month' });
    expect(share.rows).toEqual([
      ['2026-11-01', 1, 0, 0, 1],
      ['2026-12-01', 1, 1, 2, 4],
    ]);
    expect(toCsv(['a', 'b'], [['=1+1', null]])).toBe('\uFEFFa,b\r\n"\'=1+1",\r\n');
  });

  it('refuses a clerk in the data path too', async () => {
    await expect(analyticsTableRows(db, clerk, 'promotions', range())).rejects.toMatchObject({ code: 'forbidden' });
    for (const query of [salesByChannelStoreDay, funnelByChannel, funnelBySource, promotionPerformance, satisfactionByChannelWeek]) {
      await expect(query(db, clerk, range())).rejects.toMatchObject({ code: 'forbidden' });
    }
    await expect(channelShare(db, clerk, range(), 'week')).rejects.toMatchObject({ code: 'forbidden' });
  });
});
