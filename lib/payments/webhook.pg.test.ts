// Real concurrency needs real connections: this file runs only in the 'postgres' vitest project.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { orderEvents, orders, payments } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { addToCart, getOrCreateWebCart } from '@/lib/carts/mutations';
import { placeOrder } from '@/lib/orders/mutations';
import { createShop, resetDatabase } from '@/lib/testing/fixtures';
import { startPayment } from './mutations';
import { SIGNATURE_HEADER } from './signature';
import { buildTestWebhook } from './test-provider';
import { handlePaymentWebhook } from './webhook';

process.env.AUTH_SECRET ??= 'test-secret-for-payments-0123456789';

let handle: DbHandle;
let db: Db;
let shop: Awaited<ReturnType<typeof createShop>>;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
}, 60_000);
afterAll(() => handle?.close());
beforeEach(async () => {
  await resetDatabase(db);
  shop = await createShop(db);
});

describe('payment webhook under concurrency (PostgreSQL)', () => {
  it('applies one of 10 simultaneous deliveries of the same event; the others are duplicates', async () => {
    const { cartId } = await getOrCreateWebCart(db, {});
    await addToCart(db, { cartId, variantId: shop.variant.id, quantity: 1 });
    const order = await placeOrder(
      db,
      {
        idempotencyKey: randomUUID(),
        channel: 'web',
        fulfilment: 'pickup',
        pickupLocationId: shop.storeA.id,
        cartId,
        email: 'guest@example.com',
      },
      null,
    );
    const { providerReference } = await startPayment(db, { orderId: order.orderId });
    const webhook = buildTestWebhook({
      providerReference,
      outcome: 'succeeded',
      amountCents: order.totalCents,
    });
    const headers = new Headers({ [SIGNATURE_HEADER]: webhook.signature });

    const results = await Promise.all(
      Array.from({ length: 10 }, () => handlePaymentWebhook(db, { rawBody: webhook.rawBody, headers })),
    );
    const outcomes = results.map((r) => ('result' in r.body ? r.body.result : `${r.status}:${r.body.error}`));
    // A delivery that waited on the replaced row may answer 404; the provider retries it and gets
    // 'duplicate'. What matters: exactly one state change.
    expect(outcomes.filter((o) => o === 'succeeded')).toHaveLength(1);
    expect(outcomes.every((o) => o === 'succeeded' || o === 'duplicate' || o === '404:notFound')).toBe(true);

    const [row] = await db.select({ status: orders.status }).from(orders).where(eq(orders.id, order.orderId));
    expect(row.status).toBe('paid');
    const paid = await db.select().from(orderEvents).where(eq(orderEvents.type, 'paid'));
    expect(paid).toHaveLength(1);
    expect(await db.select().from(payments)).toHaveLength(1);
  });
});
