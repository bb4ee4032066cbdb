import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { categories, products, variants } from '@/db/schema';
import { effectivePriceCents } from '../effective-price';
import { readRow, type CsvRow, type RowError } from './format';
import { parseCatalogCsv, type FileError } from './parse';

// The dry run: what every row of a file would do (create / update / unchanged) or why it cannot, read
// against the catalog as it is now. The import applies exactly this plan, recomputed in its transaction.

export type RowAction = 'create' | 'update' | 'unchanged';

export interface PlannedRow {
  row: number;
  sku: string;
  productSlug: string;
  action: RowAction | null;
  /** Fields this row changes (product fields on the product's first row). */
  changes: string[];
  errors: RowError[];
  value: CsvRow | null;
}

export interface ImportPlan {
  fileError: FileError | null;
  rows: PlannedRow[];
  counts: { create: number; update: number; unchanged: number; errors: number };
  /** Products the import would create (slug) — a new product's rows are all 'create'. */
  newProducts: string[];
}

type ProductNow = { id: number; slug: string; brand: string; nameEn: string; nameNl: string; categoryId: number; taxClass: CsvRow['taxClass'] };
type VariantNow = { id: number; productId: number; productSlug: string; sku: string; ean: string; size: string | null; color: string | null; priceCents: number; active: boolean };

export interface CatalogNow {
  categoryIds: Map<string, number>;
  products: Map<string, ProductNow>;
  variantsBySku: Map<string, VariantNow>;
  variantsByEan: Map<string, VariantNow>;
}

const PRODUCT_FIELDS = ['brand', 'nameEn', 'nameNl', 'categorySlug', 'taxClass'] as const;
const VARIANT_FIELDS = ['ean', 'size', 'color', 'priceCents', 'active'] as const;
const COLUMN_OF: Record<string, RowError['column']> = {
  brand: 'brand',
  nameEn: 'name_en',
  nameNl: 'name_nl',
  categorySlug: 'category_slug',
  taxClass: 'tax_class',
};

/** The parts of the catalog a file's rows name: its products, SKUs and EANs, and every category. */
async function readCatalog(db: DbOrTx, rows: CsvRow[]): Promise<CatalogNow> {
  const slugs = [...new Set(rows.map((r) => r.productSlug))];
  const skus = [...new Set(rows.map((r) => r.sku))];
  const eans = [...new Set(rows.map((r) => r.ean))];
  const variantColumns = {
    id: variants.id,
    productId: variants.productId,
    productSlug: products.slug,
    sku: variants.sku,
    ean: variants.ean,
    size: variants.size,
    color: variants.color,
    // The price charged now (a started scheduled change included), as the export writes it.
    priceCents: effectivePriceCents(new Date()),
    active: variants.active,
  };
  const [cats, prods, bySku, byEan] = await Promise.all([
    db.select({ id: categories.id, slug: categories.slug }).from(categories),
    slugs.length === 0
      ? []
      : db
          .select({ id: products.id, slug: products.slug, brand: products.brand, nameEn: products.nameEn, nameNl: products.nameNl, categoryId: products.categoryId, taxClass: products.taxClass })
          .from(products)
          .where(inArray(products.slug, slugs)),
    skus.length === 0 ? [] : db.select(variantColumns).from(variants).innerJoin(products, eq(products.id, variants.productId)).where(inArray(variants.sku, skus)),
    eans.length === 0 ? [] : db.select(variantColumns).from(variants).innerJoin(products, eq(products.id, variants.productId)).where(inArray(variants.ean, eans)),
  ]);
  return {
    categoryIds: new Map(cats.map((c) => [c.slug, c.id])),
    products: new Map(prods.map((p) => [p.slug, p])),
    variantsBySku: new Map(bySku.map((v) => [v.sku, v])),
    variantsByEan: new Map(byEan.map((v) => [v.ean, v])),
  };
}

/** '' and null are both "no size": the forms may store either. */
const blank = (v: string | null) => (v === null || v === '' ? null : v);

function productChanges(row: CsvRow, now: ProductNow | undefined, catalog: CatalogNow): string[] {
  if (!now) return [];
  const current = { brand: now.brand, nameEn: now.nameEn, nameNl: now.nameNl, categorySlug: slugOfCategory(catalog, now.categoryId), taxClass: now.taxClass };
  return PRODUCT_FIELDS.filter((f) => current[f] !== row[f]);
}

function slugOfCategory(catalog: CatalogNow, id: number): string | undefined {
  for (const [slug, catId] of catalog.categoryIds) if (catId === id) return slug;
  return undefined;
}

function variantChanges(row: CsvRow, now: VariantNow): string[] {
  const current = { ean: now.ean, size: blank(now.size), color: blank(now.color), priceCents: now.priceCents, active: now.active };
  return VARIANT_FIELDS.filter((f) => current[f] !== row[f]);
}

/** Plans an import of CSV text against the catalog as `db` sees it (inside the import's transaction, for apply). */
export async function planCatalogImport(db: DbOrTx, text: string): Promise<ImportPlan & { catalog: CatalogNow | null }> {
  const parsed = parseCatalogCsv(text);
  const empty = { create: 0, update: 0, unchanged: 0, errors: 0 };
  if (parsed.fileError) return { fileError: parsed.fileError, rows: [], counts: empty, newProducts: [], catalog: null };

  const read = parsed.records.map(({ row, record, malformed }) => {
    // A row with the wrong number of cells has its cells shifted: saying what is wrong with each would mislead.
    if (malformed) return { row, record, value: null, errors: [{ column: null, code: 'malformed' } as RowError] };
    const { row: value, errors } = readRow(record);
    return { row, record, value, errors };
  });
  const catalog = await readCatalog(db, read.flatMap((r) => (r.value ? [r.value] : [])));

  const firstSku = new Map<string, number>();
  const firstEan = new Map<string, number>();
  const firstOfProduct = new Map<string, { row: number; value: CsvRow }>();
  const counts = { ...empty };
  const newProducts = new Set<string>();

  const rows: PlannedRow[] = read.map(({ row, record, value, errors }) => {
    const planned: PlannedRow = {
      row,
      sku: value?.sku ?? (record.sku ?? '').trim().toUpperCase(),
      productSlug: value?.productSlug ?? (record.product_slug ?? '').trim(),
      action: null,
      changes: [],
      errors,
      value,
    };
    if (value) {
      if (!catalog.categoryIds.has(value.categorySlug)) errors.push({ column: 'category_slug', code: 'unknownCategory', values: { slug: value.categorySlug } });
      const skuRow = firstSku.get(value.sku);
      if (skuRow !== undefined) errors.push({ column: 'sku', code: 'duplicateSku', values: { sku: value.sku, row: skuRow } });
      else firstSku.set(value.sku, row);
      const eanRow = firstEan.get(value.ean);
      if (eanRow !== undefined) errors.push({ column: 'ean', code: 'duplicateEan', values: { ean: value.ean, row: eanRow } });
      else firstEan.set(value.ean, row);

      const existing = catalog.variantsBySku.get(value.sku);
      if (existing && existing.productSlug !== value.productSlug) {
        errors.push({ column: 'sku', code: 'skuOtherProduct', values: { sku: value.sku, product: existing.productSlug } });
      }
      const eanHolder = catalog.variantsByEan.get(value.ean);
      if (eanHolder && eanHolder.sku !== value.sku) errors.push({ column: 'ean', code: 'eanTaken', values: { ean: value.ean, sku: eanHolder.sku } });

      // One product, one set of product fields: a later row that disagrees is refused, not guessed.
      const first = firstOfProduct.get(value.productSlug);
      if (first) {
        for (const f of PRODUCT_FIELDS) {
          if (first.value[f] !== value[f]) errors.push({ column: COLUMN_OF[f], code: 'productMismatch', values: { row: first.row } });
        }
      }

      if (errors.length === 0) {
        const productNow = catalog.products.get(value.productSlug);
        if (!productNow) newProducts.add(value.productSlug);
        const productDiff = first ? [] : productChanges(value, productNow, catalog);
        if (!first) firstOfProduct.set(value.productSlug, { row, value });
        if (!existing) {
          planned.action = 'create';
          planned.changes = productDiff;
        } else {
          planned.changes = [...productDiff, ...variantChanges(value, existing)];
          planned.action = planned.changes.length > 0 ? 'update' : 'unchanged';
        }
      } else if (!first) {
        firstOfProduct.set(value.productSlug, { row, value });
      }
    }
    if (planned.errors.length > 0) counts.errors += 1;
    else counts[planned.action!] += 1;
    return planned;
  });
  return { fileError: null, rows, counts, newProducts: [...newProducts], catalog };
}
