import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgEnum, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
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

export type Category = typeof categories.$inferSelect;
export type Product = typeof products.$inferSelect;
export type Variant = typeof variants.$inferSelect;
export type TaxClass = (typeof taxClass.enumValues)[number];
