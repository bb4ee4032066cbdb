import { and, asc, count, eq, ilike, inArray, min, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { categories, products, variants } from '@/db/schema';
import type { PriceLineInput } from '@/lib/pricing';
import { effectivePriceCents } from './effective-price';
import { likePattern, searchCatalog, variantLabel } from './search';

export type CatalogLocale = 'nl' | 'en';

const nameOf = (locale: CatalogLocale) => (locale === 'en' ? products.nameEn : products.nameNl);
const categoryNameOf = (locale: CatalogLocale) => (locale === 'en' ? categories.nameEn : categories.nameNl);

export interface CategoryDto {
  id: number;
  slug: string;
  name: string;
}

/** All categories in display order, named in `locale`. */
export async function listCategories(db: DbOrTx, locale: CatalogLocale): Promise<CategoryDto[]> {
  return db
    .select({ id: categories.id, slug: categories.slug, name: categoryNameOf(locale) })
    .from(categories)
    .orderBy(asc(categories.sortOrder), asc(categoryNameOf(locale)));
}

export interface ProductCardDto {
  id: number;
  slug: string;
  name: string;
  brand: string;
  imagePath: string;
  categorySlug: string;
  /** Lowest catalog price of its active variants (before promotions; the page prices it via lib/pricing). */
  fromPriceCents: number;
  variantCount: number;
}

/**
 * One page of active products that have at least one active variant, optionally in one category and
 * matching `search` (name in either language, brand, SKU or EAN), plus the total for paging.
 */
export async function listProducts(
  db: DbOrTx,
  options: { locale: CatalogLocale; categorySlug?: string; search?: string; limit: number; offset: number; now?: Date },
): Promise<{ items: ProductCardDto[]; total: number }> {
  const price = effectivePriceCents(options.now ?? new Date());
  const name = nameOf(options.locale);
  const pattern = options.search?.trim() ? likePattern(options.search) : null;
  const conditions = [eq(products.active, true), eq(variants.active, true)];
  if (options.categorySlug) conditions.push(eq(categories.slug, options.categorySlug));
  if (pattern) {
    // Any variant of the product (active or not) whose SKU or EAN matches. Plain SQL with an alias:
    // drizzle leaves columns unqualified in a single-table sub-select, so "id" would be the variant's.
    const variantMatch = sql`exists (select 1 from variants v where v.product_id = "products"."id"
      and (v.sku ilike ${pattern} or v.ean ilike ${pattern}))`;
    conditions.push(or(ilike(products.nameEn, pattern), ilike(products.nameNl, pattern), ilike(products.brand, pattern), variantMatch)!);
  }
  const where = and(...conditions);
  const [items, [{ total }]] = await Promise.all([
    db
      .select({
        id: products.id,
        slug: products.slug,
        name,
        brand: products.brand,
        imagePath: products.imagePath,
        categorySlug: categories.slug,
        fromPriceCents: sql<number>`${min(price)}`.mapWith(Number),
        variantCount: sql<number>`count(${variants.id})`.mapWith(Number),
      })
      .from(products)
      .innerJoin(categories, eq(categories.id, products.categoryId))
      .innerJoin(variants, eq(variants.productId, products.id))
      .where(where)
      .groupBy(products.id, categories.slug)
      .orderBy(asc(name), asc(products.id))
      .limit(options.limit)
      .offset(options.offset),
    db
      .select({ total: sql<number>`count(distinct ${products.id})`.mapWith(Number) })
      .from(products)
      .innerJoin(categories, eq(categories.id, products.categoryId))
      .innerJoin(variants, eq(variants.productId, products.id))
      .where(where),
  ]);
  return { items, total };
}

export interface VariantDto {
  id: number;
  sku: string;
  ean: string;
  size: string | null;
  color: string | null;
  priceCents: number;
}

export interface ProductDetailDto {
  id: number;
  slug: string;
  name: string;
  description: string;
  brand: string;
  imagePath: string;
  taxClass: 'standard' | 'reduced' | 'zero';
  categoryId: number;
  category: { slug: string; name: string };
  variants: VariantDto[];
}

/** An active product by slug with its active variants (priced as at `now`), or null. */
export async function getProductBySlug(
  db: DbOrTx,
  slug: string,
  locale: CatalogLocale,
  now: Date = new Date(),
): Promise<ProductDetailDto | null> {
  const [product] = await db
    .select({
      id: products.id,
      slug: products.slug,
      name: nameOf(locale),
      description: locale === 'en' ? products.descriptionEn : products.descriptionNl,
      brand: products.brand,
      imagePath: products.imagePath,
      taxClass: products.taxClass,
      categoryId: products.categoryId,
      categorySlug: categories.slug,
      categoryName: categoryNameOf(locale),
    })
    .from(products)
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .where(and(eq(products.slug, slug), eq(products.active, true)));
  if (!product) return null;
  const variantRows = await db
    .select({ id: variants.id, sku: variants.sku, ean: variants.ean, size: variants.size, color: variants.color, priceCents: effectivePriceCents(now) })
    .from(variants)
    .where(and(eq(variants.productId, product.id), eq(variants.active, true)))
    .orderBy(asc(variants.id));
  const { categorySlug, categoryName, ...rest } = product;
  return { ...rest, category: { slug: categorySlug, name: categoryName }, variants: variantRows };
}

export interface CounterVariantDto {
  variantId: number;
  productId: number;
  productName: string;
  brand: string;
  imagePath: string;
  sku: string;
  ean: string;
  size: string | null;
  color: string | null;
  variantLabel: string;
  priceCents: number;
}

function counterVariantSelect(locale: CatalogLocale, now: Date) {
  return {
    variantId: variants.id,
    productId: products.id,
    productName: nameOf(locale),
    brand: products.brand,
    imagePath: products.imagePath,
    sku: variants.sku,
    ean: variants.ean,
    size: variants.size,
    color: variants.color,
    priceCents: effectivePriceCents(now),
  };
}

const sellable = and(eq(variants.active, true), eq(products.active, true));

/** The active variant whose SKU or EAN-13 is exactly `code` (the counter's scanner or typed code), or null. */
export async function findVariantByCode(
  db: DbOrTx,
  code: string,
  locale: CatalogLocale = 'nl',
  now: Date = new Date(),
): Promise<CounterVariantDto | null> {
  const trimmed = code.trim();
  if (!trimmed) return null;
  const [row] = await db
    .select(counterVariantSelect(locale, now))
    .from(variants)
    .innerJoin(products, eq(products.id, variants.productId))
    // SKUs are stored upper-case; a typed lower-case SKU still matches.
    .where(and(sellable, or(eq(variants.sku, trimmed), eq(variants.sku, trimmed.toUpperCase()), eq(variants.ean, trimmed))))
    .limit(1);
  return row ? { ...row, variantLabel: variantLabel(row) } : null;
}

/**
 * Active variants for the counter search, through the catalog search engine (lib/catalog/search): a
 * scanned or typed SKU/EAN (or its start) gives just those variants, exact ones first; words give every
 * variant of the matching products (typos tolerated), best product first.
 */
export async function searchVariants(
  db: DbOrTx,
  options: { query: string; locale: CatalogLocale; limit: number; now?: Date },
): Promise<CounterVariantDto[]> {
  if (!options.query.trim()) return [];
  const found = await searchCatalog(db, options.query);
  const byCode = found.match === 'code';
  if (found.productIds.length === 0) return [];
  const rows = await db
    .select(counterVariantSelect(options.locale, options.now ?? new Date()))
    .from(variants)
    .innerJoin(products, eq(products.id, variants.productId))
    .where(and(sellable, byCode ? inArray(variants.id, found.codeVariantIds) : inArray(products.id, found.productIds)));
  const exact = new Set(found.exactVariantIds);
  const productRank = new Map(found.productIds.map((id, i) => [id, i]));
  const codeRank = new Map(found.codeVariantIds.map((id, i) => [id, i]));
  return rows
    .sort(
      (a, b) =>
        Number(exact.has(b.variantId)) - Number(exact.has(a.variantId)) ||
        (byCode ? codeRank.get(a.variantId)! - codeRank.get(b.variantId)! : 0) ||
        productRank.get(a.productId)! - productRank.get(b.productId)! ||
        a.sku.localeCompare(b.sku),
    )
    .slice(0, options.limit)
    .map((r) => ({ ...r, variantLabel: variantLabel(r) }));
}

/** A price line as loaded from the catalog, with what a cart or an order snapshot shows. */
export interface LoadedPriceLine extends PriceLineInput {
  sku: string;
  slug: string;
  productName: string;
  variantLabel: string;
  size: string | null;
  color: string | null;
  imagePath: string;
  /** False when the variant or its product was taken out of the assortment: it cannot be ordered. */
  active: boolean;
}

/**
 * The catalog's price at `now` (see effectivePriceCents; pass the `now` given to priceCart), tax class,
 * product and category for each requested variant — prices sent by a
 * client are never trusted. Quantities of repeated variants are added up; unknown variants are left
 * out. Order follows the first occurrence in `items`.
 */
export async function loadPriceLines(
  db: DbOrTx,
  items: { variantId: number; quantity: number }[],
  locale: CatalogLocale = 'nl',
  now: Date = new Date(),
): Promise<LoadedPriceLine[]> {
  const quantities = new Map<number, number>();
  for (const item of items) quantities.set(item.variantId, (quantities.get(item.variantId) ?? 0) + item.quantity);
  if (quantities.size === 0) return [];
  const rows = await db
    .select({
      variantId: variants.id,
      productId: products.id,
      categoryId: products.categoryId,
      unitPriceCents: effectivePriceCents(now),
      taxClass: products.taxClass,
      sku: variants.sku,
      slug: products.slug,
      productName: nameOf(locale),
      size: variants.size,
      color: variants.color,
      imagePath: products.imagePath,
      active: sql<boolean>`${variants.active} and ${products.active}`,
    })
    .from(variants)
    .innerJoin(products, eq(products.id, variants.productId))
    .where(inArray(variants.id, [...quantities.keys()]));
  const byId = new Map(rows.map((r) => [r.variantId, r]));
  return [...quantities].flatMap(([variantId, quantity]) => {
    const row = byId.get(variantId);
    return row ? [{ ...row, active: Boolean(row.active), quantity, variantLabel: variantLabel(row) }] : [];
  });
}

/** Number of active products per category slug (for filters). */
export async function countProductsByCategory(db: DbOrTx): Promise<Record<string, number>> {
  const rows = await db
    .select({ slug: categories.slug, n: count(products.id) })
    .from(categories)
    .leftJoin(products, and(eq(products.categoryId, categories.id), eq(products.active, true)))
    .groupBy(categories.slug);
  return Object.fromEntries(rows.map((r) => [r.slug, Number(r.n)]));
}
