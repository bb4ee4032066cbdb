import { asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { productReviews, products } from '@/db/schema';

// A customer's reviews in the profile's life cycle: merged with the profile (lib/identity/profile-merge,
// lib/customers merge), exported and erased with the person's data (lib/customers export / erase).

/**
 * Moves the reviews of profile `from` to `into`. One review per customer per product: where both
 * reviewed the same product, the newer review is kept and the other deleted.
 */
export async function mergeReviews(tx: DbOrTx, from: number, into: number): Promise<void> {
  // The older of each pair (on either side) goes first, so the unique index holds after the move.
  await tx.execute(sql`
    delete from product_reviews r using product_reviews other
    where r.product_id = other.product_id
      and r.customer_id in (${from}, ${into}) and other.customer_id in (${from}, ${into})
      and r.customer_id <> other.customer_id
      and (r.created_at, r.id) < (other.created_at, other.id)`);
  await tx.update(productReviews).set({ customerId: into }).where(eq(productReviews.customerId, from));
}

/** The person's reviews for the GDPR export (their own words, any status). */
export async function exportReviews(tx: DbOrTx, customerId: number) {
  return tx
    .select({
      productSlug: products.slug,
      rating: productReviews.rating,
      title: productReviews.title,
      body: productReviews.body,
      locale: productReviews.locale,
      status: productReviews.status,
      createdAt: productReviews.createdAt,
    })
    .from(productReviews)
    .innerJoin(products, eq(products.id, productReviews.productId))
    .where(eq(productReviews.customerId, customerId))
    .orderBy(asc(productReviews.createdAt), asc(productReviews.id));
}

/** GDPR erase: the person's reviews are deleted (their words and rating; no accounting depends on them). */
export async function eraseReviews(tx: DbOrTx, customerId: number): Promise<number> {
  const gone = await tx.delete(productReviews).where(eq(productReviews.customerId, customerId)).returning({ id: productReviews.id });
  return gone.length;
}

