import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from './common';
import { customers } from './identity';
import { orders } from './orders';

export const notificationChannel = pgEnum('notification_channel', ['email', 'sms']);
export const notificationStatus = pgEnum('notification_status', ['pending', 'sending', 'sent', 'failed', 'dead']);

/**
 * The outbox (DESIGN invariant 8): a message to send, written in the same transaction as its cause and
 * delivered by the job runner (claimed with FOR UPDATE SKIP LOCKED and a lease), retried with back-off
 * until sent or dead. `causeKey` + channel is unique, so a repeated cause never sends twice.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid().primaryKey().defaultRandom(),
    causeKey: text().notNull(),
    channel: notificationChannel().notNull(),
    // An email address, or a phone number in E.164.
    recipient: text().notNull(),
    templateKey: text().notNull(),
    locale: text().$type<'nl' | 'en'>().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    status: notificationStatus().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    // The lease of the worker sending it: after it expires another worker may take the row over.
    lockedBy: text(),
    lockedUntil: timestamp({ withTimezone: true }),
    lastError: text(),
    providerMessageId: text(),
    // What was sent, as rendered at the (last) attempt, for the admin outbox.
    subject: text(),
    bodyText: text(),
    bodyHtml: text(),
    customerId: integer().references(() => customers.id, { onDelete: 'set null' }),
    orderId: uuid().references(() => orders.id, { onDelete: 'set null' }),
    sentAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('notifications_cause_key_channel_idx').on(t.causeKey, t.channel),
    index('notifications_status_next_attempt_at_idx').on(t.status, t.nextAttemptAt),
    index('notifications_order_id_idx').on(t.orderId),
    index('notifications_customer_id_idx').on(t.customerId),
    index('notifications_created_at_idx').on(t.createdAt),
    check('notifications_attempts_nonnegative', sql`${t.attempts} >= 0`),
  ],
);

export type Notification = typeof notifications.$inferSelect;
export type NotificationStatus = (typeof notificationStatus.enumValues)[number];
