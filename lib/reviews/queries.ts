import 'server-only';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { customers, productReviews, products, variants, type ReviewStatus } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { isVerifiedBuyer } from './verified-buyer';

export interface ReviewSummary {
  productId: number;
  /** Average of the published ratings, one decimal; 0 when there are none. */
  average: number;
  count: number;
  /** Published reviews per star: distribution[0] = 1 star … distribution[4] = 5 stars. */
  distribution: [number, number, number, number, number];
}

/** An approved review as shoppers, clerks and the in-store display see it (first name only). */
export interface PublicReview {
  id: number;
  rating: number;
  title: string | null;
  body: string | null;
  locale: 'nl' | 'en';
  verifiedBuyer: boolean;
  /** Where the reviewer bought it: "Verified purchase · in store / online". */
  purchaseChannel: 'web' | 'store' | null;
  authorFirstName: string;
  createdAt: Date;
}

const stars = (n: number) => sql<number>`(count(*) filter (where ${productReviews.rating} = ${n}))::int`;
const summaryColumns = {
  productId: productReviews.productId,
  average: sql<number>`round(avg(${productReviews.rating}), 1)::float8`,
  count: sql<number>`count(*)::int`,
  r1: stars(1),
  r2: stars(2),
  r3: stars(3),
  r4: stars(4),
  r5: stars(5),
};

const toSummary = (row: { productId: number; average: number; count: number; r1: number; r2: number; r3: number; r4: number; r5: number }): ReviewSummary => ({
  productId: row.productId,
  average: Number(row.average),
  count: row.count,
  distribution: [row.r1, row.r2, row.r3, row.r4, row.r5],
});

const emptySummary = (productId: number): ReviewSummary => ({ productId, average: 0, count: 0, distribution: [0, 0, 0, 0, 0] });

/** Average, count and distribution of a product's published reviews, per product, computed in SQL. */
export async function getReviewSummaries(db: DbOrTx, productIds: number[]): Promise<Map<number, ReviewSummary>> {
  const out = new Map(productIds.map((id) => [id, emptySummary(id)]));
  if (productIds.length === 0) return out;
  const rows = await db
    .select(summaryColumns)
    .from(productReviews)
    .where(and(inArray(productReviews.productId, productIds), eq(productReviews.status, 'published')))
    .groupBy(productReviews.productId);
  for (const row of rows) out.set(row.productId, toSummary(row));
  return out;
}

export async function getReviewSummary(db: DbOrTx, productId: number): Promise<ReviewSummary> {
  return (await getReviewSummaries(db, [productId])).get(productId)!;
}

/** The product's published reviews, newest first. */
export async function listProductReviews(db: DbOrTx, productId: number, options: { limit?: number } = {}): Promise<PublicReview[]> {
  const rows = await db
    .select({
      id: productReviews.id,
      rating: productReviews.rating,
      title: productReviews.title,
      body: productReviews.body,
      locale: productReviews.locale,
      verifiedBuyer: productReviews.verifiedBuyer,
      purchaseChannel: productReviews.purchaseChannel,
      authorName: customers.name,
      createdAt: productReviews.createdAt,
    })
    .from(productReviews)
    .innerJoin(customers, eq(customers.id, productReviews.customerId))
    .where(and(eq(productReviews.productId, productId), eq(productReviews.status, 'published')))
    .orderBy(desc(productReviews.createdAt), desc(productReviews.id))
    .limit(Math.min(options.limit ?? 50, 200));
  return rows.map(({ authorName, ...r }) => ({ ...r, authorFirstName: authorName.trim().split(/\s+/)[0] ?? '' }));
}

/** The badge of a review ("Verified purchase · in store / online"), a key of reviews.section. */
export function verifiedBadgeKey(review: Pick<PublicReview, 'purchaseChannel'>): 'verifiedStore' | 'verifiedWeb' | 'verifiedBuyer' {
  return review.purchaseChannel === 'store' ? 'verifiedStore' : review.purchaseChannel === 'web' ? 'verifiedWeb' : 'verifiedBuyer';
}

export interface MyReviewState {
  /** A verified buyer may write (or rewrite) a review. */
  canReview: boolean;
  /** Their own review, whatever its moderation (pending, published, or rejected with the admin's reason). */
  mine: { rating: number; title: string | null; body: string | null; status: ReviewStatus; rejectReason: string | null } | null;
}

/** What the product page offers the signed-in shopper: the form (a verified buyer) and their own review. */
export async function getMyReviewState(db: DbOrTx, productId: number, actor: Actor | null): Promise<MyReviewState> {
  const customerId = actor?.role === 'customer' ? actor.customerId : null;
  if (!customerId) return { canReview: false, mine: null };
  const [mine] = await db
    .select({
      rating: productReviews.rating,
      title: productReviews.title,
      body: productReviews.body,
      status: productReviews.status,
      rejectReason: productReviews.rejectReason,
    })
    .from(productReviews)
    .where(and(eq(productReviews.productId, productId), eq(productReviews.customerId, customerId)));
  return { canReview: await isVerifiedBuyer(db, customerId, productId), mine: mine ?? null };
}

export interface AdminReviewRow {
  id: number;
  productId: number;
  productSlug: string;
  productName: string;
  customerId: number;
  customerName: string;
  rating: number;
  title: string | null;
  body: string | null;
  status: ReviewStatus;
  rejectReason: string | null;
  purchaseChannel: 'web' | 'store' | null;
  createdAt: Date;
}

/** The admin's moderation list, newest first (every status, or one). Admins only. */
export async function listReviewsForAdmin(
  db: DbOrTx,
  actor: Actor,
  options: { status?: ReviewStatus; locale: 'nl' | 'en'; limit?: number },
): Promise<AdminReviewRow[]> {
  if (actor.role !== 'admin') throw new DomainError('forbidden');
  return db
    .select({
      id: productReviews.id,
      productId: products.id,
      productSlug: products.slug,
      productName: options.locale === 'nl' ? products.nameNl : products.nameEn,
      customerId: customers.id,
      customerName: customers.name,
      rating: productReviews.rating,
      title: productReviews.title,
      body: productReviews.body,
      status: productReviews.status,
      rejectReason: productReviews.rejectReason,
      purchaseChannel: productReviews.purchaseChannel,
      createdAt: productReviews.createdAt,
    })
    .from(productReviews)
    .innerJoin(products, eq(products.id, productReviews.productId))
    .innerJoin(customers, eq(customers.id, productReviews.customerId))
    .where(options.status ? eq(productReviews.status, options.status) : undefined)
    .orderBy(desc(productReviews.createdAt), desc(productReviews.id))
    .limit(Math.min(options.limit ?? 200, 500));
}

/**
 * For the account's order page: per variant of the order's lines, the slug of its product when the
 * signed-in customer may review it (a verified buyer), so the page links "Write a review".
 */
export async function reviewLinksForVariants(db: DbOrTx, actor: Actor | null, variantIds: number[]): Promise<Record<number, string>> {
  const customerId = actor?.role === 'customer' ? actor.customerId : null;
  if (!customerId || variantIds.length === 0) return {};
  const rows = await db
    .select({ variantId: variants.id, productId: products.id, slug: products.slug })
    .from(variants)
    .innerJoin(products, eq(products.id, variants.productId))
    .where(and(inArray(variants.id, [...new Set(variantIds)]), eq(products.active, true)));
  const out: Record<number, string> = {};
  const verdicts = new Map<number, boolean>();
  for (const row of rows) {
    if (!verdicts.has(row.productId)) verdicts.set(row.productId, await isVerifiedBuyer(db, customerId, row.productId));
    if (verdicts.get(row.productId)) out[row.variantId] = row.slug;
  }
  return out;
}

/** What the counter shows beside a search result: the product's average and count, and its display page's slug. */
export interface CounterReviewBadge {
  slug: string;
  average: number;
  count: number;
}

export async function getCounterReviewBadges(db: DbOrTx, productIds: number[]): Promise<Record<number, CounterReviewBadge>> {
  const ids = [...new Set(productIds)];
  if (ids.length === 0) return {};
  const [summaries, slugs] = await Promise.all([
    getReviewSummaries(db, ids),
    db.select({ id: products.id, slug: products.slug }).from(products).where(inArray(products.id, ids)),
  ]);
  return Object.fromEntries(
    slugs.map(({ id, slug }) => {
      const s = summaries.get(id)!;
      return [id, { slug, average: s.average, count: s.count }];
    }),
  );
}
