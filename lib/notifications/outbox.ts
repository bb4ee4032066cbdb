import type { DbOrTx } from '@/db/client';
import { notifications } from '@/db/schema';
import { wakeJob } from '@/lib/jobs/runner';

/** The delivery job's name (and, prefixed with `jobs_`, its wake-up channel). */
export const DELIVERY_JOB = 'notification_delivery';

export interface NotificationInput {
  /**
   * What caused it, unique per cause: e.g. `order:<id>:ready_for_pickup`, `thread:<id>:message:<n>`.
   * With the channel it is the row's unique key, so a repeated cause never sends twice.
   */
  causeKey: string;
  channel: 'email' | 'sms';
  /** An email address, or a phone number already normalised to E.164. */
  recipient: string;
  templateKey: string;
  locale: 'nl' | 'en';
  /** What the template needs; no secrets beyond what the message itself carries. */
  payload: Record<string, unknown>;
  customerId?: number | null;
  orderId?: string | null;
}

/**
 * Writes a message to the outbox in the caller's transaction (DESIGN invariant 8): it exists if and
 * only if its cause committed. The delivery job is woken on commit. Returns false when this cause was
 * already queued for this channel (nothing written).
 */
export async function enqueueNotification(db: DbOrTx, input: NotificationInput): Promise<boolean> {
  const rows = await db
    .insert(notifications)
    .values({
      causeKey: input.causeKey,
      channel: input.channel,
      recipient: input.recipient,
      templateKey: input.templateKey,
      locale: input.locale,
      payload: input.payload,
      customerId: input.customerId ?? null,
      orderId: input.orderId ?? null,
    })
    .onConflictDoNothing({ target: [notifications.causeKey, notifications.channel] })
    .returning({ id: notifications.id });
  if (rows.length > 0) await wakeJob(db, DELIVERY_JOB);
  return rows.length > 0;
}
