import { sql } from 'drizzle-orm';
import { check, index, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { variants } from './catalog';
import { timestamps } from './common';
import { customers, users } from './identity';
import { locations } from './locations';
import { channel } from './promotions';

export const cartStatus = pgEnum('cart_status', ['open', 'converted', 'abandoned']);

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
    promotionCodes: text().array().notNull().default(sql`'{}'::text[]`),
    ...timestamps,
  },
  (t) => [
    index('carts_customer_id_idx').on(t.customerId),
    index('carts_clerk_user_id_idx').on(t.clerkUserId),
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
    ...timestamps,
  },
  (t) => [
    uniqueIndex('cart_lines_cart_variant_idx').on(t.cartId, t.variantId),
    check('cart_lines_quantity_positive', sql`${t.quantity} > 0`),
  ],
);

export type Cart = typeof carts.$inferSelect;
export type CartLine = typeof cartLines.$inferSelect;
