/**
 * The satisfaction survey (S12) on a real database: the signed token (forged, tampered, reused), once per
 * order under concurrency, the survey email in the transaction of the completion, a low score noted in
 * the customer's conversation, the admin's figures per channel and store against a hand-computed fixture,
 * and "Mark followed up" (audited).
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { auditLog, conversationMessages, conversationThreads, customers, notifications, satisfactionResponses } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import type { Actor } from '@/lib/identity/queries';
import { createCustomerActor, createShop, createStaff, resetDatabase } from '@/lib/testing/fixtures';
import { callAction } from '@/lib/testing/call-action';
import { resetCaller, securityState as state } from '@/lib/security/harness';

vi.mock('@/lib/auth/session', async () => (await import('@/lib/security/harness')).sessionMock());
vi.mock('@/lib/auth/auth', async () => (await import('@/lib/security/harness')).authMock());
vi.mock('next-auth', async () => (await import('@/lib/security/harness')).nextAuthMock());
vi.mock('@/lib/i18n/translate', async () => (await import('@/lib/security/harness')).translateMock());
vi.mock('@/lib/db', async () => (await import('@/lib/security/harness')).libDbMock());
vi.mock('@/db/client', async (original) => (await import('@/lib/security/harness')).dbClientMock(await original<object>()));
vi.mock('next/cache', async () => (await import('@/lib/security/harness')).nextCacheMock());
vi.mock('next/headers', async () => (await import('@/lib/security/harness')).nextHeadersMock());

const { transitionOrder } = await import('@/lib/orders/mutations');
const { counterSale, createProfile, payOnline, webOrder } = await import('@/lib/testing/orders');
const { getOrCreateCustomerThread } = await import('@/lib/conversations/threads');
const { renderNotification } = await import('@/lib/notifications/templates');
const { findInvoiceForOrder } = await import('@/lib/invoices/issue-invoice');
const { renderInvoicePdf } = await import('@/lib/invoices/invoice-pdf');
const { pdfTextRuns } = await import('@/lib/invoices/pdf-text');
const { createSurveyToken, surveyPath, verifySurveyToken } = await import('./satisfaction-token');
const { getSurveyState, submitSatisfaction } = await import('./satisfaction');
const { listLowScores, parseSatisfactionRange, satisfactionByChannel, satisfactionByStore } = await import('./satisfaction-queries');
const { markSatisfactionFollowedUpAction, submitSatisfactionAction } = await import('./satisfaction-actions');

let handle: DbHandle;
let db: Db;
let shop: Awaited<ReturnType<typeof createShop>>;
let clerk: Actor;
let admin: Actor;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  state.db = db;
});
afterAll(() => handle?.close());
beforeEach(async () => {
  await resetDatabase(db);
  shop = await createShop(db, { warehouse: 20, storeA: 20, storeB: 5 });
  clerk = await createStaff(db, { role: 'clerk', email: 'clerk@example.com', locationId: shop.storeA.id });
  admin = await createStaff(db, { role: 'admin', email: 'admin@example.com' });
  resetCaller();
});

const responses = () => db.select().from(satisfactionResponses);
const survey = (orderId: string) => db.select().from(notifications).where(eq(notifications.orderId, orderId));
const surveyRows = async (orderId: string) => (await survey(orderId)).filter((r) => r.templateKey === 'satisfaction_survey');

/** A counter sale at store A for a profile with an email (so it gets the survey email). */
async function identifiedSale(email = `p${Math.random().toString(36).slice(2, 8)}@example.com`) {
  const profile = await createProfile(db, { email, name: 'Piet Jansen' });
  const sale = await counterSale(db, shop, clerk, profile.id);
  return { ...sale, customerId: profile.id, email };
}

/** A web home delivery as a customer, paid, shipped and delivered. */
async function deliveredWebOrder(actor: Actor) {
  const placed = await webOrder(db, shop, { fulfilment: 'delivery', actor });
  await payOnline(db, placed);
  await transitionOrder(db, { orderId: placed.orderId, to: 'shipped', actor: admin });
  await transitionOrder(db, { orderId: placed.orderId, to: 'delivered', actor: admin });
  return placed;
}

describe('the survey token', () => {
  it('verifies for its own order only; a tampered, forged or malformed token gives nothing', () => {
    const orderId = randomUUID();
    const token = createSurveyToken(orderId);
    expect(verifySurveyToken(token)).toBe(orderId);
    expect(surveyPath(orderId)).toBe(`/survey/${token}`);
    const [, signature] = token.split('.');
    const other = randomUUID();
    const flipped = signature[0] === 'A' ? `B${signature.slice(1)}` : `A${signature.slice(1)}`;
    for (const bad of [
      `${other}.${signature}`, // someone else's order with this signature
      `${orderId}.${flipped}`, // one character changed
      `${orderId}.${signature}x`,
      `${orderId}.`,
      orderId,
      'not-a-token',
      '',
      `${orderId.toUpperCase()}.${signature}`,
      `${orderId}.${'x'.repeat(300)}`,
    ]) {
      expect(verifySurveyToken(bad)).toBeNull();
    }
  });
});

describe('[SECURITY][SATISFACTION] submitSatisfactionAction', () => {
  it('refuses a forged or tampered token with a clear message and writes nothing', async () => {
    const sale = await identifiedSale();
    const token = createSurveyToken(sale.orderId);
    for (const bad of [`${sale.orderId}.forged`, `${randomUUID()}.${token.split('.')[1]}`, 'garbage']) {
      const result = await callAction(submitSatisfactionAction, { token: bad, score: '5' });
      expect(result).toEqual(
        expect.objectContaining({ ok: false, formError: 'This survey link is not valid. Please use the link from your email or the QR code on your receipt.' }),
      );
    }
    expect(await responses()).toEqual([]);
  });

  it('refuses an order that is not completed yet, and a score or comment out of range', async () => {
    const customer = await createCustomerActor(db, 'eva@example.com');
    const placed = await webOrder(db, shop, { fulfilment: 'delivery', actor: customer });
    await payOnline(db, placed);
    const result = await callAction(submitSatisfactionAction, { token: createSurveyToken(placed.orderId), score: '4' });
    expect(result).toEqual(expect.objectContaining({ ok: false, formError: 'You can answer once your order is delivered, collected or handed over.' }));
    const sale = await identifiedSale();
    const token = createSurveyToken(sale.orderId);
    for (const input of [{ token, score: '0' }, { token, score: '6' }, { token, score: 'x' }, { token, score: '3', comment: 'a'.repeat(1001) }, { token, score: '3', orderId: sale.orderId }]) {
      expect(await callAction(submitSatisfactionAction, input)).toEqual(expect.objectContaining({ ok: false }));
    }
    expect(await responses()).toEqual([]);
  });

  it('records a completed counter sale’s answer once; the same link again says "already answered" and changes nothing', async () => {
    const sale = await identifiedSale();
    const token = createSurveyToken(sale.orderId);
    expect(await getSurveyState(db, token)).toEqual(expect.objectContaining({ kind: 'open' }));
    const first = await callAction(submitSatisfactionAction, { token, score: '4', comment: '  Friendly help  ' });
    expect(first).toEqual(expect.objectContaining({ ok: true, message: 'Thank you for your answer!' }));
    const [row] = await responses();
    expect(row).toEqual(
      expect.objectContaining({ orderId: sale.orderId, customerId: sale.customerId, channel: 'store', locationId: shop.storeA.id, score: 4, comment: 'Friendly help', followedUpAt: null }),
    );
    const again = await callAction(submitSatisfactionAction, { token, score: '1', comment: 'changed my mind' });
    expect(again).toEqual(expect.objectContaining({ ok: false, formError: 'You already answered, thank you.' }));
    expect(await responses()).toEqual([row]);
    expect(await getSurveyState(db, token)).toEqual(expect.objectContaining({ kind: 'answered', score: 4 }));
  });

  it('two submits at the same time make one response', async () => {
    const sale = await identifiedSale();
    const token = createSurveyToken(sale.orderId);
    const outcomes = await Promise.allSettled([submitSatisfaction(db, { token, score: 5 }), submitSatisfaction(db, { token, score: 2 })]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const rejected = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toEqual(expect.objectContaining({ code: 'satisfaction.alreadyAnswered' }));
    expect(await responses()).toHaveLength(1);
  });
});

describe('the survey email, in the transaction of the completion', () => {
  it('a counter sale to a customer with an email queues the survey with a signed link, in nl and en', async () => {
    const sale = await identifiedSale('piet@example.com');
    const [row] = await surveyRows(sale.orderId);
    expect(row).toEqual(expect.objectContaining({ channel: 'email', recipient: 'piet@example.com', causeKey: `order:${sale.orderId}:survey` }));
    const link = String((row.payload as { surveyLink: string }).surveyLink);
    expect(link).toBe(surveyPath(sale.orderId));
    expect(verifySurveyToken(link.replace('/survey/', ''))).toBe(sale.orderId);
    for (const [locale, words] of [['en', 'How satisfied are you'], ['nl', 'Hoe tevreden ben je']] as const) {
      const rendered = await renderNotification('satisfaction_survey', locale, row.payload, { db });
      expect(rendered.subject).toContain(words);
      expect(rendered.text).toContain(link);
      expect(rendered.html).toContain(link);
    }
  });

  it('a counter sale’s invoice PDF (its printable receipt) carries the survey QR and caption; a web order’s does not', async () => {
    const sale = await identifiedSale();
    const invoice = (await findInvoiceForOrder(db, sale.orderId))!;
    const pdf = await renderInvoicePdf(db, invoice.id, 'en');
    expect(pdfTextRuns(pdf).join(' ')).toContain('How did we do? Scan to rate your purchase.');
    expect(pdf.toString('latin1')).toContain(surveyPath(sale.orderId));
    const nl = pdfTextRuns(await renderInvoicePdf(db, invoice.id, 'nl')).join(' ');
    expect(nl).toContain('Scan en beoordeel je aankoop.');
    const customer = await createCustomerActor(db, 'web@example.com');
    const web = await deliveredWebOrder(customer);
    const webInvoice = (await findInvoiceForOrder(db, web.orderId))!;
    expect(pdfTextRuns(await renderInvoicePdf(db, webInvoice.id, 'en')).join(' ')).not.toContain('How did we do?');
  });

  it('delivered and collected web orders get it; nobody without an email or who wants no email; never before completion', async () => {
    const customer = await createCustomerActor(db, 'eva@example.com');
    const delivered = await deliveredWebOrder(customer);
    expect(await surveyRows(delivered.orderId)).toHaveLength(1);

    const pickup = await webOrder(db, shop, { fulfilment: 'pickup', guest: { email: 'greta@example.com' } });
    await payOnline(db, pickup);
    await transitionOrder(db, { orderId: pickup.orderId, to: 'ready_for_pickup', actor: clerk });
    expect(await surveyRows(pickup.orderId)).toEqual([]);
    await transitionOrder(db, { orderId: pickup.orderId, to: 'collected', actor: clerk });
    expect((await surveyRows(pickup.orderId)).map((r) => r.recipient)).toEqual(['greta@example.com']);

    const anonymous = await counterSale(db, shop, clerk, null);
    expect(await surveyRows(anonymous.orderId)).toEqual([]);
    const quiet = await createProfile(db, { email: 'quiet@example.com', notifyByEmail: false });
    const quietSale = await counterSale(db, shop, clerk, quiet.id);
    expect(await surveyRows(quietSale.orderId)).toEqual([]);
  });

  it('a failure later in the completion’s transaction leaves no survey email behind', async () => {
    const pickup = await webOrder(db, shop, { fulfilment: 'pickup', guest: { email: 'greta@example.com' } });
    await payOnline(db, pickup);
    await transitionOrder(db, { orderId: pickup.orderId, to: 'ready_for_pickup', actor: clerk });
    await expect(
      db.transaction(async (tx) => {
        await transitionOrder(tx, { orderId: pickup.orderId, to: 'collected', actor: clerk });
        throw new Error('later step failed');
      }),
    ).rejects.toThrow('later step failed');
    expect(await surveyRows(pickup.orderId)).toEqual([]);
  });
});

describe('a low score', () => {
  it('is noted for staff in the customer’s existing conversation; a good score or a customer without a thread adds nothing', async () => {
    const sale = await identifiedSale();
    const thread = await getOrCreateCustomerThread(db, sale.customerId, shop.storeA.id);
    const { notedInThread } = await submitSatisfaction(db, { token: createSurveyToken(sale.orderId), score: 2, comment: 'Long wait at the till' });
    expect(notedInThread).toBe(thread.id);
    const notes = await db.select().from(conversationMessages).where(eq(conversationMessages.threadId, thread.id));
    expect(notes).toEqual([
      expect.objectContaining({ orderId: sale.orderId, author: 'staff', channel: 'in_store_note', body: expect.stringContaining('2/5. Long wait at the till') }),
    ]);

    const other = await identifiedSale();
    expect((await submitSatisfaction(db, { token: createSurveyToken(other.orderId), score: 1 })).notedInThread).toBeNull();
    const happy = await identifiedSale();
    await getOrCreateCustomerThread(db, happy.customerId, null);
    expect((await submitSatisfaction(db, { token: createSurveyToken(happy.orderId), score: 5 })).notedInThread).toBeNull();
    expect(await db.select({ id: conversationThreads.id }).from(conversationThreads)).toHaveLength(2);
    expect(await db.select().from(conversationMessages)).toHaveLength(1);
  });

  it('an admin marks it followed up (audited); a second time is a conflict; others are refused', async () => {
    const sale = await identifiedSale();
    await submitSatisfaction(db, { token: createSurveyToken(sale.orderId), score: 1, comment: 'Broken' });
    const [response] = await responses();
    for (const actor of [null, clerk]) {
      state.actor = actor;
      expect(await callAction(markSatisfactionFollowedUpAction, { responseId: String(response.id) })).toEqual(expect.objectContaining({ ok: false }));
    }
    state.actor = admin;
    expect(await callAction(markSatisfactionFollowedUpAction, { responseId: String(response.id) })).toEqual(expect.objectContaining({ ok: true }));
    const [marked] = await responses();
    expect(marked.followedUpAt).toBeInstanceOf(Date);
    const audit = await db.select().from(auditLog).where(eq(auditLog.action, 'satisfaction.followed_up'));
    expect(audit).toEqual([expect.objectContaining({ actorUserId: admin.userId, entityId: String(response.id) })]);
    expect(await callAction(markSatisfactionFollowedUpAction, { responseId: String(response.id) })).toEqual(expect.objectContaining({ ok: false }));
    expect(await callAction(markSatisfactionFollowedUpAction, { responseId: '999999' })).toEqual(
      expect.objectContaining({ ok: false, formError: 'This survey response does not exist.' }),
    );
    expect(await db.select().from(auditLog).where(eq(auditLog.action, 'satisfaction.followed_up'))).toHaveLength(1);
  });
});

describe('the figures per channel and store', () => {
  it('match a fixture computed by hand, for the range asked (both ends included)', async () => {
    const customer = await createCustomerActor(db, 'eva@example.com');
    await db.update(customers).set({ name: 'Eva de Vries' }).where(eq(customers.id, customer.customerId!));
    const inRange = new Date('2026-03-10T12:00:00Z');
    const lastDay = new Date('2026-03-31T21:30:00Z'); // 23:30 in Amsterdam, still 31 March
    const outside = new Date('2026-04-01T08:00:00Z');
    // Store A at the counter: 5, 4, 2 (+ a 1 outside the range). Web (delivered from the warehouse): 3, 1.
    const answers: { score: number; at: Date; web?: boolean; comment?: string }[] = [
      { score: 5, at: inRange },
      { score: 4, at: inRange },
      { score: 2, at: lastDay, comment: 'Slow' },
      { score: 1, at: outside },
      { score: 3, at: inRange, web: true },
      { score: 1, at: inRange, web: true, comment: 'Late parcel' },
    ];
    for (const a of answers) {
      const order = a.web ? await deliveredWebOrder(customer) : await identifiedSale();
      await submitSatisfaction(db, { token: createSurveyToken(order.orderId), score: a.score, comment: a.comment }, a.at);
    }
    const range = { from: '2026-03-01', to: '2026-03-31' };
    expect(await satisfactionByChannel(db, range)).toEqual([
      { channel: 'web', count: 2, average: 2, distribution: [1, 0, 1, 0, 0] },
      { channel: 'store', count: 3, average: 3.67, distribution: [0, 1, 0, 1, 1] },
    ]);
    expect(await satisfactionByStore(db, range)).toEqual([
      { channel: 'store', locationId: shop.storeA.id, storeName: 'Store Amsterdam', count: 3, average: 3.67, distribution: [0, 1, 0, 1, 1] },
      { channel: 'web', locationId: shop.warehouse.id, storeName: 'Warehouse', count: 2, average: 2, distribution: [1, 0, 1, 0, 0] },
    ]);
    const low = await listLowScores(db, range);
    expect(low.map((l) => [l.score, l.channel, l.comment])).toEqual([
      [2, 'store', 'Slow'],
      [1, 'web', 'Late parcel'],
    ]);
    expect(low[1]).toEqual(expect.objectContaining({ customerName: 'Eva de Vries', customerEmail: 'eva@example.com', orderNumber: expect.any(String) }));
    expect(await satisfactionByChannel(db, { from: '2026-04-01', to: '2026-04-01' })).toEqual([
      { channel: 'store', count: 1, average: 1, distribution: [1, 0, 0, 0, 0] },
    ]);
  });

  it('a reversed or malformed range is refused and the last 30 days are shown', () => {
    const now = new Date('2026-05-20T10:00:00Z');
    expect(parseSatisfactionRange({}, now)).toEqual({ range: { from: '2026-04-21', to: '2026-05-20' }, error: null });
    expect(parseSatisfactionRange({ from: '2026-05-10', to: '2026-05-01' }, now)).toEqual({ range: { from: '2026-04-21', to: '2026-05-20' }, error: 'rangeReversed' });
    expect(parseSatisfactionRange({ from: '2026-02-30', to: '2026-03-01' }, now).error).toBe('rangeInvalid');
    expect(parseSatisfactionRange({ from: '2026-05-01', to: '2026-05-01' }, now)).toEqual({ range: { from: '2026-05-01', to: '2026-05-01' }, error: null });
  });
});
