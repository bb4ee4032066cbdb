import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { notifications } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { wakeJob } from '@/lib/jobs/runner';
import { DELIVERY_JOB } from './outbox';

/**
 * An admin sends a failed or dead message again: back to 'pending', due now, with a fresh series of
 * attempts (a dead one would otherwise die at its next failure); the delivery job is woken on commit.
 * The last error stays visible until the next attempt replaces it. Sent or in-flight messages are
 * refused ('invalidState'): retrying those would send them twice.
 */
export async function retryNotification(db: DbOrTx, id: string, actor: Actor): Promise<void> {
  if (actor.role !== 'admin') throw new DomainError('forbidden');
  await db.transaction(async (tx) => {
    const rows = await tx
      .update(notifications)
      .set({ status: 'pending', nextAttemptAt: sql`now()`, attempts: 0, lockedBy: null, lockedUntil: null, updatedAt: sql`now()` })
      .where(and(eq(notifications.id, id), inArray(notifications.status, ['failed', 'dead'])))
      .returning({ id: notifications.id });
    if (rows.length === 0) {
      const [exists] = await tx.select({ id: notifications.id }).from(notifications).where(eq(notifications.id, id));
      throw new DomainError(exists ? 'notificationNotRetryable' : 'notFound');
    }
    await wakeJob(tx, DELIVERY_JOB);
  });
}
