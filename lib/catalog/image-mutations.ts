import { randomUUID } from 'node:crypto';
import { and, eq, isNotNull, max } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { productImages, products, variants } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { log } from '@/lib/logging/logger';
import { MAX_IMAGE_BYTES } from './admin-schemas';
import type { ImageStore } from './image-store';
import { detectImageType, IMAGE_EXTENSIONS } from './image-type';
import { assertAdmin } from './product-mutations';

export interface UploadImageInput {
  productId: number;
  bytes: Uint8Array;
  altNl: string;
  altEn: string;
  /** '' = for every colour; else one of the product's variant colours. */
  color: string;
}

/**
 * Stores a product photo (admin only), audited: at most 5 MB, JPEG/PNG/WebP by its magic bytes, alt
 * text in both languages (the schema), a colour the product has. The file is written first and the
 * row after; when the row cannot be written the file is removed again, so no orphan stays behind.
 */
export async function uploadProductImage(
  db: DbOrTx,
  store: ImageStore,
  input: UploadImageInput,
  actor: Actor,
): Promise<{ id: number; key: string }> {
  assertAdmin(actor);
  if (input.bytes.byteLength > MAX_IMAGE_BYTES) throw new DomainError('catalog.imageTooLarge', { max: 5 }, 'file');
  const type = detectImageType(input.bytes);
  if (!type) throw new DomainError('catalog.imageType', {}, 'file');
  const [product] = await db.select({ id: products.id }).from(products).where(eq(products.id, input.productId));
  if (!product) throw new DomainError('notFound');
  if (input.color) {
    const [match] = await db
      .select({ id: variants.id })
      .from(variants)
      .where(and(eq(variants.productId, input.productId), isNotNull(variants.color), eq(variants.color, input.color)))
      .limit(1);
    if (!match) throw new DomainError('catalog.imageColor', { color: input.color }, 'color');
  }
  const key = `products/${input.productId}/${randomUUID()}.${IMAGE_EXTENSIONS[type]}`;
  await store.put(key, input.bytes, type);
  try {
    return await db.transaction(async (tx) => {
      const [{ last }] = await tx
        .select({ last: max(productImages.sortOrder) })
        .from(productImages)
        .where(eq(productImages.productId, input.productId));
      const [row] = await tx
        .insert(productImages)
        .values({
          productId: input.productId,
          color: input.color || null,
          path: key,
          altNl: input.altNl,
          altEn: input.altEn,
          sortOrder: (last ?? -1) + 1,
        })
        .returning({ id: productImages.id });
      await recordAudit(tx, actor, {
        action: 'product_image.uploaded',
        entityType: 'product',
        entityId: input.productId,
        summary: `Image uploaded${input.color ? ` for ${input.color}` : ''} (${type}, ${Math.ceil(input.bytes.byteLength / 1024)} kB)`,
        after: { imageId: row.id, path: key, color: input.color || null, altEn: input.altEn, altNl: input.altNl },
      });
      return { id: row.id, key };
    });
  } catch (error) {
    await store.delete(key).catch(() => undefined);
    throw error;
  }
}

/** Removes a product photo (admin only), audited; the file goes after the row is gone. */
export async function deleteProductImage(db: DbOrTx, store: ImageStore, id: number, actor: Actor): Promise<{ productId: number }> {
  assertAdmin(actor);
  const removed = await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(productImages)
      .where(eq(productImages.id, id))
      .returning({ productId: productImages.productId, path: productImages.path, color: productImages.color });
    if (!row) throw new DomainError('notFound');
    await recordAudit(tx, actor, {
      action: 'product_image.deleted',
      entityType: 'product',
      entityId: row.productId,
      summary: `Image removed${row.color ? ` (${row.color})` : ''}`,
      before: { imageId: id, path: row.path, color: row.color },
    });
    return row;
  });
  // A file left behind is harmless (nothing links to it); a missing one is not an error.
  await store.delete(removed.path).catch((err: unknown) => log.warn({ err, key: removed.path }, 'image file not removed'));
  return { productId: removed.productId };
}
