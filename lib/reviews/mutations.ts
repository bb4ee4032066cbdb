import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { productReviews, products } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import type { ModerateReviewInput, WriteReviewInput } from './schemas';
import { verifiedPurchaseChannel } from './verified-buyer';

/**
 * Writes the signed-in customer's review of a product, or replaces their earlier one (one per
 * customer per product: a unique index, so two posts at once cannot make two). Only a verified
 * buyer may review (see verifiedPurchaseChannel). Every new or rewritten review waits for the admin's
 * approval (status 'pending'): nothing shows before it is approved, and editing is no way around it.
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
    const purchaseChannel = await verifiedPurchaseChannel(tx, customerId, product.id);
    if (!purchaseChannel) throw new DomainError('reviews.notVerifiedBuyer');

    const text = {
      rating: input.rating,
      title: input.title ?? null,
      body: input.body ?? null,
      locale,
      verifiedBuyer: true,
      purchaseChannel,
      status: 'pending' as const,
      rejectReason: null,
      moderatedByUserId: null,
      moderatedAt: null,
    };
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

/**
 * The admin approves a review (it shows on the product page, at the counter and on the in-store display)
 * or rejects it with a reason the customer reads on the product page. Either decision can be changed
 * later. Recorded in the audit log.
 */
export async function moderateReview(db: DbOrTx, input: ModerateReviewInput, actor: Actor): Promise<void> {
  if (actor.role !== 'admin') throw new DomainError('forbidden');
  const status = input.decision === 'approve' ? 'published' : 'rejected';
  const rejectReason = input.decision === 'reject' ? input.reason : null;
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ status: productReviews.status })
      .from(productReviews)
      .where(eq(productReviews.id, input.reviewId))
      .for('update');
    if (!before) throw new DomainError('notFound');
    const [row] = await tx
      .update(productReviews)
      .set({ status, rejectReason, moderatedByUserId: actor.userId, moderatedAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(productReviews.id, input.reviewId))
      .returning({ id: productReviews.id, productId: productReviews.productId });
    await recordAudit(tx, actor, {
      action: status === 'published' ? 'review.approved' : 'review.rejected',
      entityType: 'product_review',
      entityId: row.id,
      summary: `Review ${row.id} of product ${row.productId} ${status}`,
      before: { status: before.status },
      after: { status, rejectReason },
    });
  });
}
