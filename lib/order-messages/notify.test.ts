import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { customers, invoiceCounters, invoices, notifications, orders, users } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import type { Actor } from '@/lib/identity/queries';
import { findInvoiceForOrder, shopYear } from '@/lib/invoices/issue-invoice';
import { pdfTextRuns } from '@/lib/invoices/pdf-text';
import { createDeliveryJob } from '@/lib/notifications/delivery';
import { renderNotification } from '@/lib/notifications/templates';
import type { OutgoingMessage } from '@/lib/notifications/transports/types';
import { transitionOrder } from '@/lib/orders/mutations';
import { createCustomerActor, createShop, createStaff, resetDatabase } from '@/lib/testing/fixtures';
import { counterSale, createProfile, payOnline, webOrder } from '@/lib/testing/orders';
import { verifyGuestOrderToken } from './guest-link';
import { notifyOrderEvent } from './notify';

let handle: DbHandle;
let db: Db;
let shop: Awaited<ReturnType<typeof createShop>>;
let clerk: Actor;
let admin: Actor;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
});
afterAll(() => handle?.close());
beforeEach(async () => {
  await resetDatabase(db);
  shop = await createShop(db, { warehouse: 20, storeA: 10 });
  clerk = await createStaff(db, { role: 'clerk', email: 'clerk@example.com', locationId: shop.storeA.id });
  admin = await createStaff(db, { role: 'admin', email: 'admin@example.com' });
});

/** The outbox rows of an order: "template/channel → recipient (locale)". */
async function outbox(orderId: string): Promise<string[]> {
  const rows = await db.select().from(notifications).where(eq(notifications.orderId, orderId)).orderBy(notifications.createdAt, notifications.channel);
  return rows.map((r) => `${r.templateKey}/${r.channel} → ${r.recipient} (${r.locale})`);
}

async function row(orderId: string, templateKey: string, channel = 'email') {
  const rows = await db.select().from(notifications).where(eq(notifications.orderId, orderId));
  const found = rows.find((r) => r.templateKey === templateKey && r.channel === channel);
  if (!found) throw new Error(`no ${templateKey}/${channel} row`);
  return found;
}

const ready = (orderId: string) => transitionOrder(db, { orderId, to: 'ready_for_pickup', actor: clerk });
const collect = (orderId: string) => transitionOrder(db, { orderId, to: 'collected', actor: clerk });

/** A customer with an account, a phone number and these preferences. */
async function customerWith(prefs: { email: boolean; sms: boolean; phone?: string | null; locale?: 'nl' | 'en' | null }) {
  const actor = await createCustomerActor(db, `c${Math.random().toString(36).slice(2, 8)}@example.com`);
  await db
    .update(customers)
    .set({ notifyByEmail: prefs.email, notifyBySms: prefs.sms, phone: prefs.phone === undefined ? '06 12345678' : prefs.phone, locale: prefs.locale ?? null })
    .where(eq(customers.id, actor.customerId!));
  return actor;
}

describe('notifyOrderEvent: a guest', () => {
  it('gets the confirmation by email with a signed link to the order, in the checkout’s language', async () => {
    const placed = await webOrder(db, shop, { fulfilment: 'pickup', guest: { email: 'greta@example.com', phone: '06 12345678' }, locale: 'en' });
    expect(await outbox(placed.orderId)).toEqual(['order_confirmation/email → greta@example.com (en)']);
    const { payload, causeKey } = await row(placed.orderId, 'order_confirmation');
    expect(causeKey).toBe(`order:${placed.orderId}:placed`);
    const link = new URL(String(payload.link), 'http://shop.test');
    expect(link.pathname).toBe(`/orders/${placed.orderId}/open`);
    expect(verifyGuestOrderToken(placed.orderId, link.searchParams.get('access'))).toBe(true);
    expect(payload.guestLinkExpiresAt).toEqual(expect.any(String));
  });

  it('keeps that language for later messages; SMS only for the ones that have one, to a valid number', async () => {
    const placed = await webOrder(db, shop, { fulfilment: 'pickup', guest: { email: 'greta@example.com', phone: '06 12345678' }, locale: 'en' });
    await payOnline(db, placed);
    await ready(placed.orderId);
    expect(await outbox(placed.orderId)).toEqual([
      'order_confirmation/email → greta@example.com (en)',
      'payment_received/email → greta@example.com (en)',
      'ready_for_pickup/email → greta@example.com (en)',
      'ready_for_pickup/sms → +31612345678 (en)',
    ]);
    const { payload } = await row(placed.orderId, 'ready_for_pickup', 'sms');
    expect(payload).toMatchObject({ pickupCode: expect.stringMatching(/^[A-Z0-9]{6}$/), store: { name: 'Store Amsterdam', street: 'Teststraat 1' } });
  });

  it('with a phone number that is not a valid one gets email only', async () => {
    const placed = await webOrder(db, shop, { fulfilment: 'pickup', guest: { email: 'greta@example.com', phone: '12345' } });
    await payOnline(db, placed);
    await ready(placed.orderId);
    expect(await outbox(placed.orderId)).toEqual([
      'order_confirmation/email → greta@example.com (nl)',
      'payment_received/email → greta@example.com (nl)',
      'ready_for_pickup/email → greta@example.com (nl)',
    ]);
  });
});

describe('notifyOrderEvent: the customer’s preferences', () => {
  const cases: [string, { email: boolean; sms: boolean; phone?: string | null }, string[]][] = [
    ['email only', { email: true, sms: false }, ['email']],
    ['SMS only', { email: false, sms: true }, ['sms']],
    ['email and SMS', { email: true, sms: true }, ['email', 'sms']],
    ['neither', { email: false, sms: false }, []],
    ['SMS, but no valid number: email instead', { email: false, sms: true, phone: '000' }, ['email']],
  ];
  for (const [name, prefs, channels] of cases) {
    it(`${name}: ready for pickup goes by ${channels.join(' and ') || 'nothing'}; the invoice always by email`, async () => {
      const customer = await customerWith(prefs);
      const placed = await webOrder(db, shop, { fulfilment: 'pickup', actor: customer });
      await payOnline(db, placed);
      await ready(placed.orderId);
      await collect(placed.orderId);
      const rows = await db.select().from(notifications).where(eq(notifications.orderId, placed.orderId));
      const of = (template: string) => rows.filter((r) => r.templateKey === template).map((r) => r.channel).sort();
      expect(of('ready_for_pickup')).toEqual(channels);
      // The confirmation has no SMS form: by email if wanted, else not at all.
      expect(of('order_confirmation')).toEqual(prefs.email ? ['email'] : []);
      expect(of('collected')).toEqual(['email']);
      expect(rows.every((r) => r.customerId === customer.customerId)).toBe(true);
    });
  }

  it('writes in the profile’s language, else the account’s', async () => {
    const profileEn = await customerWith({ email: true, sms: false, locale: 'en' });
    const accountEn = await customerWith({ email: true, sms: false });
    await db.update(users).set({ locale: 'en' }).where(eq(users.id, accountEn.userId));
    for (const customer of [profileEn, accountEn]) {
      const placed = await webOrder(db, shop, { fulfilment: 'delivery', actor: customer, locale: 'nl' });
      expect((await row(placed.orderId, 'order_confirmation')).locale).toBe('en');
      // A customer signs in: the link is the order page itself, no token.
      expect((await row(placed.orderId, 'order_confirmation')).payload.link).toBe(`/orders/${placed.orderId}`);
    }
  });
});

describe('notifyOrderEvent: in the transaction of its cause', () => {
  it('a failure after the event rolls back the status change, the message and the invoice together', async () => {
    const placed = await webOrder(db, shop, { fulfilment: 'pickup', guest: { email: 'greta@example.com', phone: '06 12345678' } });
    await payOnline(db, placed);
    await ready(placed.orderId);
    const before = await outbox(placed.orderId);
    const failed = db.transaction(async (tx) => {
      await transitionOrder(tx, { orderId: placed.orderId, to: 'collected', actor: clerk });
      // The collected email and the satisfaction survey (S12).
      expect((await tx.select().from(notifications).where(eq(notifications.orderId, placed.orderId))).length).toBe(before.length + 2);
      throw new Error('a later step of the same transaction failed');
    });
    await expect(failed).rejects.toThrow('a later step of the same transaction failed');
    expect(await outbox(placed.orderId)).toEqual(before);
    expect(await findInvoiceForOrder(db, placed.orderId)).toBeNull();
    expect(await db.select().from(invoiceCounters)).toEqual([]);
    const [order] = await db.select({ status: orders.status }).from(orders).where(eq(orders.id, placed.orderId));
    expect(order.status).toBe('ready_for_pickup');
  });

  it('a failed placement leaves no confirmation behind', async () => {
    const failed = db.transaction(async (tx) => {
      await webOrder(tx, shop, { fulfilment: 'delivery', guest: { email: 'greta@example.com' } });
      throw new Error('payment set-up failed');
    });
    await expect(failed).rejects.toThrow('payment set-up failed');
    expect(await db.select().from(notifications)).toEqual([]);
    expect(await db.select().from(orders)).toEqual([]);
  });

  it('a repeated event queues nothing twice (cause key per channel)', async () => {
    const placed = await webOrder(db, shop, { fulfilment: 'delivery', guest: { email: 'greta@example.com' } });
    expect(await notifyOrderEvent(db, placed.orderId, 'placed')).toEqual([]);
    expect(await outbox(placed.orderId)).toHaveLength(1);
  });
});

describe('notifyOrderEvent: messages that carry the invoice', () => {
  it('collected: issues the invoice and attaches its PDF when sent, in Dutch and English', async () => {
    const placed = await webOrder(db, shop, { fulfilment: 'pickup', guest: { email: 'greta@example.com' } });
    await payOnline(db, placed);
    await ready(placed.orderId);
    await collect(placed.orderId);
    const invoice = await findInvoiceForOrder(db, placed.orderId);
    expect(invoice?.number).toMatch(/^F-\d{4}-000001$/);
    const { payload } = await row(placed.orderId, 'collected');
    expect(payload).toMatchObject({ invoice: { id: invoice!.id, number: invoice!.number }, storeName: 'Store Amsterdam' });
    for (const locale of ['nl', 'en'] as const) {
      const out = await renderNotification('collected', locale, payload, { db });
      const [pdf] = out.attachments!;
      expect(pdf.filename).toBe(`${locale === 'nl' ? 'factuur' : 'invoice'}-${invoice!.number}.pdf`);
      expect(pdf.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdfTextRuns(pdf.content)).toContain(invoice!.number);
      expect(out.text).toContain(invoice!.number);
    }
  });

  it('the delivery job sends the collected email with the PDF and the ready SMS without attachments', async () => {
    const placed = await webOrder(db, shop, { fulfilment: 'pickup', guest: { email: 'greta@example.com', phone: '+31 6 12345678' } });
    await payOnline(db, placed);
    await ready(placed.orderId);
    await collect(placed.orderId);
    const sent: OutgoingMessage[] = [];
    const transport = { name: 'capture', send: async (m: OutgoingMessage) => (sent.push(m), { providerMessageId: m.id }) };
    const job = createDeliveryJob({ transports: { email: transport, sms: transport }, rules: { batchSize: 10 } });
    await job.runBatch({ db, workerId: 'test' });
    const bySubject = (re: RegExp) => sent.find((m) => re.test(m.subject));
    expect(bySubject(/factuur/i)?.attachments?.map((a) => a.contentType)).toEqual(['application/pdf']);
    const sms = sent.find((m) => m.channel === 'sms')!;
    expect(sms.to).toBe('+31612345678');
    expect(sms.attachments).toBeUndefined();
    expect(sms.text.length).toBeLessThanOrEqual(160);
    expect(sent.find((m) => m.channel === 'email' && /ligt klaar/.test(m.subject))?.attachments?.[0]).toMatchObject({ contentType: 'image/png', cid: 'pickup-code@omnishop' });
    const statuses = await db.select({ status: notifications.status }).from(notifications);
    expect(statuses.every((s) => s.status === 'sent')).toBe(true);
  });

  it('shipped: the tracking link from the clerk’s note, the invoice, and an SMS when wanted', async () => {
    const customer = await customerWith({ email: true, sms: true });
    const placed = await webOrder(db, shop, { fulfilment: 'delivery', actor: customer });
    await payOnline(db, placed);
    await transitionOrder(db, { orderId: placed.orderId, to: 'shipped', actor: admin, note: 'PostNL https://jouw.postnl.nl/track/3SABC123 (2 colli)' });
    const { payload } = await row(placed.orderId, 'shipped');
    expect(payload).toMatchObject({ trackingUrl: 'https://jouw.postnl.nl/track/3SABC123', invoice: { number: expect.stringMatching(/^F-/) } });
    expect((await row(placed.orderId, 'shipped', 'sms')).recipient).toBe('+31612345678');
    const out = await renderNotification('shipped', 'nl', payload, { db });
    expect(out.attachments?.[0].contentType).toBe('application/pdf');
  });

  it('cancelled: says whether money comes back', async () => {
    const paid = await webOrder(db, shop, { fulfilment: 'delivery', guest: { email: 'a@example.com' } });
    await payOnline(db, paid);
    const unpaid = await webOrder(db, shop, { fulfilment: 'delivery', guest: { email: 'b@example.com' } });
    for (const o of [paid, unpaid]) await transitionOrder(db, { orderId: o.orderId, to: 'cancelled', actor: admin });
    expect((await row(paid.orderId, 'cancelled')).payload.refund).toBe(true);
    expect((await row(unpaid.orderId, 'cancelled')).payload.refund).toBe(false);
  });

  it('a counter sale is always invoiced; the receipt goes by email only to a known customer with an address', async () => {
    const known = await createProfile(db, { name: 'Piet Klant', email: 'piet@example.com', notifyByEmail: false, locale: 'en' });
    const noEmail = await createProfile(db, { name: 'Zonder Mail' });
    const toKnown = await counterSale(db, shop, clerk, known.id);
    const toNoEmail = await counterSale(db, shop, clerk, noEmail.id);
    const anonymous = await counterSale(db, shop, clerk);
    expect(await outbox(toKnown.orderId)).toEqual(['counter_receipt/email → piet@example.com (en)']);
    expect(await outbox(toNoEmail.orderId)).toEqual([]);
    expect(await outbox(anonymous.orderId)).toEqual([]);
    const year = shopYear(new Date());
    expect((await db.select().from(invoices)).map((i) => i.number).sort()).toEqual([1, 2, 3].map((n) => `F-${year}-00000${n}`));
    const out = await renderNotification('counter_receipt', 'en', (await row(toKnown.orderId, 'counter_receipt')).payload, { db });
    expect(out.subject).toBe('Your purchase at Store Amsterdam: receipt and invoice');
    expect(out.text).toContain('Paid with: card');
    expect(out.attachments?.[0].content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
