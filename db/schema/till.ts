import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { timestamps } from './common';
import { users } from './identity';
import { locations } from './locations';

export const tillSessionStatus = pgEnum('till_session_status', ['open', 'closed']);
export const tillMovementKind = pgEnum('till_movement_kind', ['cash_in', 'cash_out']);

/** Counted cash per denomination in cents, e.g. { "5000": 2, "200": 7 } (two €50 notes, seven €2 coins). */
export type DenominationCount = Record<string, number>;

/**
 * One till (a named cash drawer at a store, e.g. "Till 1") opened with a float and closed with a count.
 * At most one open session per till. Counter carts and payments belong to a session, so two tablets on
 * one login each have their own cart.
 */
export const tillSessions = pgTable(
  'till_sessions',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    locationId: integer()
      .notNull()
      .references(() => locations.id),
    tillName: text().notNull(),
    status: tillSessionStatus().notNull().default('open'),
    openingFloatCents: integer().notNull(),
    openedByUserId: integer().references(() => users.id, { onDelete: 'set null' }),
    openedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    closedByUserId: integer().references(() => users.id, { onDelete: 'set null' }),
    closedAt: timestamp({ withTimezone: true }),
    // At closing: cash expected (float + cash sales − cash refunds + cash in − cash out) and counted.
    expectedCashCents: integer(),
    countedCashCents: integer(),
    denominations: jsonb().$type<DenominationCount>(),
    closingNote: text(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('till_sessions_one_open_per_till_idx')
      .on(t.locationId, t.tillName)
      .where(sql`${t.status} = 'open'`),
    index('till_sessions_location_id_idx').on(t.locationId, t.openedAt),
    check('till_sessions_float_nonnegative', sql`${t.openingFloatCents} >= 0`),
  ],
);

/** Cash put into or taken out of a till during a session (change from the bank, a deposit), with a reason. */
export const tillMovements = pgTable(
  'till_movements',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    tillSessionId: integer()
      .notNull()
      .references(() => tillSessions.id, { onDelete: 'cascade' }),
    kind: tillMovementKind().notNull(),
    amountCents: integer().notNull(),
    reason: text().notNull(),
    actorUserId: integer().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('till_movements_till_session_id_idx').on(t.tillSessionId),
    check('till_movements_amount_positive', sql`${t.amountCents} > 0`),
  ],
);

export type TillSession = typeof tillSessions.$inferSelect;
export type TillMovement = typeof tillMovements.$inferSelect;
