import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { customers, users } from './identity';
import { orders } from './orders';

export const loyaltyEntryKind = pgEnum('loyalty_entry_kind', ['earn', 'redeem', 'reversal', 'adjustment']);

/**
 * The balance per customer, kept beside the ledger so spending is one conditional UPDATE
 * (`balance >= points`) that two tills cannot both win; the CHECK is the last line of defence.
 * Invariant: balance = sum(loyalty_entries.points) for the customer.
 */
export const loyaltyAccounts = pgTable(
  'loyalty_accounts',
  {
    customerId: integer()
      .primaryKey()
      .references(() => customers.id, { onDelete: 'cascade' }),
    balance: integer().notNull().default(0),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('loyalty_accounts_balance_nonnegative', sql`${t.balance} >= 0`)],
);

/** The ledger: points earned (+), redeemed (−), reversed (−/+) and adjusted by an admin (±, with a reason). */
export const loyaltyEntries = pgTable(
  'loyalty_entries',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    customerId: integer()
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    kind: loyaltyEntryKind().notNull(),
    points: integer().notNull(),
    orderId: uuid().references(() => orders.id, { onDelete: 'set null' }),
    actorUserId: integer().references(() => users.id, { onDelete: 'set null' }),
    reason: text(),
    // e.g. 'earn:<orderId>', 'reverse:<orderId>', 'redeem:<paymentKey>': a repeated cause changes nothing.
    idempotencyKey: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('loyalty_entries_customer_id_idx').on(t.customerId, t.createdAt),
    index('loyalty_entries_order_id_idx').on(t.orderId),
    uniqueIndex('loyalty_entries_idempotency_key_idx').on(t.idempotencyKey),
    check('loyalty_entries_points_nonzero', sql`${t.points} <> 0`),
  ],
);

export type LoyaltyEntry = typeof loyaltyEntries.$inferSelect;
export type LoyaltyEntryKind = (typeof loyaltyEntryKind.enumValues)[number];
