import { z } from 'zod';
import { notificationChannel, notificationStatus } from '@/db/schema';

/** "Retry" on a failed or dead message in /admin/outbox. */
export const retryNotificationSchema = z.object({ id: z.uuid('validation.invalid') }).strict();
export type RetryNotificationInput = z.infer<typeof retryNotificationSchema>;

export const OUTBOX_STATUSES = notificationStatus.enumValues;
export const OUTBOX_CHANNELS = notificationChannel.enumValues;

/** The admin outbox's filters from the URL: anything unknown counts as "all", a bad page as 1. */
export const outboxFilterSchema = z.object({
  status: z.enum(OUTBOX_STATUSES).optional().catch(undefined),
  channel: z.enum(OUTBOX_CHANNELS).optional().catch(undefined),
  // ASCII digits only (no "1e3", "0x10"): see lib/actions/form-numbers.ts for why not z.coerce.
  page: z.unknown().optional().transform((v) => (typeof v === 'string' && /^[0-9]{1,4}$/.test(v) ? Math.max(1, Number(v)) : 1)),
});
export type OutboxFilter = z.output<typeof outboxFilterSchema>;
