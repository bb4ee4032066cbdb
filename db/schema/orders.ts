import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgSequence,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { variants } from './catalog';
import { timestamps } from './common';
import { customers, users } from './identity';
import { locations } from './locations';
import { channel, promotions } from './promotions';
import { carts } from './carts';

export const fulfilment = pgEnum('fulfilment', ['delivery', 'pickup', 'in_store']);
export const orderStatus = pgEnum('order_status', [
  'pending_payment',
  'paid',
  'ready_for_pickup',
  'collected',
  'shipped',
  'delivered',
  'completed', // sold and handed over at the counter
  'cancelled',
]);
export const orderEventType = pgEnum('order_event_type', [
  'placed',
  'paid',
  'payment_failed',
  'ready_for_pickup',
  'collected',
  'shipped',
  'delivered',
  'completed',
  'cancelled',
  // Money arrived for an order that was cancelled meanwhile: recorded, and owed back to the customer.
  'refund_due',
  // A clerk handed a pickup over without the code, after checking the customer's identity.
  'identity_checked',
  // A hand-over undone right after (wrong customer, pressed too soon): back to ready for pickup.
  'handover_undone',
  // An admin sent a message of this order again.
  'message_resent',
  // Endless aisle: goods for this order are on their way from another location / arrived.
  'transfer_requested',
  'transfer_received',
  // After-sales (lib/returns): each status change of a return of this order (the note names the RMA).
  'return_requested',
  'return_in_transit',
  'return_received',
  'return_closed',
  'return_cancelled',
  // Replacement goods handed out in an exchange (on the exchange order and the original one).
  'exchanged',
  'refunded',
  'refund_failed',
  'note',
]);

/** Human order numbers (e.g. W-100042 on the web, S-100043 at a counter) draw from one sequence. */
export const orderNumberSeq = pgSequence('order_number_seq', { startWith: 100001 });

export interface ShippingAddress {
  name: string;
  street: string;
  postcode: string;
  city: string;
  country: string;
}

/** A bilingual customer-facing text. */
export interface LocalizedTextSnapshot {
  en: string;
  nl: string;
}

/** One saving as stored on an order line / order (see lib/pricing Saving). */
export interface SavingSnapshot {
  source: 'promotion' | 'staff';
  /** Promotion id, or null for a staff discount. */
  promotionId: number | null;
  scope: 'item' | 'order' | 'shipping' | 'buy_x_get_y' | 'staff_line' | 'staff_cart';
  title: LocalizedTextSnapshot;
  code: string | null;
  amountCents: number;
  /** Staff discounts: the reason the clerk gave. */
  reason?: string | null;
}

/** A manual discount given at the counter, as recorded on the order. */
export interface StaffDiscountSnapshot {
  /** null = the whole cart; else the discounted line's variant. */
  variantId: number | null;
  kind: 'percentage' | 'fixed_amount';
  /** Whole percent, or cents. */
  value: number;
  reason: string;
  byUserId: number | null;
  amountCents: number;
}

export interface VatLineSnapshot {
  rateBp: number;
  grossCents: number;
  vatCents: number;
}

/** One order model for every channel. Amounts are a snapshot of what was charged, in cents incl. VAT. */
export const orders = pgTable(
  'orders',
  {
    id: uuid().primaryKey().defaultRandom(),
    number: text().notNull(),
    channel: channel().notNull(),
    fulfilment: fulfilment().notNull(),
    status: orderStatus().notNull(),
    // Where the goods come from (warehouse for delivery, the store for pickup / counter sales).
    stockLocationId: integer()
      .notNull()
      .references(() => locations.id),
    pickupLocationId: integer().references(() => locations.id),
    customerId: integer().references(() => customers.id, { onDelete: 'set null' }),
    cartId: uuid().references(() => carts.id, { onDelete: 'set null' }),
    placedByUserId: integer().references(() => users.id, { onDelete: 'set null' }),
    email: text(),
    phone: text(),
    customerName: text(),
    shippingAddress: jsonb().$type<ShippingAddress>(),
    promotionCodes: text().array().notNull().default(sql`'{}'::text[]`),
    subtotalCents: integer().notNull(),
    discountCents: integer().notNull(),
    shippingCents: integer().notNull(),
    // What the promotions took off delivery (shippingCents is after it).
    shippingDiscountCents: integer().notNull().default(0),
    /** Every saving of the order (promotions per promotion incl. shipping, staff discounts), as priced. */
    savings: jsonb().$type<SavingSnapshot[]>().notNull().default(sql`'[]'::jsonb`),
    staffDiscounts: jsonb().$type<StaffDiscountSnapshot[]>().notNull().default(sql`'[]'::jsonb`),
    totalCents: integer().notNull(),
    vatCents: integer().notNull(),
    vatBreakdown: jsonb().$type<VatLineSnapshot[]>().notNull(),
    pickupCode: text(),
    // Delivery: set when the warehouse ships.
    carrier: text(),
    trackingNumber: text(),
    idempotencyKey: text().notNull(),
    // Hash of the request's meaningful fields: the same key with another request is a conflict, not a replay.
    requestHash: text(),
    // Where the order came from (S4/S13): the visit's first-party visitor id and its utm source / referrer.
    visitorId: text(),
    utmSource: text(),
    utmMedium: text(),
    utmCampaign: text(),
    referrer: text(),
    placedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('orders_number_idx').on(t.number),
    uniqueIndex('orders_idempotency_key_idx').on(t.idempotencyKey),
    index('orders_customer_id_idx').on(t.customerId),
    index('orders_email_idx').on(t.email),
    index('orders_pickup_location_status_idx').on(t.pickupLocationId, t.status),
    index('orders_placed_at_idx').on(t.placedAt),
    index('orders_phone_idx').on(t.phone),
    check('orders_total_nonnegative', sql`${t.totalCents} >= 0`),
    check('orders_pickup_has_location', sql`${t.fulfilment} <> 'pickup' or ${t.pickupLocationId} is not null`),
  ],
);

export const orderLines = pgTable(
  'order_lines',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    variantId: integer()
      .notNull()
      .references(() => variants.id),
    sku: text().notNull(),
    productName: text().notNull(),
    variantLabel: text().notNull(),
    quantity: integer().notNull(),
    unitPriceCents: integer().notNull(),
    discountCents: integer().notNull(),
    lineTotalCents: integer().notNull(),
    vatRateBp: integer().notNull(),
    vatCents: integer().notNull(),
    promotionId: integer().references(() => promotions.id, { onDelete: 'set null' }),
    promotionName: text(),
    /** Every saving on this line (item promotions, BXGY, its share of order discounts, staff); sums to discountCents. */
    savings: jsonb().$type<SavingSnapshot[]>().notNull().default(sql`'[]'::jsonb`),
    // Units taken back over all returns of this line: raised by one conditional UPDATE per return, so two
    // counters returning the same line at once cannot both win; the CHECK is the last line of defence.
    returnedQuantity: integer().notNull().default(0),
  },
  (t) => [
    index('order_lines_order_id_idx').on(t.orderId),
    index('order_lines_variant_id_idx').on(t.variantId),
    check('order_lines_quantity_positive', sql`${t.quantity} > 0`),
    check('order_lines_returned_within_quantity', sql`${t.returnedQuantity} >= 0 and ${t.returnedQuantity} <= ${t.quantity}`),
  ],
);

/** Every status change of an order, with who did it and when. */
export const orderEvents = pgTable(
  'order_events',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    type: orderEventType().notNull(),
    fromStatus: orderStatus(),
    toStatus: orderStatus(),
    actorUserId: integer().references(() => users.id, { onDelete: 'set null' }),
    note: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('order_events_order_id_idx').on(t.orderId, t.createdAt)],
);

export type Order = typeof orders.$inferSelect;
export type OrderLine = typeof orderLines.$inferSelect;
export type OrderEvent = typeof orderEvents.$inferSelect;
export type OrderStatus = (typeof orderStatus.enumValues)[number];
export type FulfilmentKind = (typeof fulfilment.enumValues)[number];
