import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { orders, payments } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { transitionOrder } from '@/lib/orders/mutations';
import { createShop, createStaff, resetDatabase } from '@/lib/testing/fixtures';
import { startPayment } from './mutations';
import { placePendingOrder } from './payment-test-helpers';
import type { PaymentProvider } from './provider';
import { testProvider } from './test-provider';

let handle: DbHandle;
let db: Db;
let shop: Awaited<ReturnType<typeof createShop>>;
let admin: Actor;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
});
afterAll(() => handle?.close());
beforeEach(async () => {
  await resetDatabase(db);
  shop = await createShop(db);
  admin = await createStaff(db, { role: 'admin', email: 'admin@example.com' });
});

function within<T>(ms: number, promise: Promise<T>, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`${what}: still waiting after ${ms} ms`)), ms),
    ),
  ]);
}

/**
 * A provider whose call takes the order's row lock itself, without waiting: that only works while
 * startPayment holds no transaction on the order (on PostgreSQL FOR UPDATE NOWAIT fails at once; on
 * PGlite, one connection, the query would wait for the open transaction, hence the time limit).
 */
function lockProbingProvider(orderId: string): PaymentProvider & { calls: number } {
  const provider = {
    ...testProvider,
    calls: 0,
    async createPayment(input: Parameters<PaymentProvider['createPayment']>[0]) {
      provider.calls++;
      await within(
        3_000,
        db.transaction((tx) =>
          tx
            .select({ id: orders.id })
            .from(orders)
            .where(eq(orders.id, orderId))
            .for('update', { noWait: true }),
        ),
        'the order is locked during the provider call',
      );
      return testProvider.createPayment(input);
    },
  };
  return provider;
}

describe('startPayment', () => {
  it('calls the provider while holding no lock on the order, then records one pending attempt', async () => {
    const order = await placePendingOrder(db, shop);
    const provider = lockProbingProvider(order.orderId);
    const started = await startPayment(db, { orderId: order.orderId }, provider);
    expect(provider.calls).toBe(1);
    expect(started.reused).toBe(false);
    const rows = await db
      .select({ status: payments.status, reference: payments.providerReference })
      .from(payments)
      .where(eq(payments.orderId, order.orderId));
    expect(rows).toEqual([{ status: 'pending', reference: started.providerReference }]);
  });

  it('two simultaneous "Pay" clicks make one attempt: the later one reuses the first', async () => {
    const order = await placePendingOrder(db, shop);
    const [a, b] = await Promise.all([
      startPayment(db, { orderId: order.orderId }),
      startPayment(db, { orderId: order.orderId }),
    ]);
    expect(b.providerReference).toBe(a.providerReference);
    expect([a.reused, b.reused].sort()).toEqual([false, true]);
    expect(await db.select({ id: payments.id }).from(payments)).toHaveLength(1);
  });

  it('records nothing when the order was cancelled while the provider was called', async () => {
    const order = await placePendingOrder(db, shop);
    const cancelling: PaymentProvider = {
      ...testProvider,
      async createPayment(input) {
        // A clerk cancels meanwhile; that must not wait for startPayment either.
        await within(
          3_000,
          transitionOrder(db, { orderId: order.orderId, to: 'cancelled', actor: admin }),
          'cancel',
        );
        return testProvider.createPayment(input);
      },
    };
    const error = await startPayment(db, { orderId: order.orderId }, cancelling).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('invalidState');
    expect(await db.select({ id: payments.id }).from(payments)).toHaveLength(0);
  });
});
