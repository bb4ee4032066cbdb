import { and, eq, ne } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { categories, products, variants } from '@/db/schema';
import { changedFields, recordAudit } from '@/lib/audit/record';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import type { ProductInput, VariantInput } from './admin-schemas';
import { effectivePriceCents, endStartedPriceChanges } from './effective-price';
import { centsText, violatedUniqueIndex } from './unique';

/** Shown until an admin uploads a photo (a neutral illustration in public/products). */
export const PLACEHOLDER_IMAGE = '/products/placeholder.svg';

export function assertAdmin(actor: Pick<Actor, 'role'>): void {
  if (actor.role !== 'admin') throw new DomainError('forbidden');
}

/** A unique index that was hit → the field error a person can act on. */
function uniqueError(error: unknown, values: { slug?: string; sku?: string; ean?: string }): unknown {
  const index = violatedUniqueIndex(error);
  if (index === 'products_slug_idx') return new DomainError('catalog.slugTaken', { slug: values.slug ?? '' }, 'slug');
  if (index === 'variants_sku_idx') return new DomainError('catalog.skuTaken', { sku: values.sku ?? '' }, 'sku');
  if (index === 'variants_ean_idx') return new DomainError('catalog.eanTaken', { ean: values.ean ?? '' }, 'ean');
  return error;
}

async function assertCategory(tx: DbOrTx, id: number): Promise<void> {
  const [row] = await tx.select({ id: categories.id }).from(categories).where(eq(categories.id, id));
  if (!row) throw new DomainError('notFound', {}, 'categoryId');
}

async function assertSlugFree(tx: DbOrTx, slug: string, exceptId?: number): Promise<void> {
  const [row] = await tx
    .select({ id: products.id })
    .from(products)
    .where(and(eq(products.slug, slug), exceptId === undefined ? undefined : ne(products.id, exceptId)));
  if (row) throw new DomainError('catalog.slugTaken', { slug }, 'slug');
}

/** SKU and EAN are unique over all variants; checked first for a clear message, the indexes decide races. */
async function assertCodesFree(tx: DbOrTx, input: Pick<VariantInput, 'sku' | 'ean'>, exceptId?: number): Promise<void> {
  const other = exceptId === undefined ? undefined : ne(variants.id, exceptId);
  const [sku] = await tx.select({ id: variants.id }).from(variants).where(and(eq(variants.sku, input.sku), other));
  if (sku) throw new DomainError('catalog.skuTaken', { sku: input.sku }, 'sku');
  const [ean] = await tx.select({ id: variants.id }).from(variants).where(and(eq(variants.ean, input.ean), other));
  if (ean) throw new DomainError('catalog.eanTaken', { ean: input.ean }, 'ean');
}

/** Creates a product (admin only), audited. A slug in use → 'catalog.slugTaken' on the slug field. */
export async function createProduct(db: DbOrTx, input: ProductInput, actor: Actor): Promise<{ id: number }> {
  assertAdmin(actor);
  return db
    .transaction(async (tx) => {
      await assertCategory(tx, input.categoryId);
      await assertSlugFree(tx, input.slug);
      const [row] = await tx.insert(products).values({ ...input, imagePath: PLACEHOLDER_IMAGE }).returning({ id: products.id });
      await recordAudit(tx, actor, {
        action: 'product.created',
        entityType: 'product',
        entityId: row.id,
        summary: `Product ${input.nameEn} (${input.slug}) created`,
        after: { ...input },
      });
      return row;
    })
    .catch((e: unknown) => {
      throw uniqueError(e, input);
    });
}

/** Replaces a product's fields (admin only); the audit row holds the changed fields before and after. */
export async function updateProduct(db: DbOrTx, id: number, input: ProductInput, actor: Actor): Promise<{ id: number }> {
  assertAdmin(actor);
  return db
    .transaction(async (tx) => {
      const [current] = await tx
        .select({
          nameNl: products.nameNl,
          nameEn: products.nameEn,
          descriptionNl: products.descriptionNl,
          descriptionEn: products.descriptionEn,
          brand: products.brand,
          slug: products.slug,
          categoryId: products.categoryId,
          taxClass: products.taxClass,
          active: products.active,
        })
        .from(products)
        .where(eq(products.id, id))
        .for('update');
      if (!current) throw new DomainError('notFound');
      await assertCategory(tx, input.categoryId);
      await assertSlugFree(tx, input.slug, id);
      const diff = changedFields(current, input);
      if (diff.changed.length === 0) return { id };
      await tx.update(products).set({ ...input, updatedAt: new Date() }).where(eq(products.id, id));
      await recordAudit(tx, actor, {
        action: 'product.updated',
        entityType: 'product',
        entityId: id,
        summary: `Product ${input.nameEn}: ${diff.changed.join(', ')} changed`,
        before: diff.before,
        after: diff.after,
      });
      return { id };
    })
    .catch((e: unknown) => {
      throw uniqueError(e, input);
    });
}

/** Adds a variant to a product (admin only), audited. Duplicate SKU/EAN → a field error, nothing written. */
export async function createVariant(db: DbOrTx, productId: number, input: VariantInput, actor: Actor): Promise<{ id: number }> {
  assertAdmin(actor);
  return db
    .transaction(async (tx) => {
      const [product] = await tx.select({ id: products.id }).from(products).where(eq(products.id, productId));
      if (!product) throw new DomainError('notFound');
      await assertCodesFree(tx, input);
      const { price, ...rest } = input;
      const values = { ...rest, size: rest.size || null, color: rest.color || null, priceCents: price };
      const [row] = await tx.insert(variants).values({ productId, ...values }).returning({ id: variants.id });
      await recordAudit(tx, actor, {
        action: 'variant.created',
        entityType: 'variant',
        entityId: row.id,
        summary: `Variant ${input.sku} created at ${centsText(price)}`,
        after: { productId, ...values },
      });
      return row;
    })
    .catch((e: unknown) => {
      throw uniqueError(e, input);
    });
}

/**
 * Replaces a variant's options, codes, price and status (admin only), audited. The form shows the price
 * in effect now; typing another one sets it from now on: started scheduled changes are closed
 * (cancelled_at = now) so the new price is what every channel charges, while changes still to come stay.
 */
export async function updateVariant(
  db: DbOrTx,
  id: number,
  input: VariantInput,
  actor: Actor,
  now: Date = new Date(),
): Promise<{ id: number; productId: number }> {
  assertAdmin(actor);
  return db
    .transaction(async (tx) => {
      const [locked] = await tx.select({ id: variants.id }).from(variants).where(eq(variants.id, id)).for('update');
      if (!locked) throw new DomainError('notFound');
      const [current] = await tx
        .select({
          productId: variants.productId,
          size: variants.size,
          color: variants.color,
          sku: variants.sku,
          ean: variants.ean,
          priceCents: effectivePriceCents(now),
          active: variants.active,
        })
        .from(variants)
        .where(eq(variants.id, id));
      await assertCodesFree(tx, input, id);
      const { price, ...rest } = input;
      const next = { size: rest.size || null, color: rest.color || null, sku: rest.sku, ean: rest.ean, priceCents: price, active: rest.active };
      const { productId, ...before } = current;
      const diff = changedFields(before, next);
      if (diff.changed.length === 0) return { id, productId };
      await tx.update(variants).set({ ...next, updatedAt: now }).where(eq(variants.id, id));
      if (diff.changed.includes('priceCents')) {
        await endStartedPriceChanges(tx, id, now);
      }
      const priceNote = diff.changed.includes('priceCents') ? `: price ${centsText(before.priceCents)} → ${centsText(price)}` : '';
      await recordAudit(tx, actor, {
        action: 'variant.updated',
        entityType: 'variant',
        entityId: id,
        summary: `Variant ${next.sku} updated${priceNote} (${diff.changed.join(', ')})`,
        before: diff.before,
        after: diff.after,
      });
      return { id, productId };
    })
    .catch((e: unknown) => {
      throw uniqueError(e, input);
    });
}

/** Takes a variant out of (or back into) the assortment (admin only), audited; a no-op when already so. */
export async function setVariantActive(db: DbOrTx, id: number, active: boolean, actor: Actor): Promise<{ productId: number }> {
  assertAdmin(actor);
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ productId: variants.productId, sku: variants.sku, active: variants.active })
      .from(variants)
      .where(eq(variants.id, id))
      .for('update');
    if (!current) throw new DomainError('notFound');
    if (current.active === active) return { productId: current.productId };
    await tx.update(variants).set({ active, updatedAt: new Date() }).where(eq(variants.id, id));
    await recordAudit(tx, actor, {
      action: active ? 'variant.activated' : 'variant.deactivated',
      entityType: 'variant',
      entityId: id,
      summary: `Variant ${current.sku} ${active ? 'back for sale' : 'taken out of sale'}`,
      before: { active: current.active },
      after: { active },
    });
    return { productId: current.productId };
  });
}
