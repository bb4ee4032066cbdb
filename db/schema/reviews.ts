import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { timestamps } from './common';
import { customers, users } from './identity';
import { products } from './catalog';
import { channel } from './promotions';

// Nothing shows before an admin approves it (pending → published), or rejects it with a reason.
export const reviewStatus = pgEnum('review_status', ['pending', 'published', 'rejected']);

/**
 * A product review by a verified buyer (S10): one per customer per product — writing again replaces it.
 * Title and body are plain text, always rendered as text (never as HTML). `locale` is the language the
 * customer wrote in; `status` is the admin's moderation.
 */
export const productReviews = pgTable(
  'product_reviews',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    productId: integer()
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    customerId: integer()
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    rating: integer().notNull(),
    title: text(),
    body: text(),
    locale: text().$type<'nl' | 'en'>().notNull(),
    // Checked against the customer's paid order lines when written; kept as a snapshot for the badge.
    verifiedBuyer: boolean().notNull().default(true),
    // Where the reviewer bought the product ('store' / 'web'; the latest purchase), for the badge.
    purchaseChannel: channel(),
    status: reviewStatus().notNull().default('pending'),
    rejectReason: text(),
    moderatedByUserId: integer().references(() => users.id, { onDelete: 'set null' }),
    moderatedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('product_reviews_product_id_customer_id_idx').on(t.productId, t.customerId),
    index('product_reviews_product_id_status_idx').on(t.productId, t.status, t.createdAt),
    index('product_reviews_customer_id_idx').on(t.customerId),
    index('product_reviews_created_at_idx').on(t.createdAt),
    check('product_reviews_rating_range', sql`${t.rating} between 1 and 5`),
    check('product_reviews_title_length', sql`${t.title} is null or char_length(${t.title}) <= 120`),
    check('product_reviews_body_length', sql`${t.body} is null or char_length(${t.body}) <= 2000`),
  ],
);

export type ProductReview = typeof productReviews.$inferSelect;
export type ReviewStatus = (typeof reviewStatus.enumValues)[number];
