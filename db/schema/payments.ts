import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from './common';
import { orders } from './orders';
import { tillSessions } from './till';

export const paymentMethod = pgEnum('payment_method', ['test_provider', 'cash', 'card_terminal', 'loyalty_points']);
export const paymentStatus = pgEnum('payment_status', ['pending', 'succeeded', 'failed', 'cancelled']);

/** A payment attempt for an order: online through a provider, or at the counter. */
export const payments = pgTable(
  'payments',
  {
    id: uuid().primaryKey().defaultRandom(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    method: paymentMethod().notNull(),
    status: paymentStatus().notNull().default('pending'),
    amountCents: integer().notNull(),
    // Cash at the counter: what the customer handed over and the change given back.
    tenderedCents: integer(),
    changeCents: integer(),
    providerReference: text(),
    idempotencyKey: text().notNull(),
    // Captured although the order could no longer take it (e.g. cancelled meanwhile): owed back.
    refundDue: boolean().notNull().default(false),
    // Counter payments: the till session whose drawer took the money.
    tillSessionId: integer().references(() => tillSessions.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('payments_idempotency_key_idx').on(t.idempotencyKey),
    uniqueIndex('payments_provider_reference_idx').on(t.providerReference),
    index('payments_order_id_idx').on(t.orderId),
    index('payments_till_session_id_idx').on(t.tillSessionId),
    check('payments_amount_nonnegative', sql`${t.amountCents} >= 0`),
  ],
);

/** Webhook deliveries already processed, so a repeated delivery changes nothing. */
export const paymentWebhookEvents = pgTable('payment_webhook_events', {
  eventId: text().primaryKey(),
  paymentId: uuid()
    .notNull()
    .references(() => payments.id, { onDelete: 'cascade' }),
  ...timestamps,
});

/**
 * Webhook outcomes that a retry cannot fix (amount mismatch, an order that cannot take the payment…):
 * recorded for an admin to resolve, and the provider is told to stop retrying.
 */
export const paymentAnomalies = pgTable(
  'payment_anomalies',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    eventId: text().notNull(),
    providerReference: text().notNull(),
    paymentId: uuid().references(() => payments.id, { onDelete: 'set null' }),
    orderId: uuid().references(() => orders.id, { onDelete: 'set null' }),
    kind: text().$type<'amount_mismatch' | 'paid_after_cancel' | 'order_not_payable' | 'unknown_payment'>().notNull(),
    detail: text(),
    resolvedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('payment_anomalies_event_id_idx').on(t.eventId),
    index('payment_anomalies_order_id_idx').on(t.orderId),
  ],
);

export type Payment = typeof payments.$inferSelect;
export type PaymentMethod = (typeof paymentMethod.enumValues)[number];
