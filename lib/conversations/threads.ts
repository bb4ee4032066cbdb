import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { conversationThreads, customers } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import type { OrderDetailDto } from '@/lib/orders/queries';
import { threadRefColumns, type ThreadRef } from './access';

// Finding or starting a thread. One per customer (unique index), one per guest order; concurrent first
// messages both land in the same thread (insert … on conflict do nothing, then read).

/** The store that looks after questions about an order: its pickup store, or the store it was bought in. */
export function orderStoreId(order: Pick<OrderDetailDto, 'channel' | 'fulfilment' | 'stockLocation' | 'pickupLocation'>): number | null {
  if (order.fulfilment === 'pickup') return order.pickupLocation?.id ?? null;
  if (order.channel === 'store') return order.stockLocation.id;
  return null;
}

/** The customer's thread (locked for the caller's transaction with `lock`); null when they have none yet. */
export async function findCustomerThread(db: DbOrTx, customerId: number, lock = false): Promise<ThreadRef | null> {
  const query = db.select(threadRefColumns).from(conversationThreads).where(eq(conversationThreads.customerId, customerId));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

/** A guest order's thread (locked with `lock`); null when there is none yet. */
export async function findGuestThread(db: DbOrTx, orderId: string, lock = false): Promise<ThreadRef | null> {
  const query = db
    .select(threadRefColumns)
    .from(conversationThreads)
    .where(and(eq(conversationThreads.orderId, orderId), isNull(conversationThreads.customerId)));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

/**
 * The customer's thread, started when there is none: at `storeId` (the order written about), else at
 * the customer's preferred store, else unassigned. DomainError('notFound') for an unknown customer.
 */
export async function getOrCreateCustomerThread(db: DbOrTx, customerId: number, storeId: number | null): Promise<ThreadRef> {
  const existing = await findCustomerThread(db, customerId, true);
  if (existing) return existing;
  const [customer] = await db
    .select({ preferredLocationId: customers.preferredLocationId })
    .from(customers)
    .where(eq(customers.id, customerId));
  if (!customer) throw new DomainError('notFound');
  await db
    .insert(conversationThreads)
    .values({ customerId, locationId: storeId ?? customer.preferredLocationId })
    .onConflictDoNothing();
  const thread = await findCustomerThread(db, customerId, true);
  if (!thread) throw new Error(`thread of customer ${customerId} vanished`);
  return thread;
}

/** A guest order's thread (answers go to the order's email), started when there is none. */
export async function getOrCreateGuestThread(
  db: DbOrTx,
  order: Pick<OrderDetailDto, 'id' | 'email'>,
  storeId: number | null,
): Promise<ThreadRef> {
  const existing = await findGuestThread(db, order.id, true);
  if (existing) return existing;
  await db
    .insert(conversationThreads)
    .values({ orderId: order.id, email: order.email, locationId: storeId })
    .onConflictDoNothing();
  const thread = await findGuestThread(db, order.id, true);
  if (!thread) throw new Error(`thread of guest order ${order.id} vanished`);
  return thread;
}
