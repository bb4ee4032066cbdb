import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from './common';
import { customerSegment, customers, users } from './identity';
import { locations } from './locations';
import { products } from './catalog';
import { channel, promotions } from './promotions';
import { carts } from './carts';
import { orders } from './orders';

/** What happened at a touchpoint of the customer journey (S13). */
export const customerEventType = pgEnum('customer_event_type', [
  'visit', // a landing: carries the source (utm / referrer) of the visit
  'product_view',
  'add_to_cart',
  'checkout_started',
  'order_placed',
  'paid',
  'collected',
  'delivered',
  'returned',
  'counter_sale',
  'cart_handed_over',
  'message_sent',
]);

/**
 * One touchpoint of a person in any channel. `visitorId` is the first-party analytics cookie (only with
 * analytics consent); `customerId` is filled once the person is known, and linked back over their earlier
 * visitor events when they sign in, check out or are identified at the counter. The source fields are
 * the visit's (captured on landing), copied onto each event so the funnel can be cut by source in SQL.
 */
export const customerEvents = pgTable(
  'customer_events',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    type: customerEventType().notNull(),
    channel: channel().notNull(),
    locationId: integer().references(() => locations.id, { onDelete: 'set null' }),
    visitorId: text(),
    customerId: integer().references(() => customers.id, { onDelete: 'cascade' }),
    orderId: uuid().references(() => orders.id, { onDelete: 'set null' }),
    cartId: uuid().references(() => carts.id, { onDelete: 'set null' }),
    productId: integer().references(() => products.id, { onDelete: 'set null' }),
    valueCents: integer(),
    utmSource: text(),
    utmMedium: text(),
    utmCampaign: text(),
    referrer: text(),
    occurredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('customer_events_occurred_at_idx').on(t.occurredAt),
    index('customer_events_type_occurred_at_idx').on(t.type, t.occurredAt),
    index('customer_events_visitor_id_idx').on(t.visitorId, t.occurredAt),
    index('customer_events_customer_id_idx').on(t.customerId, t.occurredAt),
    index('customer_events_order_id_idx').on(t.orderId),
  ],
);

/** The one-question satisfaction survey of a completed order (S12): once per order. */
export const satisfactionResponses = pgTable(
  'satisfaction_responses',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    customerId: integer().references(() => customers.id, { onDelete: 'set null' }),
    channel: channel().notNull(),
    locationId: integer().references(() => locations.id, { onDelete: 'set null' }),
    score: integer().notNull(),
    comment: text(),
    // A low score was passed on to the customer's conversation / handled by staff.
    followedUpAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('satisfaction_responses_order_id_idx').on(t.orderId),
    index('satisfaction_responses_created_at_idx').on(t.createdAt),
    index('satisfaction_responses_customer_id_idx').on(t.customerId),
    check('satisfaction_responses_score_range', sql`${t.score} between 1 and 5`),
    check('satisfaction_responses_comment_length', sql`${t.comment} is null or char_length(${t.comment}) <= 1000`),
  ],
);

export const experimentStatus = pgEnum('experiment_status', ['draft', 'running', 'stopped']);

/** A promotion run as an experiment (S11): variants split the people deterministically. */
export const experiments = pgTable(
  'experiments',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    name: text().notNull(),
    hypothesis: text(),
    status: experimentStatus().notNull().default('draft'),
    startedAt: timestamp({ withTimezone: true }),
    stoppedAt: timestamp({ withTimezone: true }),
    winnerVariantId: integer(),
    createdByUserId: integer().references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [index('experiments_status_idx').on(t.status)],
);

/** One arm of an experiment: a promotion, or the control without one (promotionId null). */
export const experimentVariants = pgTable(
  'experiment_variants',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    experimentId: integer()
      .notNull()
      .references(() => experiments.id, { onDelete: 'cascade' }),
    key: text().notNull(),
    name: text().notNull(),
    promotionId: integer().references(() => promotions.id, { onDelete: 'restrict' }),
    // Share of the traffic, whole percent; the variants of an experiment add up to 100.
    weightPercent: integer().notNull(),
  },
  (t) => [
    uniqueIndex('experiment_variants_experiment_id_key_idx').on(t.experimentId, t.key),
    index('experiment_variants_promotion_id_idx').on(t.promotionId),
    check('experiment_variants_weight_range', sql`${t.weightPercent} between 0 and 100`),
  ],
);

/**
 * The first time a subject saw a price with its variant. `subject` is what the assignment hashed:
 * 'customer:<id>', 'visitor:<id>' before identification, or 'cart:<id>' for an anonymous counter sale.
 */
export const experimentExposures = pgTable(
  'experiment_exposures',
  {
    experimentId: integer()
      .notNull()
      .references(() => experiments.id, { onDelete: 'cascade' }),
    subject: text().notNull(),
    variantId: integer()
      .notNull()
      .references(() => experimentVariants.id, { onDelete: 'cascade' }),
    customerId: integer().references(() => customers.id, { onDelete: 'set null' }),
    channel: channel().notNull(),
    firstExposedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.experimentId, t.subject] }), index('experiment_exposures_variant_id_idx').on(t.variantId)],
);

/** The variant an order was priced with, written in the order's own transaction. */
export const experimentOrders = pgTable(
  'experiment_orders',
  {
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    experimentId: integer()
      .notNull()
      .references(() => experiments.id, { onDelete: 'cascade' }),
    variantId: integer()
      .notNull()
      .references(() => experimentVariants.id, { onDelete: 'cascade' }),
    subject: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orderId, t.experimentId] }), index('experiment_orders_experiment_id_variant_id_idx').on(t.experimentId, t.variantId)],
);

/** "Often bought together" (S14): co-purchases over all channels' order lines, precomputed by a job. */
export const productCoPurchases = pgTable(
  'product_co_purchases',
  {
    productId: integer()
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    relatedProductId: integer()
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    // Number of distinct customers (or anonymous orders) that bought both.
    buyers: integer().notNull(),
    computedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.productId, t.relatedProductId] }), index('product_co_purchases_product_id_buyers_idx').on(t.productId, t.buyers)],
);

/** A customer's segments (S14), recomputed on each purchase. */
export const customerSegments = pgTable(
  'customer_segments',
  {
    customerId: integer()
      .primaryKey()
      .references(() => customers.id, { onDelete: 'cascade' }),
    segments: customerSegment().array().notNull().default(sql`'{}'::customer_segment[]`),
    computedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('customer_segments_segments_idx').using('gin', t.segments)],
);

export type CustomerEventType = (typeof customerEventType.enumValues)[number];
export type CustomerSegment = (typeof customerSegment.enumValues)[number];
export type ExperimentStatus = (typeof experimentStatus.enumValues)[number];
