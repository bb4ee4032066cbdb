import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  pgEnum,
  pgSequence,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { timestamps } from './common';
import { customers, users } from './identity';
import { locations } from './locations';
import { orderLines, orders } from './orders';
import { paymentMethod, payments } from './payments';
import { tillSessions } from './till';

/**
 * requested → in_transit (posted by the customer) → received (at a counter or the warehouse) → refunded →
 * closed; a request that never arrives can be cancelled. A counter return is requested and received at once.
 */
export const returnStatus = pgEnum('return_status', ['requested', 'in_transit', 'received', 'refunded', 'closed', 'cancelled']);
/** How the goods come back: handed in at the counter of a store, or sent by post to the warehouse. */
export const returnMethod = pgEnum('return_method', ['counter', 'post']);
export const returnReason = pgEnum('return_reason', [
  'too_small',
  'too_large',
  'not_as_expected',
  'damaged',
  'wrong_item',
  'changed_mind',
  'other',
]);
/** resellable → restocked at the receiving location; damaged → written off (a zero-delta ledger row). */
export const returnCondition = pgEnum('return_condition', ['resellable', 'damaged']);

/** RMA numbers (R-100001…), one sequence for every channel. */
export const returnNumberSeq = pgSequence('return_number_seq', { startWith: 100001 });

/** A return of (part of) one order, in whatever channel it was bought and wherever it comes back. */
export const returns = pgTable(
  'returns',
  {
    id: uuid().primaryKey().defaultRandom(),
    number: text().notNull(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: 'restrict' }),
    customerId: integer().references(() => customers.id, { onDelete: 'set null' }),
    method: returnMethod().notNull(),
    status: returnStatus().notNull(),
    // Where the goods are received: the counter's store, or the warehouse for a posted return.
    // Null for a return started online "in a store" until a counter receives it.
    locationId: integer().references(() => locations.id),
    // Outside the return window: allowed only by an admin's recorded override.
    windowOverrideByUserId: integer().references(() => users.id, { onDelete: 'set null' }),
    windowOverrideReason: text(),
    // Σ refund of the lines (+ shipping when the whole order came back), what the customer gets back.
    refundTotalCents: integer().notNull().default(0),
    shippingRefundCents: integer().notNull().default(0),
    // An exchange at the counter: the replacement goods are sold on this order (same transaction).
    exchangeOrderId: uuid().references(() => orders.id, { onDelete: 'set null' }),
    requestedByUserId: integer().references(() => users.id, { onDelete: 'set null' }),
    receivedByUserId: integer().references(() => users.id, { onDelete: 'set null' }),
    requestedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    receivedAt: timestamp({ withTimezone: true }),
    refundedAt: timestamp({ withTimezone: true }),
    closedAt: timestamp({ withTimezone: true }),
    note: text(),
    idempotencyKey: text().notNull(),
    requestHash: text(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('returns_number_idx').on(t.number),
    uniqueIndex('returns_idempotency_key_idx').on(t.idempotencyKey),
    index('returns_order_id_idx').on(t.orderId),
    index('returns_customer_id_idx').on(t.customerId),
    index('returns_status_location_idx').on(t.status, t.locationId),
    // Analytics and the dashboard tell exchange orders by this column.
    index('returns_exchange_order_id_idx').on(t.exchangeOrderId),
    check('returns_refund_nonnegative', sql`${t.refundTotalCents} >= 0 and ${t.shippingRefundCents} >= 0`),
  ],
);

/**
 * One order line (part) coming back. refundCents is what was PAID for these units (the line's discounted
 * total, pro rata), fixed when the return is made so later price changes never move it.
 */
export const returnLines = pgTable(
  'return_lines',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    returnId: uuid()
      .notNull()
      .references(() => returns.id, { onDelete: 'cascade' }),
    orderLineId: integer()
      .notNull()
      .references(() => orderLines.id, { onDelete: 'restrict' }),
    quantity: integer().notNull(),
    reason: returnReason().notNull(),
    reasonNote: text(),
    // Set when received.
    condition: returnCondition(),
    refundCents: integer().notNull(),
    vatRateBp: integer().notNull(),
    vatCents: integer().notNull(),
  },
  (t) => [
    index('return_lines_return_id_idx').on(t.returnId),
    index('return_lines_order_line_id_idx').on(t.orderLineId),
    check('return_lines_quantity_positive', sql`${t.quantity} > 0`),
    check('return_lines_refund_nonnegative', sql`${t.refundCents} >= 0`),
  ],
);

export const refundStatus = pgEnum('refund_status', ['pending', 'succeeded', 'failed']);

/**
 * Money going back: to the original payment through its provider (or back onto the points / store credit
 * it came from), in cash from a till, on the card terminal, or as store credit. A return or a cancelled
 * paid order can have several (one per original payment method it is split over).
 */
export const refunds = pgTable(
  'refunds',
  {
    id: uuid().primaryKey().defaultRandom(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: 'restrict' }),
    returnId: uuid().references(() => returns.id, { onDelete: 'set null' }),
    // The original payment this refunds (provider, card terminal, points, store credit); null for cash/store credit issued anew.
    paymentId: uuid().references(() => payments.id, { onDelete: 'set null' }),
    method: paymentMethod().notNull(),
    status: refundStatus().notNull().default('pending'),
    amountCents: integer().notNull(),
    providerReference: text(),
    // Cash refunds: the till session whose drawer paid it out.
    tillSessionId: integer().references(() => tillSessions.id, { onDelete: 'set null' }),
    actorUserId: integer().references(() => users.id, { onDelete: 'set null' }),
    failureReason: text(),
    idempotencyKey: text().notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('refunds_idempotency_key_idx').on(t.idempotencyKey),
    uniqueIndex('refunds_provider_reference_idx').on(t.providerReference),
    index('refunds_order_id_idx').on(t.orderId),
    index('refunds_return_id_idx').on(t.returnId),
    index('refunds_till_session_id_idx').on(t.tillSessionId),
    // Net sales over a date range read refunds by when they were made.
    index('refunds_created_at_idx').on(t.createdAt),
    check('refunds_amount_positive', sql`${t.amountCents} > 0`),
  ],
);

export const storeCreditEntryKind = pgEnum('store_credit_entry_kind', ['issue', 'spend', 'expire', 'reversal', 'adjustment']);

/**
 * Store credit per customer: the balance beside its ledger, spent by one conditional UPDATE
 * (`balance_cents >= amount`), the CHECK as the last line of defence.
 * Invariant: balance_cents = Σ store_credit_entries.amount_cents for the customer.
 */
export const storeCreditAccounts = pgTable(
  'store_credit_accounts',
  {
    customerId: integer()
      .primaryKey()
      .references(() => customers.id, { onDelete: 'cascade' }),
    balanceCents: integer().notNull().default(0),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('store_credit_accounts_balance_nonnegative', sql`${t.balanceCents} >= 0`)],
);

export const storeCreditEntries = pgTable(
  'store_credit_entries',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    customerId: integer()
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    kind: storeCreditEntryKind().notNull(),
    amountCents: integer().notNull(),
    orderId: uuid().references(() => orders.id, { onDelete: 'set null' }),
    refundId: uuid().references(() => refunds.id, { onDelete: 'set null' }),
    // Issue entries: when the unspent part of this credit expires (null = never).
    expiresAt: timestamp({ withTimezone: true }),
    // Issue entries: the part still unspent (spending and expiry use up the oldest issue first).
    remainingCents: integer(),
    actorUserId: integer().references(() => users.id, { onDelete: 'set null' }),
    reason: text(),
    idempotencyKey: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('store_credit_entries_customer_id_idx').on(t.customerId, t.createdAt),
    index('store_credit_entries_expiry_idx').on(t.expiresAt).where(sql`${t.kind} = 'issue' and ${t.remainingCents} > 0`),
    uniqueIndex('store_credit_entries_idempotency_key_idx').on(t.idempotencyKey),
    check('store_credit_entries_amount_nonzero', sql`${t.amountCents} <> 0`),
    check('store_credit_entries_remaining', sql`${t.remainingCents} is null or ${t.remainingCents} >= 0`),
  ],
);

export type Return = typeof returns.$inferSelect;
export type ReturnLine = typeof returnLines.$inferSelect;
export type ReturnStatus = (typeof returnStatus.enumValues)[number];
export type ReturnReason = (typeof returnReason.enumValues)[number];
export type ReturnCondition = (typeof returnCondition.enumValues)[number];
export type Refund = typeof refunds.$inferSelect;
export type StoreCreditEntry = typeof storeCreditEntries.$inferSelect;
export type StoreCreditEntryKind = (typeof storeCreditEntryKind.enumValues)[number];
