import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { orders, payments, refunds } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { createShop, resetDatabase } from '@/lib/testing/fixtures';
import { startMollieFake, type MollieFake } from './mollie-fake';
import { centsToValue, createMollieProvider, valueToCents } from './mollie-provider';
import { startPayment } from './mutations';
import { placePendingOrder } from './payment-test-helpers';
import type { PaymentProvider } from './provider';
import { refundPayment } from './refunds';
import { getPaymentProvider } from './select';
import { handlePaymentWebhook } from './webhook';

// The fake speaks HTTPS with a throwaway self-signed certificate (the official client refuses plain
// HTTP): this test process — and only it — accepts that certificate.
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';

let handle: DbHandle;
let db: Db;
let fake: MollieFake;
let mollie: PaymentProvider;
let shop: Awaited<ReturnType<typeof createShop>>;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  fake = await startMollieFake();
  mollie = createMollieProvider({ apiKey: fake.apiKey, apiEndpoint: fake.endpoint, baseUrl: 'https://shop.example' });
});
afterAll(async () => {
  await fake?.close();
  await handle?.close();
});
beforeEach(async () => {
  await resetDatabase(db);
  shop = await createShop(db);
});

const webhook = (id: string) => handlePaymentWebhook(db, { rawBody: fake.webhookBody(id), headers: new Headers({ 'content-type': 'application/x-www-form-urlencoded' }) }, mollie);

async function orderPaidWithMollie() {
  const order = await placePendingOrder(db, shop);
  const started = await startPayment(db, { orderId: order.orderId, method: 'ideal' }, mollie);
  fake.setPaymentStatus(started.providerReference, 'paid', 'ideal');
  expect(await webhook(started.providerReference)).toEqual({ status: 200, body: { received: true, result: 'succeeded' } });
  return { order, started };
}

describe('Mollie adapter against the local fake', () => {
  it('creates the payment for what is due, with the chosen method, our webhook and return URLs', async () => {
    const order = await placePendingOrder(db, shop);
    const started = await startPayment(db, { orderId: order.orderId, method: 'bancontact' }, mollie);
    expect(started.checkoutUrl).toMatch(/^https:\/\/www\.mollie\.com\/checkout\//);
    const sent = fake.payments.get(started.providerReference)!;
    expect(sent.amount).toEqual({ currency: 'EUR', value: centsToValue(order.totalCents) });
    expect(sent.method).toBe('bancontact');
    expect(sent.webhookUrl).toBe('https://shop.example/api/payments/webhook?provider=mollie');
    expect(sent.redirectUrl).toBe(`https://shop.example/orders/${order.orderId}`);
    const [row] = await db.select().from(payments).where(eq(payments.id, started.paymentId));
    expect(row).toMatchObject({ method: 'mollie', status: 'pending', providerMethod: 'bancontact', amountCents: order.totalCents });
  });

  it('webhook: paid (fetched from Mollie) pays the order once; a replay changes nothing', async () => {
    const { order, started } = await orderPaidWithMollie();
    const [o] = await db.select({ status: orders.status }).from(orders).where(eq(orders.id, order.orderId));
    expect(o.status).toBe('paid');
    expect((await webhook(started.providerReference)).body).toEqual({ received: true, result: 'duplicate' });
    const [row] = await db.select({ status: payments.status, providerMethod: payments.providerMethod }).from(payments).where(eq(payments.id, started.paymentId));
    expect(row).toEqual({ status: 'succeeded', providerMethod: 'ideal' });
  });

  it('webhook: failed leaves the order waiting; still open is nothing to do; an unknown or malformed id is refused', async () => {
    const order = await placePendingOrder(db, shop);
    const started = await startPayment(db, { orderId: order.orderId }, mollie);
    expect((await webhook(started.providerReference)).body).toEqual({ received: true, result: 'none' });
    fake.setPaymentStatus(started.providerReference, 'failed');
    expect((await webhook(started.providerReference)).body).toEqual({ received: true, result: 'failed' });
    const [o] = await db.select({ status: orders.status }).from(orders).where(eq(orders.id, order.orderId));
    expect(o.status).toBe('pending_payment');
    expect((await webhook('tr_doesnotexist')).status).toBe(401);
    expect((await handlePaymentWebhook(db, { rawBody: 'id=../../etc', headers: new Headers() }, mollie)).status).toBe(400);
  });

  it('webhook: a paid amount other than the order is an anomaly, never a paid order', async () => {
    const order = await placePendingOrder(db, shop);
    const started = await startPayment(db, { orderId: order.orderId }, mollie);
    fake.payments.get(started.providerReference)!.amount.value = centsToValue(order.totalCents - 1);
    fake.setPaymentStatus(started.providerReference, 'paid');
    expect((await webhook(started.providerReference)).body).toEqual({ received: true, result: 'anomaly' });
    const [o] = await db.select({ status: orders.status }).from(orders).where(eq(orders.id, order.orderId));
    expect(o.status).toBe('pending_payment');
  });

  it('refund: partial, then the rest; status by webhook; more than paid is refused and changes nothing', async () => {
    const { order, started } = await orderPaidWithMollie();
    const first = await refundPayment(db, { paymentId: started.paymentId, amountCents: 1000, refundId: crypto.randomUUID() }, mollie);
    expect(first.status).toBe('pending');
    fake.setRefundStatus(first.providerReference!, 'refunded');
    const settled = await webhook(started.providerReference);
    expect(settled.body).toEqual({ received: true, result: 'duplicate', refunds: ['succeeded'] });
    // The same delivery again: nothing moves.
    expect((await webhook(started.providerReference)).body).toEqual({ received: true, result: 'duplicate', refunds: ['duplicate'] });

    await expect(refundPayment(db, { paymentId: started.paymentId, amountCents: order.totalCents, refundId: crypto.randomUUID() }, mollie)).rejects.toMatchObject({ code: 'refund.exceedsPaid', values: { remaining: order.totalCents - 1000 } });
    const rest = await refundPayment(db, { paymentId: started.paymentId, amountCents: order.totalCents - 1000, refundId: crypto.randomUUID() }, mollie);
    expect(rest.status).toBe('pending');
    const [row] = await db.select({ refundedCents: payments.refundedCents }).from(payments).where(eq(payments.id, started.paymentId));
    expect(row.refundedCents).toBe(order.totalCents);
    expect(fake.payments.get(started.providerReference)!.refunds.map((r) => r.amount.value)).toEqual([centsToValue(1000), centsToValue(order.totalCents - 1000)]);
  });

  it('refund: the same refundId twice is one refund at Mollie', async () => {
    const { started } = await orderPaidWithMollie();
    const refundId = crypto.randomUUID();
    const a = await refundPayment(db, { paymentId: started.paymentId, amountCents: 500, refundId }, mollie);
    const b = await refundPayment(db, { paymentId: started.paymentId, amountCents: 500, refundId }, mollie);
    expect(b).toEqual(a);
    expect(fake.payments.get(started.providerReference)!.refunds).toHaveLength(1);
  });

  it('failure: Mollie declining a refund marks it failed and gives the amount back; a failed refund webhook does too', async () => {
    const { started } = await orderPaidWithMollie();
    fake.failNext(422);
    const declined = await refundPayment(db, { paymentId: started.paymentId, amountCents: 700, refundId: crypto.randomUUID() }, mollie);
    expect(declined.status).toBe('failed');
    let [row] = await db.select({ refundedCents: payments.refundedCents }).from(payments).where(eq(payments.id, started.paymentId));
    expect(row.refundedCents).toBe(0);

    const later = await refundPayment(db, { paymentId: started.paymentId, amountCents: 700, refundId: crypto.randomUUID() }, mollie);
    fake.setRefundStatus(later.providerReference!, 'failed');
    expect((await webhook(started.providerReference)).body).toMatchObject({ refunds: ['failed'] });
    [row] = await db.select({ refundedCents: payments.refundedCents }).from(payments).where(eq(payments.id, started.paymentId));
    expect(row.refundedCents).toBe(0);
    const states = await db.select({ status: refunds.status }).from(refunds).where(eq(refunds.paymentId, started.paymentId));
    expect(states.map((s) => s.status).sort()).toEqual(['failed', 'failed']);
  });

  it('failure: Mollie refusing to create a payment opens no attempt', async () => {
    const order = await placePendingOrder(db, shop);
    fake.failNext(422);
    await expect(startPayment(db, { orderId: order.orderId }, mollie)).rejects.toThrow();
    expect(await db.select().from(payments).where(eq(payments.orderId, order.orderId))).toEqual([]);
  });

  it('is chosen by PAYMENT_PROVIDER=mollie with MOLLIE_API_KEY; without a key it refuses to start', () => {
    expect(getPaymentProvider({}).method).toBe('test_provider');
    expect(getPaymentProvider({ PAYMENT_PROVIDER: 'mollie', MOLLIE_API_KEY: fake.apiKey, MOLLIE_API_ENDPOINT: fake.endpoint }).method).toBe('mollie');
    expect(() => getPaymentProvider({ PAYMENT_PROVIDER: 'mollie' })).toThrow(/MOLLIE_API_KEY/);
    expect(() => getPaymentProvider({ PAYMENT_PROVIDER: 'stripe' })).toThrow();
  });

  it('converts amounts without floats', () => {
    expect(centsToValue(1)).toBe('0.01');
    expect(centsToValue(123456)).toBe('1234.56');
    expect(valueToCents('1234.56')).toBe(123456);
    expect(() => valueToCents('12.3')).toThrow();
  });
});
