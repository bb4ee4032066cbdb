import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { promotionCustomerUsage, promotionRedemptions } from '@/db/schema';

/**
 * A merged profile's promotion uses count for the kept one (a once-per-customer code stays used):
 * per-promotion counts add up, redemptions move.
 */
export async function mergePromotionUsage(tx: DbOrTx, from: number, into: number): Promise<void> {
  if (from === into) return;
  const moved = await tx
    .delete(promotionCustomerUsage)
    .where(eq(promotionCustomerUsage.customerId, from))
    .returning();
  for (const use of moved) {
    await tx
      .insert(promotionCustomerUsage)
      .values({ promotionId: use.promotionId, customerId: into, usedCount: use.usedCount })
      .onConflictDoUpdate({
        target: [promotionCustomerUsage.promotionId, promotionCustomerUsage.customerId],
        set: { usedCount: sql`${promotionCustomerUsage.usedCount} + ${use.usedCount}` },
      });
  }
  await tx
    .update(promotionRedemptions)
    .set({ customerId: into })
    .where(eq(promotionRedemptions.customerId, from));
}
