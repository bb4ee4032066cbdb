import 'server-only';
import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { products, variants } from '@/db/schema';
import { effectivePriceCents } from '@/lib/catalog/effective-price';
import { listCategories, type CatalogLocale, type CategoryDto } from '@/lib/catalog/queries';
import { variantLabel } from '@/lib/catalog/search';
import { priceUnit } from '@/lib/pricing';
import type { PromotionInput } from './schemas';

// Reads for the admin promotion form: what can be targeted, a SKU lookup, and the live price example.

/** The variant with this SKU (already upper-case), or null. */
export async function findVariantIdBySku(db: DbOrTx, sku: string): Promise<number | null> {
  const [row] = await db.select({ id: variants.id }).from(variants).where(eq(variants.sku, sku));
  return row?.id ?? null;
}

export interface PromotionTargetOptions {
  categories: CategoryDto[];
  products: { id: number; name: string; brand: string }[];
  /** For the SKU field's suggestions. */
  variants: { sku: string; label: string }[];
  /** The preview's first sample cart: two items for sale, which the admin then edits. */
  sample: { sku: string; quantity: number }[];
}

/** Everything a promotion can target, named in `locale`, in two queries plus the categories. */
export async function listPromotionTargetOptions(
  db: DbOrTx,
  locale: CatalogLocale,
): Promise<PromotionTargetOptions> {
  const name = locale === 'en' ? products.nameEn : products.nameNl;
  const [categories, productRows, variantRows] = await Promise.all([
    listCategories(db, locale),
    db
      .select({ id: products.id, name, brand: products.brand })
      .from(products)
      .orderBy(asc(name), asc(products.id)),
    db
      .select({ sku: variants.sku, name, size: variants.size, color: variants.color })
      .from(variants)
      .innerJoin(products, eq(products.id, variants.productId))
      .orderBy(asc(variants.sku)),
  ]);
  return {
    categories,
    sample: variantRows.slice(0, 2).map((v, i) => ({ sku: v.sku, quantity: i + 1 })),
    products: productRows,
    variants: variantRows.map((v) => ({
      sku: v.sku,
      label: [v.name, variantLabel(v)].filter(Boolean).join(' – '),
    })),
  };
}

export interface PromotionPreview {
  productName: string;
  sku: string;
  variantLabel: string;
  regularCents: number;
  finalCents: number;
}

function targetCondition(p: Pick<PromotionInput, 'target' | 'targetId'>): SQL | undefined {
  if (p.target === 'all' || p.targetId === null) return undefined;
  if (p.target === 'category') return eq(products.categoryId, p.targetId);
  if (p.target === 'product') return eq(products.id, p.targetId);
  return eq(variants.id, p.targetId);
}

/**
 * The price example of the admin form: the first variant the promotion targets (by product name),
 * priced by lib/pricing's priceUnit with this promotion as the only candidate — the same function as
 * every channel, so the example is what shoppers and clerks will see. Window, code and channels are
 * left out on purpose: the example shows the discount itself. Null when nothing is targeted.
 */
export async function getPromotionPreview(
  db: DbOrTx,
  promotion: Pick<PromotionInput, 'kind' | 'value' | 'target' | 'targetId'>,
  options: { now?: Date; locale: CatalogLocale },
): Promise<PromotionPreview | null> {
  const name = options.locale === 'en' ? products.nameEn : products.nameNl;
  const now = options.now ?? new Date();
  const [row] = await db
    .select({
      variantId: variants.id,
      productId: products.id,
      categoryId: products.categoryId,
      unitPriceCents: effectivePriceCents(now),
      taxClass: products.taxClass,
      productName: name,
      sku: variants.sku,
      size: variants.size,
      color: variants.color,
    })
    .from(variants)
    .innerJoin(products, eq(products.id, variants.productId))
    .where(and(eq(variants.active, true), eq(products.active, true), targetCondition(promotion)))
    .orderBy(asc(name), asc(variants.id))
    .limit(1);
  if (!row) return null;
  const unit = priceUnit(
    row,
    [
      {
        id: 0,
        name: 'preview',
        kind: promotion.kind,
        value: promotion.value,
        target: promotion.target,
        targetId: promotion.targetId,
        startsAt: null,
        endsAt: null,
        code: null,
        channels: null,
      },
    ],
    { channel: 'web', now },
  );
  return {
    productName: row.productName,
    sku: row.sku,
    variantLabel: variantLabel(row),
    regularCents: unit.unitPriceCents,
    finalCents: unit.finalUnitCents,
  };
}
