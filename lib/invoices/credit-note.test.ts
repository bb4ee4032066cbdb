import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { invoices } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { createReturn } from '@/lib/returns/mutations';
import { insertOrder } from '@/lib/returns/test-helpers';
import { createProduct, createShop, createStaff, createVariant, resetDatabase } from '@/lib/testing/fixtures';
import { issueCreditNote } from './credit-note';
import { renderInvoicePdf } from './invoice-pdf';
import { pdfTextRuns } from './pdf-text';

let handle: DbHandle;
let db: Db;
let shop: Awaited<ReturnType<typeof createShop>>;
const NOW = new Date('2026-06-10T10:00:00Z');

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
}, 240_000);
afterAll(() => handle?.close());
beforeEach(async () => {
  await resetDatabase(db);
  shop = await createShop(db);
});

/** Shoes at 21% (2 × € 50 − 10%) and a book at 9%, € 4,95 shipping. */
async function mixedOrder() {
  const product = await createProduct(db, { categoryId: shop.category.id, slug: 'book' });
  const book = await createVariant(db, { productId: product.id, sku: 'BOOK-1', priceCents: 1995 });
  return insertOrder(db, {
    channel: 'web',
    stockLocationId: shop.warehouse.id,
    shippingCents: 495,
    lines: [
      { variantId: shop.variant.id, quantity: 2, unitPriceCents: 5000, discountCents: 1000 },
      { variantId: book.id, quantity: 1, unitPriceCents: 1995, vatRateBp: 900 },
    ],
    handedOverAt: NOW,
  });
}

describe('issueCreditNote', () => {
  it("a cancelled paid order's full refund: the invoice negated per rate (shipping included), own gapless series, once", async () => {
    const order = await mixedOrder();
    const note = await issueCreditNote(db, { orderId: order.id, returnId: null, shippingCents: 495, now: NOW });
    const [invoice] = await db.select().from(invoices).where(eq(invoices.kind, 'invoice'));
    expect(note).toMatchObject({ number: 'C-2026-000001', totalCents: -order.totalCents, vatCents: -order.vatCents, correctsInvoiceId: invoice.id, correctsInvoiceNumber: invoice.number });
    expect(note.vatBreakdown).toEqual(order.vatBreakdown.map((v) => ({ rateBp: v.rateBp, grossCents: -v.grossCents, vatCents: -v.vatCents })));
    expect(await issueCreditNote(db, { orderId: order.id, returnId: null, shippingCents: 495, now: NOW })).toMatchObject({ id: note.id });
    expect(invoice.number).toMatch(/^F-2026-/);
  });

  it('the PDF says credit note / creditnota, names the corrected invoice and the RMA, with negative amounts', async () => {
    const order = await mixedOrder();
    const admin = await createStaff(db, { role: 'admin', email: 'admin@example.com' });
    const made = await createReturn(db, { orderId: order.id, method: 'post', locationId: shop.warehouse.id, lines: [{ orderLineId: order.lineIds[0], quantity: 1, reason: 'too_small' }], receiveNow: true, actor: admin, idempotencyKey: randomUUID(), now: NOW });
    const note = await issueCreditNote(db, { orderId: order.id, returnId: made.returnId, lines: [{ refundCents: 4500, vatRateBp: 2100, vatCents: 781 }], shippingCents: 0, now: NOW });
    const [invoice] = await db.select().from(invoices).where(eq(invoices.kind, 'invoice'));
    for (const locale of ['en', 'nl'] as const) {
      const pdf = await renderInvoicePdf(db, note.id, locale);
      const text = pdfTextRuns(pdf).join(' ');
      expect(text).toContain(locale === 'en' ? 'CREDIT NOTE' : 'CREDITNOTA');
      expect(text).toContain(note.number);
      expect(text).toContain(invoice.number);
      expect(text).toContain(made.number);
      expect(text).toMatch(/-€\s?45[.,]00/);
      expect(text).not.toContain('BOOK-1');
    }
  });
});
