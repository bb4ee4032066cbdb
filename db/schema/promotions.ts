import { sql } from 'drizzle-orm';
import { check, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { timestamps } from './common';
import { users } from './identity';

export const channel = pgEnum('channel', ['web', 'store']);
export const promotionKind = pgEnum('promotion_kind', ['percentage', 'fixed_amount']);
export const promotionTarget = pgEnum('promotion_target', ['all', 'category', 'product', 'variant']);

/**
 * A promotion applies in every channel unless `channels` is set (the admin UI warns that restricting it
 * breaks the omnichannel promise). The window is half-open: [starts_at, ends_at).
 */
export const promotions = pgTable(
  'promotions',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    name: text().notNull(),
    kind: promotionKind().notNull(),
    // percentage: whole percent 1..100; fixed_amount: cents off per unit.
    value: integer().notNull(),
    target: promotionTarget().notNull().default('all'),
    targetId: integer(),
    startsAt: timestamp({ withTimezone: true }),
    endsAt: timestamp({ withTimezone: true }),
    // Stored upper-case; matched case-insensitively.
    code: text(),
    channels: channel().array(),
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
  ],
);

export type Promotion = typeof promotions.$inferSelect;
export type NewPromotion = typeof promotions.$inferInsert;
export type ChannelName = (typeof channel.enumValues)[number];
