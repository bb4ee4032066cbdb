import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { invoiceCounters, invoices } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { setSetting, SETTINGS } from '@/lib/settings/settings';
import { createShop, resetDatabase } from '@/lib/testing/fixtures';
import { webOrder } from '@/lib/testing/orders';
import { findInvoiceForOrder, formatInvoiceNumber, issueInvoice, shopYear } from './issue-invoice';

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
  shop = await createShop(db, { warehouse: 20 });
});

const order = () => webOrder(db, shop, { fulfilment: 'delivery', guest: { email: 'eva@example.com' } });
const MAY = new Date('2026-05-01T10:00:00Z');

describe('issueInvoice', () => {
  it('numbers invoices F-<year>-000001, 000002… with the order’s amounts and the seller’s details', async () => {
    const [a, b] = [await order(), await order()];
    const first = await issueInvoice(db, a.orderId, MAY);
    const second = await issueInvoice(db, b.orderId, MAY);
    expect([first.number, second.number]).toEqual(['F-2026-000001', 'F-2026-000002']);
    expect(first.totalCents).toBe(a.totalCents);
    const [row] = await db.select().from(invoices).where(eq(invoices.id, first.id));
    expect(row.seller).toEqual(SETTINGS.seller.defaults);
    expect(row.kind).toBe('invoice');
  });

  it('is idempotent per order: the second call returns the first invoice and draws no number', async () => {
    const a = await order();
    const first = await issueInvoice(db, a.orderId, MAY);
    expect(await issueInvoice(db, a.orderId, MAY)).toEqual(first);
    expect(await findInvoiceForOrder(db, a.orderId)).toEqual(first);
    const [counter] = await db.select().from(invoiceCounters);
    expect(counter).toEqual({ series: 'F', year: 2026, last: 1 });
  });

  it('a rolled-back issue leaves no gap: the next invoice gets the number it would have had', async () => {
    const [a, b] = [await order(), await order()];
    await issueInvoice(db, a.orderId, MAY);
    const failed = db.transaction(async (tx) => {
      await issueInvoice(tx, b.orderId, MAY);
      throw new Error('the cause failed after the invoice');
    });
    await expect(failed).rejects.toThrow('the cause failed after the invoice');
    expect(await findInvoiceForOrder(db, b.orderId)).toBeNull();
    expect((await issueInvoice(db, b.orderId, MAY)).number).toBe('F-2026-000002');
  });

  it('starts again at 1 in a new year, by the shop’s clock (00:30 on 1 January in Amsterdam is the new year)', async () => {
    const [a, b] = [await order(), await order()];
    const newYearsEve = new Date('2026-12-31T22:59:00Z'); // 23:59 in Amsterdam
    const newYear = new Date('2026-12-31T23:30:00Z'); // 00:30 on 1 January 2027 in Amsterdam
    expect([shopYear(newYearsEve), shopYear(newYear)]).toEqual([2026, 2027]);
    expect((await issueInvoice(db, a.orderId, newYearsEve)).number).toBe('F-2026-000001');
    expect((await issueInvoice(db, b.orderId, newYear)).number).toBe('F-2027-000001');
  });

  it('keeps the seller as they were at issue: a later change of the settings does not rewrite it', async () => {
    const [a, b] = [await order(), await order()];
    const first = await issueInvoice(db, a.orderId, MAY);
    await setSetting(db, 'seller', { ...SETTINGS.seller.defaults, legalName: 'Nieuwe Naam B.V.' }, null);
    const second = await issueInvoice(db, b.orderId, MAY);
    const sellers = await db.select({ id: invoices.id, name: sql<string>`${invoices.seller}->>'legalName'` }).from(invoices).orderBy(invoices.id);
    expect(sellers).toEqual([
      { id: first.id, name: 'Omnishop B.V.' },
      { id: second.id, name: 'Nieuwe Naam B.V.' },
    ]);
  });

  it('formats numbers zero-padded so they sort', () => {
    expect(formatInvoiceNumber('F', 2026, 42)).toBe('F-2026-000042');
    expect(formatInvoiceNumber('F', 2026, 1_234_567)).toBe('F-2026-1234567');
  });
});
