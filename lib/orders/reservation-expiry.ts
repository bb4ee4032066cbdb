import { and, asc, eq, lt, min } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { orders } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import type { BatchResult, Job } from '@/lib/jobs/runner';
import { getSetting } from '@/lib/settings/settings';
import { SYSTEM_ACTOR, transitionOrder } from './transition-order';

const BATCH_SIZE = 20;
export const RESERVATION_EXPIRED_NOTE = 'reservation expired';

const unpaidWebOrders = and(eq(orders.status, 'pending_payment'), eq(orders.channel, 'web'));

/**
 * Cancels web orders that are still unpaid after the hold time (setting 'reservations'), releasing
 * their reserved stock, each with a 'cancelled' event (note: reservation expired) and its message. Due
 * orders are claimed with FOR UPDATE SKIP LOCKED, so instances running this at once never take the
 * same order, and an order whose payment webhook holds its row right now is left for the next batch.
 * A payment that still arrives afterwards is recorded as owed back (see settlePayment).
 */
export async function expireUnpaidOrders(db: DbOrTx, now = new Date()): Promise<BatchResult> {
  const { holdMinutes } = await getSetting(db, 'reservations');
  const holdMs = holdMinutes * 60_000;
  const cutoff = new Date(now.getTime() - holdMs);
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: orders.id })
      .from(orders)
      .where(and(unpaidWebOrders, lt(orders.placedAt, cutoff)))
      .orderBy(asc(orders.placedAt))
      .limit(BATCH_SIZE)
      .for('update', { skipLocked: true });
    let handled = 0;
    for (const order of due) {
      try {
        await transitionOrder(tx, { orderId: order.id, to: 'cancelled', actor: SYSTEM_ACTOR, note: RESERVATION_EXPIRED_NOTE });
        handled++;
      } catch (error) {
        // Paid or cancelled in between (its own savepoint rolled back): nothing left to expire.
        if (!(error instanceof DomainError)) throw error;
      }
    }
    const [next] = await tx.select({ placedAt: min(orders.placedAt) }).from(orders).where(unpaidWebOrders);
    // Not sooner than a few seconds: an order that could not be cancelled just now is not retried in a loop.
    const nextDueAt = next?.placedAt ? new Date(Math.max(new Date(next.placedAt).getTime() + holdMs, now.getTime() + 5_000)) : null;
    return { handled, nextDueAt };
  });
}

/** The job: a batch when woken, at the next order's due time, or every minute. */
export function createReservationExpiryJob(): Job {
  return { name: 'reservation_expiry', pollMs: 60_000, runBatch: ({ db }) => expireUnpaidOrders(db) };
}
