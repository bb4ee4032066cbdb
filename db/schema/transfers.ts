import { sql } from 'drizzle-orm';
import { check, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { variants } from './catalog';
import { timestamps } from './common';
import { users } from './identity';
import { locations } from './locations';
import { orders } from './orders';

export const transferStatus = pgEnum('transfer_status', ['requested', 'in_transit', 'received', 'cancelled']);

/**
 * Goods moving between two locations: requested → in transit (left the origin: on hand there goes down,
 * the goods are in no location's sellable stock) → received (on hand at the destination goes up).
 * An endless-aisle pickup order waits for its transfer (`orderId`).
 */
export const stockTransfers = pgTable(
  'stock_transfers',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    // Human number, e.g. T-100012.
    number: text().notNull(),
    fromLocationId: integer()
      .notNull()
      .references(() => locations.id),
    toLocationId: integer()
      .notNull()
      .references(() => locations.id),
    status: transferStatus().notNull().default('requested'),
    orderId: uuid().references(() => orders.id, { onDelete: 'set null' }),
    note: text(),
    requestedByUserId: integer().references(() => users.id, { onDelete: 'set null' }),
    shippedByUserId: integer().references(() => users.id, { onDelete: 'set null' }),
    receivedByUserId: integer().references(() => users.id, { onDelete: 'set null' }),
    shippedAt: timestamp({ withTimezone: true }),
    receivedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('stock_transfers_number_idx').on(t.number),
    index('stock_transfers_status_idx').on(t.status),
    index('stock_transfers_order_id_idx').on(t.orderId),
    check('stock_transfers_distinct_locations', sql`${t.fromLocationId} <> ${t.toLocationId}`),
  ],
);

export const stockTransferLines = pgTable(
  'stock_transfer_lines',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    transferId: integer()
      .notNull()
      .references(() => stockTransfers.id, { onDelete: 'cascade' }),
    variantId: integer()
      .notNull()
      .references(() => variants.id),
    quantity: integer().notNull(),
    // Counted on receipt; may be below `quantity` (a shortfall is recorded, never invented stock).
    receivedQuantity: integer(),
  },
  (t) => [
    uniqueIndex('stock_transfer_lines_transfer_variant_idx').on(t.transferId, t.variantId),
    check('stock_transfer_lines_quantity_positive', sql`${t.quantity} > 0`),
    check(
      'stock_transfer_lines_received_within_quantity',
      sql`${t.receivedQuantity} is null or (${t.receivedQuantity} >= 0 and ${t.receivedQuantity} <= ${t.quantity})`,
    ),
  ],
);

export type StockTransfer = typeof stockTransfers.$inferSelect;
export type TransferStatus = (typeof transferStatus.enumValues)[number];
