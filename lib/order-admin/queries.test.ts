import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { orders, payments } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import type { Actor } from '@/lib/identity/queries';
import { createCustomerActor, createShop, createStaff, resetDatabase } from '@/lib/testing/fixtures';
import { counterSale, payOnline, webOrder } from '@/lib/testing/orders';
import { orderListHref, sortHref } from './list-url';
import { listAdminOrders, lookUpOrdersForCounter } from './queries';
import { orderListFilterSchema } from './schemas';

let handle: DbHandle;
let db: Db;
let shop: Awaited<ReturnType<typeof createShop>>;
let admin: Actor;
let clerk: Actor;
let ids: { guestDelivery: string; customerPickup: string; counter: string; paidDelivery: string };
let numbers: Record<keyof typeof ids, string>;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
});
afterAll(() => handle?.close());

const filter = (params: Record<string, string> = {}) => orderListFilterSchema.parse(params);
const list = async (params: Record<string, string> = {}, pageSize?: number) => listAdminOrders(db, admin, filter(params), pageSize);
const numbersOf = (rows: { number: string }[]) => rows.map((r) => r.number);

async function placeAt(orderId: string, iso: string) {
  await db.update(orders).set({ placedAt: new Date(iso) }).where(eq(orders.id, orderId));
}

beforeEach(async () => {
  await resetDatabase(db);
  shop = await createShop(db, { warehouse: 20, storeA: 10 });
  admin = await createStaff(db, { role: 'admin', email: 'admin@example.com' });
  clerk = await createStaff(db, { role: 'clerk', email: 'clerk@example.com', locationId: shop.storeB.id });
  const eva = await createCustomerActor(db, 'eva@example.com');
  // Four orders of all kinds, with totals 1, 2, 3 and 4 units (€ 50 each) and known placing times.
  const guestDelivery = await webOrder(db, shop, { fulfilment: 'delivery', guest: { email: 'greta@example.com', phone: '+31612345678', name: 'Greta Gast' } });
  const customerPickup = await webOrder(db, shop, { fulfilment: 'pickup', actor: eva, quantity: 2 });
  const counter = await counterSale(db, shop, await createStaff(db, { role: 'clerk', email: 'a@example.com', locationId: shop.storeA.id }));
  const paidDelivery = await webOrder(db, shop, { fulfilment: 'delivery', guest: { email: 'piet@example.com', name: 'Piet Post' }, quantity: 4 });
  await payOnline(db, paidDelivery);
  ids = { guestDelivery: guestDelivery.orderId, customerPickup: customerPickup.orderId, counter: counter.orderId, paidDelivery: paidDelivery.orderId };
  numbers = { guestDelivery: guestDelivery.number, customerPickup: customerPickup.number, counter: counter.number, paidDelivery: paidDelivery.number };
  // In Amsterdam: 30 June 23:30, 1 July 00:30, 1 July 23:30, 2 July 10:00 (summer time, UTC+2).
  await placeAt(ids.guestDelivery, '2026-06-30T21:30:00Z');
  await placeAt(ids.customerPickup, '2026-06-30T22:30:00Z');
  await placeAt(ids.counter, '2026-07-01T21:30:00Z');
  await placeAt(ids.paidDelivery, '2026-07-02T08:00:00Z');
});

describe('listAdminOrders', () => {
  it('lists every channel, newest first, with the store, the customer and the payment state', async () => {
    const { rows, total } = await list();
    expect(total).toBe(4);
    expect(numbersOf(rows)).toEqual([numbers.paidDelivery, numbers.counter, numbers.customerPickup, numbers.guestDelivery]);
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(byId[ids.guestDelivery]).toMatchObject({ channel: 'web', fulfilment: 'delivery', customerName: 'Greta Gast', email: 'greta@example.com', locationName: 'Warehouse', paymentState: 'unpaid' });
    expect(byId[ids.customerPickup]).toMatchObject({ email: 'eva@example.com', locationName: 'Store Amsterdam' });
    expect(byId[ids.counter]).toMatchObject({ channel: 'store', fulfilment: 'in_store', paymentState: 'paid', status: 'completed' });
    expect(byId[ids.paidDelivery]).toMatchObject({ paymentState: 'paid', status: 'paid' });
  });

  it.each(['06 12345678', '06-1234 5678', '+31 6 1234 5678', '0031612345678', '(06) 123 456 78'])('finds the order by its phone number typed as “%s”', async (typed) => {
    expect(numbersOf((await list({ q: typed })).rows)).toEqual([numbers.guestDelivery]);
  });

  it('searches by part of the number, the email, the name, or the bare digits of the number', async () => {
    expect(numbersOf((await list({ q: numbers.counter.toLowerCase() })).rows)).toEqual([numbers.counter]);
    expect(numbersOf((await list({ q: numbers.counter.slice(2) })).rows)).toEqual([numbers.counter]);
    expect(numbersOf((await list({ q: 'GRETA@example' })).rows)).toEqual([numbers.guestDelivery]);
    expect(numbersOf((await list({ q: 'piet post' })).rows)).toEqual([numbers.paidDelivery]);
    expect(numbersOf((await list({ q: 'eva@' })).rows)).toEqual([numbers.customerPickup]);
    // LIKE wildcards typed by the admin are literal characters.
    expect((await list({ q: '%' })).total).toBe(0);
    expect((await list({ q: 'nobody@example.com' })).total).toBe(0);
  });

  it('filters by channel, status, fulfilment, store and payment state', async () => {
    expect(numbersOf((await list({ channel: 'store' })).rows)).toEqual([numbers.counter]);
    expect(numbersOf((await list({ status: 'pending_payment' })).rows)).toEqual([numbers.customerPickup, numbers.guestDelivery]);
    expect(numbersOf((await list({ fulfilment: 'delivery' })).rows)).toEqual([numbers.paidDelivery, numbers.guestDelivery]);
    expect(numbersOf((await list({ store: String(shop.storeA.id) })).rows)).toEqual([numbers.counter, numbers.customerPickup]);
    expect(numbersOf((await list({ payment: 'unpaid' })).rows)).toEqual([numbers.customerPickup, numbers.guestDelivery]);
    expect(numbersOf((await list({ payment: 'paid', channel: 'web' })).rows)).toEqual([numbers.paidDelivery]);
    await db.update(payments).set({ refundDue: true }).where(eq(payments.orderId, ids.paidDelivery));
    expect(numbersOf((await list({ payment: 'refund_due' })).rows)).toEqual([numbers.paidDelivery]);
    expect(numbersOf((await list({ payment: 'paid' })).rows)).toEqual([numbers.counter]);
  });

  it('reads the date range as calendar days in Europe/Amsterdam, both days included', async () => {
    expect(numbersOf((await list({ from: '2026-07-01', to: '2026-07-01' })).rows)).toEqual([numbers.counter, numbers.customerPickup]);
    expect(numbersOf((await list({ to: '2026-06-30' })).rows)).toEqual([numbers.guestDelivery]);
    expect(numbersOf((await list({ from: '2026-07-02' })).rows)).toEqual([numbers.paidDelivery]);
    // An impossible day in the URL is no limit at all, not an error.
    expect((await list({ from: '2026-02-30' })).total).toBe(4);
  });

  it('sorts by total, number and date in both directions', async () => {
    const ascending = (await list({ sort: 'total', dir: 'asc' })).rows;
    expect(ascending.map((r) => r.totalCents)).toEqual(ascending.map((r) => r.totalCents).sort((x, y) => x - y));
    expect(ascending.at(-1)?.number).toBe(numbers.paidDelivery);
    const descending = (await list({ sort: 'total', dir: 'desc' })).rows;
    expect(descending.map((r) => r.totalCents)).toEqual(ascending.map((r) => r.totalCents).reverse());
    expect(descending[0].number).toBe(numbers.paidDelivery);
    expect(numbersOf((await list({ sort: 'number', dir: 'asc' })).rows)).toEqual([numbers.guestDelivery, numbers.customerPickup, numbers.counter, numbers.paidDelivery]);
    expect(numbersOf((await list({ sort: 'placed', dir: 'asc' })).rows)).toEqual([numbers.guestDelivery, numbers.customerPickup, numbers.counter, numbers.paidDelivery]);
  });

  it('pages through the list, the total counting every match', async () => {
    const first = await listAdminOrders(db, admin, filter({ sort: 'number', dir: 'asc' }), 3);
    const second = await listAdminOrders(db, admin, filter({ sort: 'number', dir: 'asc', page: '2' }), 3);
    expect(first.total).toBe(4);
    expect(second.total).toBe(4);
    expect(numbersOf(first.rows)).toEqual([numbers.guestDelivery, numbers.customerPickup, numbers.counter]);
    expect(numbersOf(second.rows)).toEqual([numbers.paidDelivery]);
  });

  it('is for admins only', async () => {
    await expect(listAdminOrders(db, clerk, filter(), 10)).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('orderListFilterSchema and links', () => {
  it('reads unknown values as “all”, a bad page as 1, and keeps the filters in every link', () => {
    const f = filter({ channel: 'fax', status: 'lost', page: '1e3', store: '-4', q: '  06 1234  ', sort: 'price', dir: 'up' });
    expect(f).toMatchObject({ channel: undefined, status: undefined, page: 1, store: undefined, q: '06 1234', sort: 'placed', dir: 'desc' });
    const g = filter({ channel: 'web', q: 'anna', sort: 'total', dir: 'asc', page: '3' });
    expect(orderListHref(g, { page: 4 })).toBe('/admin/orders?q=anna&channel=web&sort=total&dir=asc&page=4');
    expect(sortHref(g, 'total')).toBe('/admin/orders?q=anna&channel=web&sort=total');
    expect(sortHref(g, 'number')).toBe('/admin/orders?q=anna&channel=web&sort=number');
  });
});

describe('lookUpOrdersForCounter', () => {
  it('finds any order of any store by its exact number, email or phone, for a clerk of another store', async () => {
    expect(numbersOf(await lookUpOrdersForCounter(db, clerk, numbers.counter.toLowerCase().replace('-', '')))).toEqual([numbers.counter]);
    expect(numbersOf(await lookUpOrdersForCounter(db, clerk, numbers.customerPickup.slice(2)))).toEqual([numbers.customerPickup]);
    expect(numbersOf(await lookUpOrdersForCounter(db, clerk, 'Greta@Example.com'))).toEqual([numbers.guestDelivery]);
    expect(numbersOf(await lookUpOrdersForCounter(db, clerk, '06 1234 5678'))).toEqual([numbers.guestDelivery]);
  });

  it('never matches a fragment: a clerk cannot browse other customers’ orders', async () => {
    expect(await lookUpOrdersForCounter(db, clerk, 'greta')).toEqual([]);
    expect(await lookUpOrdersForCounter(db, clerk, '@example.com')).toEqual([]);
    expect(await lookUpOrdersForCounter(db, clerk, '')).toEqual([]);
  });

  it('is refused to a customer', async () => {
    const customer = await createCustomerActor(db, 'mallory@example.com');
    await expect(lookUpOrdersForCounter(db, customer, numbers.counter)).rejects.toMatchObject({ code: 'forbidden' });
  });
});
