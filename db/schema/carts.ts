import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { variants } from './catalog';
import { timestamps } from './common';
import { customers, users } from './identity';
import { locations } from './locations';
import { channel } from './promotions';
import { tillSessions } from './till';

/** A manual discount a clerk gives at the counter (priced by priceCart as an explicit input). */
export interface StaffDiscountJson {
  kind: 'percentage' | 'fixed_amount';
  /** Whole percent 1..100, or cents. */
  value: number;
  reason: string;
  byUserId: number | null;
}

export const cartStatus = pgEnum('cart_status', ['open', 'converted', 'abandoned', 'handed_over']);

/**
 * A server-side cart. Web carts are bound to a cookie holding the (unguessable) id and, once the shopper
 * signs in, to their customer profile; counter carts belong to a clerk at a store.
 */
export const carts = pgTable(
  'carts',
  {
    id: uuid().primaryKey().defaultRandom(),
    channel: channel().notNull(),
    status: cartStatus().notNull().default('open'),
    customerId: integer().references(() => customers.id, { onDelete: 'set null' }),
    locationId: integer().references(() => locations.id, { onDelete: 'set null' }),
    clerkUserId: integer().references(() => users.id, { onDelete: 'set null' }),
    // Counter carts: the till session (one tablet's drawer) the cart belongs to.
    tillSessionId: integer().references(() => tillSessions.id, { onDelete: 'set null' }),
    promotionCodes: text().array().notNull().default(sql`'{}'::text[]`),
    /** Counter: a discount on the whole cart given by a clerk (null = none). */
    staffDiscount: jsonb().$type<StaffDiscountJson>(),
    /**
     * Web: the browser's cart cookie when this cart follows an earlier anonymous cart of the same browser
     * (that cart's key). Null: the key is the cart's own id. So the cookie stays the same after an order
     * and the next add to cart sets no cookie (lib/carts/web-cart.ts).
     */
    browserKey: text(),
    ...timestamps,
  },
  (t) => [
    index('carts_browser_key_idx').on(sql`coalesce(${t.browserKey}, ${t.id}::text)`).where(sql`${t.channel} = 'web'`),
    // One open anonymous cart per browser: two first adds at once after an order fill the same cart.
    uniqueIndex('carts_open_browser_key_idx')
      .on(sql`coalesce(${t.browserKey}, ${t.id}::text)`)
      .where(sql`${t.channel} = 'web' and ${t.status} = 'open' and ${t.customerId} is null`),
    index('carts_customer_id_idx').on(t.customerId),
    index('carts_clerk_user_id_idx').on(t.clerkUserId),
    index('carts_till_session_id_idx').on(t.tillSessionId),
  ],
);

export const cartLines = pgTable(
  'cart_lines',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    cartId: uuid()
      .notNull()
      .references(() => carts.id, { onDelete: 'cascade' }),
    variantId: integer()
      .notNull()
      .references(() => variants.id, { onDelete: 'cascade' }),
    quantity: integer().notNull(),
    /** Counter: a discount on this line given by a clerk (null = none). */
    staffDiscount: jsonb().$type<StaffDiscountJson>(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('cart_lines_cart_variant_idx').on(t.cartId, t.variantId),
    check('cart_lines_quantity_positive', sql`${t.quantity} > 0`),
  ],
);

/**
 * "Continue in store": a web cart handed to a counter by QR or a short code (6 characters without
 * look-alikes). Single use, expiring; only a hash of the code is stored.
 */
export const cartHandoffs = pgTable(
  'cart_handoffs',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    webCartId: uuid()
      .notNull()
      .references(() => carts.id, { onDelete: 'cascade' }),
    codeHash: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    usedByUserId: integer().references(() => users.id, { onDelete: 'set null' }),
    counterCartId: uuid().references(() => carts.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('cart_handoffs_code_hash_idx').on(t.codeHash),
    index('cart_handoffs_web_cart_id_idx').on(t.webCartId),
  ],
);

export type Cart = typeof carts.$inferSelect;
export type CartStatus = (typeof cartStatus.enumValues)[number];
export type CartLine = typeof cartLines.$inferSelect;
