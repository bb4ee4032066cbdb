import { and, asc, eq, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { notifications, type Notification } from '@/db/schema';

// The outbox rows' life cycle in SQL. Times come from the database clock (now()), so instances whose
// clocks differ still agree on what is due and when a lease ran out.

/** The lease and attempt rules the delivery job runs with. */
export interface DeliveryRules {
  /** Rows claimed per batch, sent side by side. */
  batchSize: number;
  /** How long a claim holds; longer than any send may take (the transports time out well before). */
  leaseMs: number;
  /** After this many attempts a failing message is dead. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_DELIVERY_RULES: DeliveryRules = {
  // As many as nodemailer's pool has connections (5): no claimed row waits in a queue while its lease runs.
  batchSize: 5,
  leaseMs: 60_000,
  maxAttempts: 8,
  // 30 s, 1, 2, 4, 8, 16, 32 min (each × 0.5–1 jitter): about an hour of outage before a message is dead.
  baseDelayMs: 30_000,
  maxDelayMs: 60 * 60_000,
};

const msFromNow = (ms: number) => sql`now() + (${ms}::double precision * interval '1 millisecond')`;

/**
 * Back-off before attempt `attempts + 1`: base·2^(attempts−1), capped, times a jitter in [0.5, 1) so
 * the messages of one outage do not all come back at the same moment.
 */
export function retryDelayMs(attempts: number, rules: Pick<DeliveryRules, 'baseDelayMs' | 'maxDelayMs'>, random = Math.random): number {
  const exp = Math.min(rules.maxDelayMs, rules.baseDelayMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exp * (0.5 + 0.5 * random()));
}

const due = () =>
  or(
    and(inArray(notifications.status, ['pending', 'failed']), lte(notifications.nextAttemptAt, sql`now()`)),
    // A worker that crashed (or hung past its lease) mid-send: its row is taken over.
    and(eq(notifications.status, 'sending'), lt(notifications.lockedUntil, sql`now()`)),
  );

/**
 * Claims up to `limit` due rows for `workerId` in one short transaction: FOR UPDATE SKIP LOCKED, so
 * concurrent workers get disjoint rows, then status 'sending' with a lease and the attempt counted.
 */
export async function claimDue(db: Db, workerId: string, rules: Pick<DeliveryRules, 'batchSize' | 'leaseMs'>): Promise<Notification[]> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({ id: notifications.id })
      .from(notifications)
      .where(due())
      .orderBy(asc(notifications.nextAttemptAt))
      .limit(rules.batchSize)
      .for('update', { skipLocked: true });
    if (rows.length === 0) return [];
    return tx
      .update(notifications)
      .set({
        status: 'sending',
        lockedBy: workerId,
        lockedUntil: msFromNow(rules.leaseMs),
        attempts: sql`${notifications.attempts} + 1`,
        updatedAt: sql`now()`,
      })
      .where(inArray(notifications.id, rows.map((r) => r.id)))
      .returning();
  });
}

/** The row still held by this worker: a worker whose lease was taken over writes nothing. */
const heldBy = (id: string, workerId: string) =>
  and(eq(notifications.id, id), eq(notifications.lockedBy, workerId), eq(notifications.status, 'sending'));

/** What a message looks like on its channel (an SMS: the short text, no HTML), kept for the admin outbox. */
export interface SentContent {
  subject: string;
  text: string;
  html?: string;
}

const contentColumns = (content: SentContent | undefined) =>
  content ? { subject: content.subject, bodyText: content.text, bodyHtml: content.html ?? null } : {};

/** Marks a claimed row sent. False when this worker no longer held it. */
export async function markSent(
  db: Db,
  id: string,
  workerId: string,
  result: { providerMessageId: string; content: SentContent },
): Promise<boolean> {
  const rows = await db
    .update(notifications)
    .set({
      status: 'sent',
      sentAt: sql`now()`,
      providerMessageId: result.providerMessageId,
      ...contentColumns(result.content),
      lastError: null,
      lockedBy: null,
      lockedUntil: null,
      updatedAt: sql`now()`,
    })
    .where(heldBy(id, workerId))
    .returning({ id: notifications.id });
  return rows.length > 0;
}

/** Records a failed attempt: 'failed' with the next attempt after `retryInMs`, or 'dead'. */
export async function markFailed(
  db: Db,
  id: string,
  workerId: string,
  outcome: { dead: boolean; error: string; retryInMs: number; content?: SentContent },
): Promise<boolean> {
  const rows = await db
    .update(notifications)
    .set({
      status: outcome.dead ? 'dead' : 'failed',
      lastError: outcome.error,
      nextAttemptAt: outcome.dead ? sql`now()` : msFromNow(outcome.retryInMs),
      ...contentColumns(outcome.content),
      lockedBy: null,
      lockedUntil: null,
      updatedAt: sql`now()`,
    })
    .where(heldBy(id, workerId))
    .returning({ id: notifications.id });
  return rows.length > 0;
}

/**
 * On shutdown: rows this worker still holds go back to 'failed', due at once, so another instance
 * retries them now instead of after the lease. Never lost; and no other worker had them meanwhile.
 */
export async function releaseClaims(db: Db, workerId: string): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({
      status: 'failed',
      nextAttemptAt: sql`now()`,
      lastError: 'Interrupted by shutdown before the outcome was recorded',
      lockedBy: null,
      lockedUntil: null,
      updatedAt: sql`now()`,
    })
    .where(and(eq(notifications.status, 'sending'), eq(notifications.lockedBy, workerId)))
    .returning({ id: notifications.id });
  return rows.length;
}

/** When the next row becomes due (a retry, or a lease running out); null when nothing waits. */
export async function nextDueAt(db: Db): Promise<Date | null> {
  const [row] = await db
    .select({
      at: sql<Date | null>`min(case when ${notifications.status} = 'sending' then ${notifications.lockedUntil} else ${notifications.nextAttemptAt} end)`.mapWith(
        notifications.nextAttemptAt,
      ),
    })
    .from(notifications)
    .where(inArray(notifications.status, ['pending', 'failed', 'sending']));
  return row?.at ?? null;
}
