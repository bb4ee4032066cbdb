import { boolean, doublePrecision, integer, jsonb, pgEnum, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { timestamps } from './common';

export const locationKind = pgEnum('location_kind', ['warehouse', 'store']);

/** Opening hours per ISO weekday (1 = Monday … 7 = Sunday): list of [open, close] in local time, empty = closed. */
export type OpeningHours = Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', [string, string][]>;

/** The warehouse (ships web deliveries) and the stores (sell at the counter, hand over pickups). */
export const locations = pgTable(
  'locations',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    code: text().notNull(),
    name: text().notNull(),
    kind: locationKind().notNull(),
    street: text().notNull(),
    postcode: text().notNull(),
    city: text().notNull(),
    country: text().notNull().default('NL'),
    phone: text(),
    email: text(),
    latitude: doublePrecision().notNull(),
    longitude: doublePrecision().notNull(),
    openingHours: jsonb().$type<OpeningHours>().notNull(),
    pickupEnabled: boolean().notNull().default(false),
    ...timestamps,
  },
  (t) => [uniqueIndex('locations_code_idx').on(t.code)],
);

export type Location = typeof locations.$inferSelect;
export type NewLocation = typeof locations.$inferInsert;
