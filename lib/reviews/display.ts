import 'server-only';
import QRCode from 'qrcode';
import type { DbOrTx } from '@/db/client';
import { getProductBySlug } from '@/lib/catalog/queries';
import type { Locale } from '@/lib/i18n/config';
import { publicBaseUrl } from '@/lib/notifications/config';
import { priceUnit, type PricedUnit } from '@/lib/pricing';
import { loadPromotionCandidates } from '@/lib/promotions/queries';
import { getReviewSummary, listProductReviews, type PublicReview, type ReviewSummary } from './queries';

export interface DisplayProduct {
  name: string;
  brand: string;
  description: string;
  imagePath: string;
  /** The lowest price of its variants as the counter would charge it (the store channel's promotions). */
  price: PricedUnit;
  /** The variants do not all cost the same: the price is a "from" price. */
  priceVaries: boolean;
  summary: ReviewSummary;
  reviews: PublicReview[];
  productUrl: string;
  /** A QR of the product page, as an SVG drawn on the server (shoppers scan it to order online). */
  qrSvg: string;
}

/** What the in-store display page (/display/products/[slug]) shows, or null for an unknown or inactive product. */
export async function getDisplayProduct(db: DbOrTx, slug: string, locale: Locale, now = new Date()): Promise<DisplayProduct | null> {
  const product = await getProductBySlug(db, slug, locale, now);
  if (!product || product.variants.length === 0) return null;
  const [promotions, summary, reviews] = await Promise.all([
    loadPromotionCandidates(db, now),
    getReviewSummary(db, product.id),
    listProductReviews(db, product.id, { limit: 4 }),
  ]);
  // The one price function (lib/pricing), as the product page uses it; in the shop the store channel's.
  const prices = product.variants.map((v) =>
    priceUnit(
      { variantId: v.id, productId: product.id, categoryId: product.categoryId, unitPriceCents: v.priceCents, taxClass: product.taxClass },
      promotions,
      { channel: 'store', now },
    ),
  );
  const price = prices.reduce((low, p) => (p.finalUnitCents < low.finalUnitCents ? p : low));
  const productUrl = `${publicBaseUrl()}/products/${product.slug}`;
  return {
    name: product.name,
    brand: product.brand,
    description: product.description,
    imagePath: product.imagePath,
    price,
    priceVaries: prices.some((p) => p.finalUnitCents !== price.finalUnitCents),
    summary,
    reviews,
    productUrl,
    qrSvg: await QRCode.toString(productUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }),
  };
}
