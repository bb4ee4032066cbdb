// Catalog things the security suite's world holds for the admin's catalog actions (imported by tests only).
import type { DbOrTx } from '@/db/client';
import { priceChanges, productImages } from '@/db/schema';
import { ean13CheckDigit } from './ean';

/** A valid EAN-13 from 12 digits (check digit appended). */
export const validEan = (first12: string) => `${first12}${ean13CheckDigit(first12)}`;

/** The smallest PNG: a 1×1 transparent pixel (its signature is what the upload checks). */
export const PNG_1X1 = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64'),
);

export const pngFile = (name = 'photo.png') => new File([PNG_1X1], name, { type: 'image/png' });

/** A price change still to come (to cancel) and a photo row (to remove) of the shop's one product. */
export async function createCatalogAdminThings(db: DbOrTx, shop: { product: { id: number }; variant: { id: number } }) {
  const [scheduled] = await db
    .insert(priceChanges)
    .values({ variantId: shop.variant.id, priceCents: 4500, startsAt: new Date('2099-01-01T08:00:00Z') })
    .returning({ id: priceChanges.id });
  const [image] = await db
    .insert(productImages)
    .values({ productId: shop.product.id, path: `products/${shop.product.id}/00000000-0000-4000-8000-000000000000.png`, altEn: 'Side view', altNl: 'Zijaanzicht' })
    .returning({ id: productImages.id });
  return { priceChangeId: scheduled.id, productImageId: image.id };
}
