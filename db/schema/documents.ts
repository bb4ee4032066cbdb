import { sql } from 'drizzle-orm';
import { type AnyPgColumn, check, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from './common';
import { users } from './identity';
import { orders, type VatLineSnapshot } from './orders';
import { returns } from './returns';

/** Shop settings edited in the admin console (seller's legal details, hold times…), one JSON value per key. */
export const settings = pgTable('settings', {
  key: text().primaryKey(),
  value: jsonb().$type<unknown>().notNull(),
  updatedByUserId: integer().references(() => users.id, { onDelete: 'set null' }),
  ...timestamps,
});

export const invoiceKind = pgEnum('invoice_kind', ['invoice', 'credit_note']);

/**
 * Invoices and credit notes. Numbers are gapless per series and year (Dutch tax law): drawn from
 * invoice_counters with a conditional update in the transaction that issues the document, so a rolled
 * back issue leaves no hole. The seller's details are a snapshot of the settings at issue time.
 */
export const invoices = pgTable(
  'invoices',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    number: text().notNull(),
    kind: invoiceKind().notNull().default('invoice'),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: 'restrict' }),
    // Credit notes: the invoice they correct.
    correctsInvoiceId: integer().references((): AnyPgColumn => invoices.id, { onDelete: 'restrict' }),
    // Credit notes: the return they refund (null for a refund of a whole cancelled order).
    returnId: uuid().references(() => returns.id, { onDelete: 'restrict' }),
    // Credit notes: the VAT per rate of what is credited (negative amounts, mirroring the invoice's).
    vatBreakdown: jsonb().$type<VatLineSnapshot[]>(),
    issuedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    totalCents: integer().notNull(),
    vatCents: integer().notNull(),
    seller: jsonb().$type<Record<string, string>>().notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('invoices_number_idx').on(t.number),
    uniqueIndex('invoices_order_id_invoice_idx').on(t.orderId).where(sql`${t.kind} = 'invoice'`),
    index('invoices_order_id_idx').on(t.orderId),
    uniqueIndex('invoices_return_id_credit_note_idx').on(t.returnId).where(sql`${t.kind} = 'credit_note'`),
  ],
);

/** The last number used per series ('F' invoices, 'C' credit notes) and year. */
export const invoiceCounters = pgTable(
  'invoice_counters',
  {
    series: text().notNull(),
    year: integer().notNull(),
    last: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.series, t.year] }), check('invoice_counters_last_nonnegative', sql`${t.last} >= 0`)],
);

export type Invoice = typeof invoices.$inferSelect;
