/**
 * The order messages as a mail client receives them: the delivery job renders the real
 * ready-for-pickup and collected emails and sends them with the SMTP transport to an SMTP server in
 * this process; the test parses what arrived (subject, recipient, pickup code, its QR, the invoice PDF).
 */
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { notifications, orders } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import type { Actor } from '@/lib/identity/queries';
import { findInvoiceForOrder } from '@/lib/invoices/issue-invoice';
import { pdfPageCount, pdfTextRuns } from '@/lib/invoices/pdf-text';
import { createDeliveryJob } from '@/lib/notifications/delivery';
import { transitionOrder } from '@/lib/orders/mutations';
import { createShop, createStaff, resetDatabase } from '@/lib/testing/fixtures';
import { payOnline, webOrder } from '@/lib/testing/orders';
import { smtpTransport } from './smtp';
import type { OutgoingMessage, Transport } from './types';

let handle: DbHandle;
let db: Db;
let server: SMTPServer;
let email: Transport;
let received: { to: string[]; mail: ParsedMail }[] = [];
let shop: Awaited<ReturnType<typeof createShop>>;
let clerk: Actor;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      simpleParser(stream, { keepCidLinks: true }) // the HTML as sent, not with data: URLs
        .then((mail) => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), mail });
          callback();
        })
        .catch(callback);
    },
    logger: false,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  email = smtpTransport({ url: `smtp://127.0.0.1:${port}`, from: 'Omnishop <shop@example.com>' });
});
afterAll(async () => {
  email?.close?.();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await handle?.close();
});
beforeEach(async () => {
  await resetDatabase(db);
  received = [];
  shop = await createShop(db, { warehouse: 10, storeA: 10 });
  clerk = await createStaff(db, { role: 'clerk', email: 'clerk@example.com', locationId: shop.storeA.id });
});

const SUBJECTS = {
  nl: { ready: /^Je bestelling (W-\d+) ligt klaar$/, collected: /^Je factuur voor bestelling (W-\d+)$/, code: 'Ophaalcode', invoice: 'factuur' },
  en: { ready: /^Your order (W-\d+) is ready for pickup$/, collected: /^Your invoice for order (W-\d+)$/, code: 'Pickup code', invoice: 'invoice' },
} as const;

describe('order emails over SMTP, as received', () => {
  it.each(['nl', 'en'] as const)('ready for pickup carries the code and its QR, collected the invoice PDF (%s)', async (locale) => {
    const to = `greta.${locale}@example.com`;
    const placed = await webOrder(db, shop, { fulfilment: 'pickup', guest: { email: to }, locale });
    await payOnline(db, placed);
    await transitionOrder(db, { orderId: placed.orderId, to: 'ready_for_pickup', actor: clerk });
    await transitionOrder(db, { orderId: placed.orderId, to: 'collected', actor: clerk });
    const [order] = await db.select({ number: orders.number, pickupCode: orders.pickupCode }).from(orders).where(eq(orders.id, placed.orderId));
    const invoice = await findInvoiceForOrder(db, placed.orderId);

    const sms: OutgoingMessage[] = [];
    const job = createDeliveryJob({ transports: { email, sms: { name: 'capture', send: async (m) => (sms.push(m), { providerMessageId: m.id }) } } });
    await job.runBatch({ db, workerId: 'test' });
    expect((await db.select({ status: notifications.status }).from(notifications)).every((r) => r.status === 'sent')).toBe(true);

    const s = SUBJECTS[locale];
    const ready = received.find((r) => s.ready.test(r.mail.subject ?? ''));
    expect(ready, `a ready-for-pickup mail among ${received.map((r) => r.mail.subject).join(' | ')}`).toBeDefined();
    expect(ready!.to).toEqual([to]);
    expect(ready!.mail.subject).toContain(order.number);
    expect(order.pickupCode).toMatch(/^[A-Z0-9]{6}$/);
    expect(ready!.mail.text).toContain(`${s.code}: ${order.pickupCode}`);
    // The QR is an inline PNG that the HTML shows by its Content-ID.
    const qr = ready!.mail.attachments.find((a) => a.contentType === 'image/png');
    expect(qr?.cid).toBe('pickup-code@omnishop');
    expect(qr!.content.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(ready!.mail.html).toContain('cid:pickup-code@omnishop');

    const collected = received.find((r) => s.collected.test(r.mail.subject ?? ''));
    expect(collected?.to).toEqual([to]);
    const pdfs = collected!.mail.attachments.filter((a) => a.contentType === 'application/pdf');
    expect(pdfs.map((a) => a.filename)).toEqual([`${s.invoice}-${invoice!.number}.pdf`]);
    const pdf = pdfs[0].content;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfPageCount(pdf)).toBeGreaterThanOrEqual(1);
    expect(pdfTextRuns(pdf).join('\n')).toContain(invoice!.number);
  });
});
