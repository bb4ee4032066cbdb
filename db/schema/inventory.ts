import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { variants } from './catalog';
import { users } from './identity';
import { locations } from './locations';

/**
 * Current stock of one variant at one location. The CHECKs make overselling impossible even if a bug
 * slipped past the conditional updates in lib/inventory. Available = on_hand − reserved.
 */
export const stockLevels = pgTable(
  'stock_levels',
  {
    variantId: integer()
      .notNull()
      .references(() => variants.id, { onDelete: 'cascade' }),
    locationId: integer()
      .notNull()
      .references(() => locations.id, { onDelete: 'cascade' }),
    onHand: integer().notNull().default(0),
    reserved: integer().notNull().default(0),
    // Low when available <= this; null = the shop-wide default (lib/inventory/low-stock).
    lowStockThreshold: integer(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'stock_levels_pk', columns: [t.variantId, t.locationId] }),
    index('stock_levels_location_id_idx').on(t.locationId),
    check('stock_levels_on_hand_nonnegative', sql`${t.onHand} >= 0`),
    check('stock_levels_reserved_within_on_hand', sql`${t.reserved} >= 0 and ${t.reserved} <= ${t.onHand}`),
    check('stock_levels_low_stock_threshold_nonnegative', sql`${t.lowStockThreshold} is null or ${t.lowStockThreshold} >= 0`),
  ],
);

export const stockMovementReason = pgEnum('stock_movement_reason', [
  'receipt', // goods received (also the seed's opening stock)
  'adjustment', // counted / corrected by staff
  'reservation', // reserved for an order (reserved +)
  'release', // reservation released, e.g. order cancelled (reserved −)
  'commit', // reserved goods leave: shipped or collected (on_hand −, reserved −)
  'sale', // sold directly at the counter (on_hand −)
  'return', // returned goods restocked (on_hand +)
  'write_off', // returned goods not fit to sell: recorded at the receiving location, no stock change
  'transfer_out',
  'transfer_in',
]);

/** The ledger: every change of a stock level is one row here, written in the same transaction. */
export const stockMovements = pgTable(
  'stock_movements',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    variantId: integer()
      .notNull()
      .references(() => variants.id, { onDelete: 'cascade' }),
    locationId: integer()
      .notNull()
      .references(() => locations.id, { onDelete: 'cascade' }),
    onHandDelta: integer().notNull().default(0),
    reservedDelta: integer().notNull().default(0),
    reason: stockMovementReason().notNull(),
    reference: text(),
    // Adjustments only: why staff changed the count.
    adjustmentReason: text().$type<'count' | 'damage' | 'found' | 'correction'>(),
    note: text(),
    actorUserId: integer().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('stock_movements_variant_location_idx').on(t.variantId, t.locationId),
    index('stock_movements_reference_idx').on(t.reference),
    index('stock_movements_created_at_idx').on(t.createdAt),
  ],
);

export type StockLevel = typeof stockLevels.$inferSelect;
export type StockMovement = typeof stockMovements.$inferSelect;
export type StockMovementReason = (typeof stockMovementReason.enumValues)[number];
