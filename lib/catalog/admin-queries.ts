import 'server-only';
import { and, asc, count, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { categories, priceChanges, productImages, products, variants } from '@/db/schema';
import { effectivePriceCents, VARIANT_ID } from './effective-price';
import { imageUrl } from './image-store';
import type { CatalogLocale } from './queries';
import { likePattern } from './search';

// Reads for the admin catalog pages: every product (active or not), its variants with the price in
// effect and the one still to come, its photos, and the categories.

export interface AdminProductRow {
  id: number;
  name: string;
  brand: string;
  slug: string;
  categoryName: string;
  active: boolean;
  variantCount: number;
  minPriceCents: number | null;
  maxPriceCents: number | null;
}

export type ActiveFilter = 'all' | 'active' | 'inactive';

/** One page of products matching name (either language), brand, SKU or EAN, a category and active state. */
export async function listAdminProducts(
  db: DbOrTx,
  options: { search?: string; categoryId?: number; active: ActiveFilter; limit: number; offset: number; locale: CatalogLocale; now: Date },
): Promise<{ rows: AdminProductRow[]; total: number }> {
  const name = options.locale === 'en' ? products.nameEn : products.nameNl;
  const conditions: (SQL | undefined)[] = [];
  const term = options.search?.trim();
  if (term) {
    const pattern = likePattern(term);
    // Any variant's SKU or EAN; aliased so the sub-select cannot mean the outer table's columns.
    const variantMatch = sql`exists (select 1 from variants v where v.product_id = "products"."id"
      and (v.sku ilike ${pattern} or v.ean ilike ${pattern}))`;
    conditions.push(or(ilike(products.nameEn, pattern), ilike(products.nameNl, pattern), ilike(products.brand, pattern), variantMatch));
  }
  if (options.categoryId) conditions.push(eq(products.categoryId, options.categoryId));
  if (options.active !== 'all') conditions.push(eq(products.active, options.active === 'active'));
  const where = and(...conditions);
  const price = effectivePriceCents(options.now);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: products.id,
        name,
        brand: products.brand,
        slug: products.slug,
        categoryName: options.locale === 'en' ? categories.nameEn : categories.nameNl,
        active: products.active,
        variantCount: sql<number>`count(${variants.id})`.mapWith(Number),
        minPriceCents: sql<number | null>`min(${price})`,
        maxPriceCents: sql<number | null>`max(${price})`,
      })
      .from(products)
      .innerJoin(categories, eq(categories.id, products.categoryId))
      .leftJoin(variants, eq(variants.productId, products.id))
      .where(where)
      .groupBy(products.id, categories.nameEn, categories.nameNl)
      .orderBy(asc(name), asc(products.id))
      .limit(options.limit)
      .offset(options.offset),
    db.select({ total: count() }).from(products).where(where),
  ]);
  return {
    rows: rows.map((r) => ({
      ...r,
      minPriceCents: r.minPriceCents === null ? null : Number(r.minPriceCents),
      maxPriceCents: r.maxPriceCents === null ? null : Number(r.maxPriceCents),
    })),
    total: Number(total),
  };
}

export interface AdminVariantDto {
  id: number;
  productId: number;
  sku: string;
  ean: string;
  size: string | null;
  color: string | null;
  active: boolean;
  /** What every channel charges now (see effectivePriceCents). */
  priceCents: number;
  /** The next scheduled change, if any. */
  next: { priceCents: number; startsAt: Date } | null;
}

export interface AdminImageDto {
  id: number;
  url: string;
  color: string | null;
  altNl: string;
  altEn: string;
}

export interface AdminProductDto {
  id: number;
  slug: string;
  nameNl: string;
  nameEn: string;
  descriptionNl: string;
  descriptionEn: string;
  brand: string;
  categoryId: number;
  taxClass: 'standard' | 'reduced' | 'zero';
  active: boolean;
  variants: AdminVariantDto[];
  images: AdminImageDto[];
}

function variantSelect(now: Date) {
  return {
    id: variants.id,
    productId: variants.productId,
    sku: variants.sku,
    ean: variants.ean,
    size: variants.size,
    color: variants.color,
    active: variants.active,
    priceCents: effectivePriceCents(now),
    nextPriceCents: sql<number | null>`(select pc.price_cents from price_changes pc where pc.variant_id = ${VARIANT_ID}
      and pc.cancelled_at is null and pc.starts_at > ${now.toISOString()}::timestamptz order by pc.starts_at, pc.id limit 1)`,
    nextStartsAt: sql<string | null>`(select pc.starts_at from price_changes pc where pc.variant_id = ${VARIANT_ID}
      and pc.cancelled_at is null and pc.starts_at > ${now.toISOString()}::timestamptz order by pc.starts_at, pc.id limit 1)`,
  };
}

type VariantRow = { [K in keyof ReturnType<typeof variantSelect>]: unknown } & Record<string, unknown>;

function toVariant(row: VariantRow): AdminVariantDto {
  const { nextPriceCents, nextStartsAt, ...rest } = row as unknown as Omit<AdminVariantDto, 'next'> & {
    nextPriceCents: number | null;
    nextStartsAt: string | Date | null;
  };
  return {
    ...rest,
    next: nextPriceCents === null || nextStartsAt === null ? null : { priceCents: Number(nextPriceCents), startsAt: new Date(nextStartsAt) },
  };
}

/** A product with all its variants (active or not) and photos, for the admin edit page; null when unknown. */
export async function getAdminProduct(db: DbOrTx, id: number, now: Date): Promise<AdminProductDto | null> {
  const [product] = await db
    .select({
      id: products.id,
      slug: products.slug,
      nameNl: products.nameNl,
      nameEn: products.nameEn,
      descriptionNl: products.descriptionNl,
      descriptionEn: products.descriptionEn,
      brand: products.brand,
      categoryId: products.categoryId,
      taxClass: products.taxClass,
      active: products.active,
    })
    .from(products)
    .where(eq(products.id, id));
  if (!product) return null;
  const [variantRows, images] = await Promise.all([
    db.select(variantSelect(now)).from(variants).where(eq(variants.productId, id)).orderBy(asc(variants.id)),
    listProductImagesForAdmin(db, id),
  ]);
  return { ...product, variants: variantRows.map((r) => toVariant(r as VariantRow)), images };
}

export async function listProductImagesForAdmin(db: DbOrTx, productId: number): Promise<AdminImageDto[]> {
  const rows = await db
    .select({ id: productImages.id, path: productImages.path, color: productImages.color, altNl: productImages.altNl, altEn: productImages.altEn })
    .from(productImages)
    .where(eq(productImages.productId, productId))
    .orderBy(asc(productImages.sortOrder), asc(productImages.id));
  return rows.map(({ path, ...r }) => ({ ...r, url: imageUrl(path) }));
}

export interface PriceChangeDto {
  id: number;
  priceCents: number;
  startsAt: Date;
  status: 'scheduled' | 'in_effect' | 'past' | 'cancelled' | 'replaced';
}

export interface AdminVariantDetailDto extends AdminVariantDto {
  productName: string;
  /** The price typed on the variant itself, charged when no scheduled change has started. */
  basePriceCents: number;
  changes: PriceChangeDto[];
}

/** A variant with its product's name and its scheduled price changes (newest start first); null when unknown. */
export async function getAdminVariant(db: DbOrTx, id: number, now: Date, locale: CatalogLocale): Promise<AdminVariantDetailDto | null> {
  const [row] = await db
    .select({
      ...variantSelect(now),
      basePriceCents: variants.priceCents,
      productName: locale === 'en' ? products.nameEn : products.nameNl,
    })
    .from(variants)
    .innerJoin(products, eq(products.id, variants.productId))
    .where(eq(variants.id, id));
  if (!row) return null;
  const changes = await db
    .select({ id: priceChanges.id, priceCents: priceChanges.priceCents, startsAt: priceChanges.startsAt, cancelledAt: priceChanges.cancelledAt })
    .from(priceChanges)
    .where(eq(priceChanges.variantId, id))
    .orderBy(desc(priceChanges.startsAt), desc(priceChanges.id));
  // The one in effect is the latest started, not cancelled change (as effectivePriceCents picks it).
  const inEffect = changes.find((c) => c.cancelledAt === null && c.startsAt.getTime() <= now.getTime())?.id;
  const status = (c: (typeof changes)[number]): PriceChangeDto['status'] => {
    if (c.cancelledAt !== null) return c.cancelledAt.getTime() > c.startsAt.getTime() ? 'replaced' : 'cancelled';
    if (c.startsAt.getTime() > now.getTime()) return 'scheduled';
    return c.id === inEffect ? 'in_effect' : 'past';
  };
  const { basePriceCents, productName, ...variant } = row;
  return {
    ...toVariant(variant as VariantRow),
    basePriceCents,
    productName,
    changes: changes.map((c) => ({ id: c.id, priceCents: c.priceCents, startsAt: c.startsAt, status: status(c) })),
  };
}

export interface AdminCategoryRow {
  id: number;
  slug: string;
  nameNl: string;
  nameEn: string;
  sortOrder: number;
  productCount: number;
}

/** Every category in display order with its number of products (active or not). */
export async function listAdminCategories(db: DbOrTx): Promise<AdminCategoryRow[]> {
  const rows = await db
    .select({
      id: categories.id,
      slug: categories.slug,
      nameNl: categories.nameNl,
      nameEn: categories.nameEn,
      sortOrder: categories.sortOrder,
      productCount: count(products.id),
    })
    .from(categories)
    .leftJoin(products, eq(products.categoryId, categories.id))
    .groupBy(categories.id)
    .orderBy(asc(categories.sortOrder), asc(categories.nameEn), asc(categories.id));
  return rows.map((r) => ({ ...r, productCount: Number(r.productCount) }));
}

export async function getAdminCategory(db: DbOrTx, id: number): Promise<AdminCategoryRow | null> {
  return (await listAdminCategories(db)).find((c) => c.id === id) ?? null;
}
