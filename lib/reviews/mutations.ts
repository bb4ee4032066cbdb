import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { productReviews, products } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import type { ModerateReviewInput, WriteReviewInput } from './schemas';
import { isVerifiedBuyer } from './verified-buyer';

/**
 * Writes the signed-in customer's review of a product, or replaces their earlier one (one per
 * customer per product: a unique index, so two posts at once cannot make two). Only a verified
 * buyer may review (see isVerifiedBuyer). A review the admin hid stays hidden when it is rewritten:
 * editing is no way around moderation.
 *
 * Errors (DomainError): forbidden (not a customer), notFound (no such active product),
 * reviews.notVerifiedBuyer.
 */
export async function writeReview(
  db: DbOrTx,
  input: WriteReviewInput,
  actor: Actor,
  locale: 'nl' | 'en',
): Promise<{ reviewId: number; replaced: boolean }> {
  const customerId = actor.role === 'customer' ? actor.customerId : null;
  if (!customerId) throw new DomainError('forbidden');
  return db.transaction(async (tx) => {
    const [product] = await tx
      .select({ id: products.id })
      .from(products)
      .where(and(eq(products.id, input.productId), eq(products.active, true)));
    if (!product) throw new DomainError('notFound');
    if (!(await isVerifiedBuyer(tx, customerId, product.id))) throw new DomainError('reviews.notVerifiedBuyer');

    const text = { rating: input.rating, title: input.title ?? null, body: input.body ?? null, locale, verifiedBuyer: true };
    const [row] = await tx
      .insert(productReviews)
      .values({ productId: product.id, customerId, ...text })
      .onConflictDoUpdate({
        target: [productReviews.productId, productReviews.customerId],
        // The date shown is the date of the text shown.
        set: { ...text, createdAt: sql`now()`, updatedAt: sql`now()` },
      })
      // xmax = 0 only for a freshly inserted row: tells a first review from a replaced one.
      .returning({ id: productReviews.id, inserted: sql<boolean>`(xmax = 0)` });
    return { reviewId: row.id, replaced: !row.inserted };
  });
}

/** The admin hides a review from every surface, or publishes it again. Recorded in the audit log. */
export async function moderateReview(db: DbOrTx, input: ModerateReviewInput, actor: Actor): Promise<void> {
  if (actor.role !== 'admin') throw new DomainError('forbidden');
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(productReviews)
      .set({ status: input.status, moderatedByUserId: actor.userId, moderatedAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(productReviews.id, input.reviewId))
      .returning({ id: productReviews.id, productId: productReviews.productId });
    if (!row) throw new DomainError('notFound');
    await recordAudit(tx, actor, {
      action: input.status === 'hidden' ? 'review.hidden' : 'review.published',
      entityType: 'product_review',
      entityId: row.id,
      summary: `Review ${row.id} of product ${row.productId} ${input.status}`,
      after: { status: input.status },
    });
  });
}
