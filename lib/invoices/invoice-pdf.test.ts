import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { orders, products } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { addToCart, getOrCreateWebCart } from '@/lib/carts/mutations';
import { formatMoney } from '@/lib/i18n/format';
import { placeOrder } from '@/lib/orders/mutations';
import { createProduct, createShop, createStaff, createVariant, receiveStock, resetDatabase } from '@/lib/testing/fixtures';
import { ADDRESS, counterSale, payOnline } from '@/lib/testing/orders';
import { issueInvoice } from './issue-invoice';
import { invoiceFileName, renderInvoicePdf } from './invoice-pdf';
import { pdfPageCount, pdfTextRuns } from './pdf-text';

let handle: DbHandle;
let db: Db;
let shop: Awaited<ReturnType<typeof createShop>>;
const MAY = new Date('2026-05-01T10:00:00Z');

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
});
afterAll(() => handle?.close());
beforeEach(async () => {
  await resetDatabase(db);
  shop = await createShop(db, { warehouse: 400, storeA: 5 });
});

describe('renderInvoicePdf', () => {
  it('is a PDF with the invoice number, seller’s legal details, lines, totals and VAT per rate (nl)', async () => {
    // A 21% pair of shoes (€ 50,00) and a 9% book (€ 19,95), delivered.
    const bookProduct = await createProduct(db, { categoryId: shop.category.id, slug: 'book', nameNl: 'Fietsen door Nederland' });
    await db.update(products).set({ taxClass: 'reduced' }).where(eq(products.id, bookProduct.id));
    const book = await createVariant(db, { productId: bookProduct.id, sku: 'BOOK-1', priceCents: 1995 });
    await receiveStock(db, book.id, shop.warehouse.id, 5);
    const { cartId } = await getOrCreateWebCart(db, {});
    await addToCart(db, { cartId, variantId: shop.variant.id, quantity: 1 });
    await addToCart(db, { cartId, variantId: book.id, quantity: 1 });
    const order = await placeOrder(
      db,
      { idempotencyKey: randomUUID(), channel: 'web', fulfilment: 'delivery', cartId, email: 'eva@example.com', customerName: 'Eva de Vries', shippingAddress: ADDRESS },
      null,
    );
    await payOnline(db, order);
    const invoice = await issueInvoice(db, order.orderId, MAY);

    const pdf = await renderInvoicePdf(db, invoice.id, 'nl');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfPageCount(pdf)).toBe(1);
    const runs = pdfTextRuns(pdf);
    const text = runs.join('\n');
    for (const expected of ['FACTUUR', 'F-2026-000001', 'Omnishop B.V.', 'Btw-specificatie', 'Totaal incl. btw', 'Betaald · Online betaling', 'GELEVERD AAN', 'Damrak 1', 'Fietsen door Nederland', 'Trailloper']) {
      expect(text).toContain(expected);
    }
    expect(runs.some((r) => r.includes('KvK 12345678') && r.includes('Btw-nr. NL004495445B01'))).toBe(true);
    // One row per rate with net, VAT and gross as the order's snapshot has them (nothing recomputed).
    const [snapshot] = await db.select({ vat: orders.vatBreakdown, total: orders.totalCents }).from(orders).where(eq(orders.id, order.orderId));
    expect(snapshot.vat.map((v) => v.rateBp).sort()).toEqual([2100, 900]);
    for (const v of snapshot.vat) {
      const i = runs.indexOf(`${v.rateBp / 100}%`, runs.indexOf('Btw-specificatie'));
      expect(runs.slice(i, i + 4)).toEqual([`${v.rateBp / 100}%`, formatMoney(v.grossCents - v.vatCents, 'nl'), formatMoney(v.vatCents, 'nl'), formatMoney(v.grossCents, 'nl')]);
    }
    expect(text).toContain(formatMoney(snapshot.total, 'nl'));
  });

  it('speaks English and names the store for a counter sale', async () => {
    const clerk = await createStaff(db, { role: 'clerk', email: 'clerk@example.com', locationId: shop.storeA.id });
    const sale = await counterSale(db, shop, clerk);
    const invoice = await issueInvoice(db, sale.orderId, MAY);
    const text = pdfTextRuns(await renderInvoicePdf(db, invoice.id, 'en')).join('\n');
    for (const expected of ['INVOICE', invoice.number, 'VAT breakdown', 'Total incl. VAT', 'Paid · Card', 'BOUGHT AT', 'Store Amsterdam', 'CoC 12345678', 'VAT no. NL004495445B01', '€50.00']) {
      expect(text).toContain(expected);
    }
  });

  it('runs over onto more pages for a long order, with the footer and page number on each', async () => {
    const { cartId } = await getOrCreateWebCart(db, {});
    for (let i = 0; i < 40; i++) {
      const v = await createVariant(db, { productId: shop.product.id, sku: `MANY-${i}`, priceCents: 1000 + i });
      await receiveStock(db, v.id, shop.warehouse.id, 1);
      await addToCart(db, { cartId, variantId: v.id, quantity: 1 });
    }
    const order = await placeOrder(
      db,
      { idempotencyKey: randomUUID(), channel: 'web', fulfilment: 'delivery', cartId, email: 'many@example.com', shippingAddress: { name: 'M', street: 'S 1', postcode: '1000 AA', city: 'A', country: 'NL' } },
      null,
    );
    const invoice = await issueInvoice(db, order.orderId, MAY);
    const pdf = await renderInvoicePdf(db, invoice.id, 'en');
    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(2);
    const runs = pdfTextRuns(pdf);
    expect(runs.filter((r) => r.startsWith('Omnishop B.V.  ·  CoC 12345678'))).toHaveLength(pages);
    expect(runs).toContain(`Page ${pages}/${pages}`);
    expect(runs.filter((r) => r.startsWith('MANY-') || r.includes('MANY-'))).toHaveLength(40);
  });

  it('refuses an unknown invoice and names the file per language', async () => {
    await expect(renderInvoicePdf(db, 999, 'nl')).rejects.toThrow('invoice not found: 999');
    expect(invoiceFileName('F-2026-000007', 'nl')).toBe('factuur-F-2026-000007.pdf');
    expect(invoiceFileName('F-2026-000007', 'en')).toBe('invoice-F-2026-000007.pdf');
  });
});
