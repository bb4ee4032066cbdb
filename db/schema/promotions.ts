import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from './common';
import { customerSegment, customers, users } from './identity';

export const channel = pgEnum('channel', ['web', 'store']);
/**
 * percentage: whole percent 1..100. fixed_amount: cents off per unit (item / BXGY "get" units) or off the
 * whole order / delivery (order / shipping scope). fixed_per_line: cents off each targeted line (item scope).
 */
export const promotionKind = pgEnum('promotion_kind', ['percentage', 'fixed_amount', 'fixed_per_line']);
export const promotionTarget = pgEnum('promotion_target', ['all', 'category', 'product', 'variant']);
/** What a promotion discounts: lines (item), the goods total (order), delivery (shipping), or "get" units (BXGY). */
export const promotionScope = pgEnum('promotion_scope', ['item', 'order', 'shipping', 'buy_x_get_y']);
/**
 * Stacking: exclusive = applies on its own (the best single one wins, as before); combinable = applies after
 * the promotions before it, on what they left; with_codes = combines with code promotions only.
 */
export const promotionCombination = pgEnum('promotion_combination', ['exclusive', 'combinable', 'with_codes']);
export const promotionCustomerCondition = pgEnum('promotion_customer_condition', ['any', 'signed_in', 'first_order', 'loyalty_member']);
/** each_line: every targeted line; cheapest_line: once per order, on the cheapest targeted line. */
export const promotionApplication = pgEnum('promotion_application', ['each_line', 'cheapest_line']);

/** One target or exclusion: a category, product or variant ('all' only as the primary target). */
export interface PromotionTargetRefJson {
  type: 'all' | 'category' | 'product' | 'variant';
  id: number | null;
}

/**
 * A promotion applies in every channel unless `channels` is set (the admin UI warns that restricting it
 * breaks the omnichannel promise). The window is half-open: [starts_at, ends_at); the optional weekly
 * window (weekdays, daily minutes) is read in Europe/Amsterdam local time.
 *
 * Rows from before the engine (scope item, kind percentage/fixed_amount, exclusive, priority 0, no
 * conditions, no limits) price exactly as before.
 */
export const promotions = pgTable(
  'promotions',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    /** Internal name; the customer-facing title falls back to it when a language's title is empty. */
    name: text().notNull(),
    titleEn: text(),
    titleNl: text(),
    descriptionEn: text(),
    descriptionNl: text(),
    scope: promotionScope().notNull().default('item'),
    kind: promotionKind().notNull(),
    // percentage: whole percent 1..100; fixed_amount / fixed_per_line: cents.
    value: integer().notNull(),
    /** The primary target; additionalTargets add more (any of them matches), exclusions remove. */
    target: promotionTarget().notNull().default('all'),
    targetId: integer(),
    additionalTargets: jsonb().$type<PromotionTargetRefJson[]>().notNull().default(sql`'[]'::jsonb`),
    exclusions: jsonb().$type<PromotionTargetRefJson[]>().notNull().default(sql`'[]'::jsonb`),
    /** Item: skip lines an earlier promotion already reduced. */
    skipReducedLines: boolean().notNull().default(false),
    maxUnitsPerLine: integer(),
    application: promotionApplication().notNull().default('each_line'),
    // Buy X get Y: buy `buyQuantity` targeted units, get `getQuantity` units (of getTargets, or the same
    // targets when empty) discounted by kind/value (percentage 100 = free), cheapest first.
    buyQuantity: integer(),
    getQuantity: integer(),
    getTargets: jsonb().$type<PromotionTargetRefJson[]>().notNull().default(sql`'[]'::jsonb`),
    maxApplications: integer(),
    // Conditions.
    minSubtotalCents: integer(),
    minItems: integer(),
    customerCondition: promotionCustomerCondition().notNull().default('any'),
    /** Only for customers in this segment (S14); null = anyone the customer condition allows. */
    customerSegment: customerSegment(),
    /** ISO weekdays 1 (Monday) .. 7 in Europe/Amsterdam; null = every day. */
    weekdays: integer().array(),
    /** Minutes after local midnight, Europe/Amsterdam, [start, end); null = all day. */
    dailyStartMinute: integer(),
    dailyEndMinute: integer(),
    startsAt: timestamp({ withTimezone: true }),
    endsAt: timestamp({ withTimezone: true }),
    // Stacking.
    priority: integer().notNull().default(0),
    combination: promotionCombination().notNull().default('exclusive'),
    // Stored upper-case; matched case-insensitively.
    code: text(),
    channels: channel().array(),
    // Usage limits (null = unlimited) and what has been used: raised by one conditional UPDATE when an
    // order is placed, lowered when it is cancelled or fully returned.
    usageLimit: integer(),
    perCustomerLimit: integer(),
    budgetCents: integer(),
    usedCount: integer().notNull().default(0),
    discountGivenCents: integer().notNull().default(0),
    createdByUserId: integer().references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('promotions_code_idx').on(t.code),
    index('promotions_ends_at_idx').on(t.endsAt),
    check('promotions_value_positive', sql`${t.value} > 0`),
    check('promotions_percentage_max', sql`${t.kind} <> 'percentage' or ${t.value} <= 100`),
    check('promotions_target_id', sql`(${t.target} = 'all') = (${t.targetId} is null)`),
    check('promotions_window', sql`${t.startsAt} is null or ${t.endsAt} is null or ${t.startsAt} < ${t.endsAt}`),
    check('promotions_bxgy_quantities', sql`${t.scope} <> 'buy_x_get_y' or (${t.buyQuantity} >= 1 and ${t.getQuantity} >= 1)`),
    check('promotions_positive_limits', sql`(${t.maxUnitsPerLine} is null or ${t.maxUnitsPerLine} >= 1)
      and (${t.maxApplications} is null or ${t.maxApplications} >= 1)
      and (${t.minSubtotalCents} is null or ${t.minSubtotalCents} >= 0)
      and (${t.minItems} is null or ${t.minItems} >= 1)
      and (${t.usageLimit} is null or ${t.usageLimit} >= 1)
      and (${t.perCustomerLimit} is null or ${t.perCustomerLimit} >= 1)
      and (${t.budgetCents} is null or ${t.budgetCents} >= 1)`),
    check('promotions_daily_window', sql`(${t.dailyStartMinute} is null) = (${t.dailyEndMinute} is null)
      and (${t.dailyStartMinute} is null or (${t.dailyStartMinute} >= 0 and ${t.dailyStartMinute} < ${t.dailyEndMinute} and ${t.dailyEndMinute} <= 1440))`),
    check('promotions_usage_nonnegative', sql`${t.usedCount} >= 0 and ${t.discountGivenCents} >= 0`),
  ],
);

/**
 * Campaign codes: N single-use (or few-use) codes that all redeem one promotion. Matched like
 * promotions.code (upper-case); each has its own use counter, raised conditionally at placement.
 */
export const promotionCodes = pgTable(
  'promotion_codes',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    promotionId: integer()
      .notNull()
      .references(() => promotions.id, { onDelete: 'cascade' }),
    code: text().notNull(),
    usageLimit: integer().notNull().default(1),
    usedCount: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('promotion_codes_code_idx').on(t.code),
    index('promotion_codes_promotion_id_idx').on(t.promotionId),
    check('promotion_codes_usage', sql`${t.usageLimit} >= 1 and ${t.usedCount} >= 0 and ${t.usedCount} <= ${t.usageLimit}`),
  ],
);

/** Uses per customer, for per-customer limits: one conditional upsert per placed order. */
export const promotionCustomerUsage = pgTable(
  'promotion_customer_usage',
  {
    promotionId: integer()
      .notNull()
      .references(() => promotions.id, { onDelete: 'cascade' }),
    customerId: integer()
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    usedCount: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.promotionId, t.customerId] }), check('promotion_customer_usage_nonnegative', sql`${t.usedCount} >= 0`)],
);

/**
 * One row per promotion used by a placed order: what it gave, for which customer and code. releasedAt is
 * set when the order is cancelled or fully returned (the counters above are lowered in the same step).
 * orderId is a plain uuid (no foreign key to orders: orders.ts imports this file).
 */
export const promotionRedemptions = pgTable(
  'promotion_redemptions',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    promotionId: integer()
      .notNull()
      .references(() => promotions.id, { onDelete: 'cascade' }),
    orderId: uuid().notNull(),
    customerId: integer().references(() => customers.id, { onDelete: 'set null' }),
    code: text(),
    campaignCodeId: integer().references(() => promotionCodes.id, { onDelete: 'set null' }),
    discountCents: integer().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    releasedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('promotion_redemptions_promotion_order_idx').on(t.promotionId, t.orderId),
    index('promotion_redemptions_order_id_idx').on(t.orderId),
  ],
);

export type Promotion = typeof promotions.$inferSelect;
export type NewPromotion = typeof promotions.$inferInsert;
export type ChannelName = (typeof channel.enumValues)[number];
export type PromotionRedemption = typeof promotionRedemptions.$inferSelect;
