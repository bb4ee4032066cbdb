import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { products, variants } from '@/db/schema';
import { changedFields, recordAudit } from '@/lib/audit/record';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { endStartedPriceChanges } from '../effective-price';
import { formatPrice, type CsvRow } from './format';
import { planCatalogImport, type CatalogNow } from './plan';

/** Shown until an admin uploads a photo (the same neutral illustration the product form uses). */
const PLACEHOLDER_IMAGE = '/products/placeholder.svg';

export interface ImportResult {
  createdProducts: number;
  updatedProducts: number;
  createdVariants: number;
  updatedVariants: number;
  unchanged: number;
}

const productValues = (row: CsvRow, categoryId: number) => ({
  brand: row.brand,
  nameEn: row.nameEn,
  nameNl: row.nameNl,
  categoryId,
  taxClass: row.taxClass,
});
const variantValues = (row: CsvRow) => ({ ean: row.ean, size: row.size, color: row.color, priceCents: row.priceCents, active: row.active });

/**
 * Applies a catalog CSV in ONE transaction: the plan is recomputed inside it (so it is the catalog as
 * it is now, not as it was at the dry run), and any row with an error refuses the whole file — nothing
 * is written. Each created or changed product and variant gets its audit row, plus one for the import.
 */
export async function applyCatalogImport(db: DbOrTx, text: string, actor: Actor): Promise<ImportResult> {
  if (actor.role !== 'admin') throw new DomainError('forbidden');
  return db.transaction(async (tx) => {
    const plan = await planCatalogImport(tx, text);
    if (plan.fileError) throw new DomainError('csv.fileRefused');
    if (plan.counts.errors > 0) throw new DomainError('csv.hasErrors', { count: plan.counts.errors });
    const catalog = plan.catalog as CatalogNow;
    const result: ImportResult = { createdProducts: 0, updatedProducts: 0, createdVariants: 0, updatedVariants: 0, unchanged: plan.counts.unchanged };
    const productIds = new Map<string, number>();

    for (const planned of plan.rows) {
      const row = planned.value as CsvRow;
      const categoryId = catalog.categoryIds.get(row.categorySlug) as number;
      let productId = productIds.get(row.productSlug);
      if (productId === undefined) {
        productId = await upsertProduct(tx, actor, row, categoryId, catalog, result);
        productIds.set(row.productSlug, productId);
      }
      if (planned.action === 'unchanged') continue;
      const existing = catalog.variantsBySku.get(row.sku);
      if (!existing) {
        const [created] = await tx.insert(variants).values({ productId, sku: row.sku, ...variantValues(row) }).returning({ id: variants.id });
        await recordAudit(tx, actor, {
          action: 'variant.created',
          entityType: 'variant',
          entityId: created.id,
          summary: `CSV import: ${row.sku} created at € ${formatPrice(row.priceCents)}`,
          after: variantValues(row),
        });
        result.createdVariants += 1;
        continue;
      }
      const diff = changedFields(
        { ean: existing.ean, size: existing.size, color: existing.color, priceCents: existing.priceCents, active: existing.active },
        variantValues(row),
      );
      // '' and null are one "no size": no write for that alone.
      const real = diff.changed.filter((f) => !(f === 'size' || f === 'color') || (diff.before[f] || null) !== (diff.after[f] || null));
      if (real.length === 0) continue;
      await tx.update(variants).set({ ...variantValues(row), updatedAt: new Date() }).where(eq(variants.id, existing.id));
      if (real.includes('priceCents')) await endStartedPriceChanges(tx, existing.id, new Date());
      await recordAudit(tx, actor, {
        action: 'variant.updated',
        entityType: 'variant',
        entityId: existing.id,
        summary:
          existing.priceCents !== row.priceCents
            ? `CSV import: price of ${row.sku} € ${formatPrice(existing.priceCents)} → € ${formatPrice(row.priceCents)}`
            : `CSV import: ${row.sku} changed (${real.join(', ')})`,
        before: Object.fromEntries(real.map((f) => [f, diff.before[f]])),
        after: Object.fromEntries(real.map((f) => [f, diff.after[f]])),
      });
      result.updatedVariants += 1;
    }

    // A file that changes nothing writes nothing, not even its summary.
    if (result.createdProducts + result.updatedProducts + result.createdVariants + result.updatedVariants === 0) return result;
    await recordAudit(tx, actor, {
      action: 'catalog.imported',
      entityType: 'catalog_import',
      entityId: randomUUID(),
      summary: `CSV import of ${plan.rows.length} ${plan.rows.length === 1 ? 'row' : 'rows'}: ${result.createdProducts} products and ${result.createdVariants} variants created, ${result.updatedProducts} products and ${result.updatedVariants} variants updated, ${result.unchanged} rows unchanged`,
      after: { ...result },
    });
    return result;
  });
}

/** The product of a row (its first row in the file decides its fields): created, updated or left as is. */
async function upsertProduct(tx: DbOrTx, actor: Actor, row: CsvRow, categoryId: number, catalog: CatalogNow, result: ImportResult): Promise<number> {
  const now = catalog.products.get(row.productSlug);
  const values = productValues(row, categoryId);
  if (!now) {
    const [created] = await tx
      .insert(products)
      .values({ slug: row.productSlug, ...values, imagePath: PLACEHOLDER_IMAGE })
      .returning({ id: products.id });
    await recordAudit(tx, actor, {
      action: 'product.created',
      entityType: 'product',
      entityId: created.id,
      summary: `CSV import: product ${row.productSlug} created`,
      after: values,
    });
    result.createdProducts += 1;
    return created.id;
  }
  const diff = changedFields(
    { brand: now.brand, nameEn: now.nameEn, nameNl: now.nameNl, categoryId: now.categoryId, taxClass: now.taxClass },
    values,
  );
  if (diff.changed.length > 0) {
    await tx.update(products).set({ ...values, updatedAt: new Date() }).where(eq(products.id, now.id));
    await recordAudit(tx, actor, {
      action: 'product.updated',
      entityType: 'product',
      entityId: now.id,
      summary: `CSV import: product ${row.productSlug} changed (${diff.changed.join(', ')})`,
      before: diff.before,
      after: diff.after,
    });
    result.updatedProducts += 1;
  }
  return now.id;
}
