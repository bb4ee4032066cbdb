import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from './common';
import { orders } from './orders';
import { tillSessions } from './till';

export const paymentMethod = pgEnum('payment_method', [
  'test_provider',
  'cash',
  'card_terminal',
  'loyalty_points',
  // Mollie (iDEAL, card, Bancontact…): the method the shopper chose is in providerMethod.
  'mollie',
  'store_credit',
]);
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
    // The provider's own method for this payment, e.g. 'ideal', 'creditcard', 'bancontact' (Mollie).
    providerMethod: text(),
    // Cash: the Dutch 5-cent rounding of what was due (amountCents = due + roundingCents, ±2 cents);
    // the order counts amountCents − roundingCents as paid. Always 0 for other methods.
    roundingCents: integer().notNull().default(0),
    // Refunded so far (Σ succeeded + pending refunds of this payment), raised by a conditional UPDATE.
    refundedCents: integer().notNull().default(0),
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
    check('payments_refunded_within_amount', sql`${t.refundedCents} >= 0 and ${t.refundedCents} <= ${t.amountCents}`),
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
