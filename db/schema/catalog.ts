import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { timestamps } from './common';

export const taxClass = pgEnum('tax_class', ['standard', 'reduced', 'zero']);

export const categories = pgTable(
  'categories',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    slug: text().notNull(),
    nameEn: text().notNull(),
    nameNl: text().notNull(),
    sortOrder: integer().notNull().default(0),
    ...timestamps,
  },
  (t) => [uniqueIndex('categories_slug_idx').on(t.slug)],
);

export const products = pgTable(
  'products',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    slug: text().notNull(),
    categoryId: integer()
      .notNull()
      .references(() => categories.id, { onDelete: 'restrict' }),
    brand: text().notNull(),
    nameEn: text().notNull(),
    nameNl: text().notNull(),
    descriptionEn: text().notNull().default(''),
    descriptionNl: text().notNull().default(''),
    // VAT rate class of the goods; the rates themselves live in lib/pricing.
    taxClass: taxClass().notNull().default('standard'),
    imagePath: text().notNull(),
    active: boolean().notNull().default(true),
    ...timestamps,
  },
  (t) => [uniqueIndex('products_slug_idx').on(t.slug), index('products_category_id_idx').on(t.categoryId)],
);

/** A sellable item: one size/colour of a product, with its own SKU, EAN-13 and price (cents, VAT included). */
export const variants = pgTable(
  'variants',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    productId: integer()
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    sku: text().notNull(),
    ean: text().notNull(),
    size: text(),
    color: text(),
    priceCents: integer().notNull(),
    active: boolean().notNull().default(true),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('variants_sku_idx').on(t.sku),
    uniqueIndex('variants_ean_idx').on(t.ean),
    index('variants_product_id_idx').on(t.productId),
    check('variants_price_cents_nonnegative', sql`${t.priceCents} >= 0`),
    check('variants_ean_is_13_digits', sql`${t.ean} ~ '^[0-9]{13}$'`),
  ],
);

/**
 * Product photos. `color` null = shown for every colour; otherwise the product page and cards show the
 * images of the chosen colour first. `path` is a key in the image store (lib/catalog/image-store).
 */
export const productImages = pgTable(
  'product_images',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    productId: integer()
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    color: text(),
    path: text().notNull(),
    altEn: text().notNull(),
    altNl: text().notNull(),
    sortOrder: integer().notNull().default(0),
    ...timestamps,
  },
  (t) => [index('product_images_product_id_idx').on(t.productId, t.color, t.sortOrder)],
);

/**
 * A price that takes effect at `startsAt` (an instant; the admin enters it in Europe/Amsterdam). The
 * price every channel charges is the latest started, not cancelled change, else `variants.priceCents`.
 */
export const priceChanges = pgTable(
  'price_changes',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    variantId: integer()
      .notNull()
      .references(() => variants.id, { onDelete: 'cascade' }),
    priceCents: integer().notNull(),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    cancelledAt: timestamp({ withTimezone: true }),
    createdByUserId: integer(),
    ...timestamps,
  },
  (t) => [
    index('price_changes_variant_id_idx').on(t.variantId, t.startsAt),
    check('price_changes_price_cents_nonnegative', sql`${t.priceCents} >= 0`),
  ],
);

export type Category = typeof categories.$inferSelect;
export type Product = typeof products.$inferSelect;
export type Variant = typeof variants.$inferSelect;
export type ProductImage = typeof productImages.$inferSelect;
export type PriceChange = typeof priceChanges.$inferSelect;
export type TaxClass = (typeof taxClass.enumValues)[number];
