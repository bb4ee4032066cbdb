import { and, eq, gt, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { priceChanges, variants } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { assertAdmin } from './product-mutations';
import { amsterdamInstant } from './shop-time';
import { centsText } from './unique';

/**
 * Schedules a new price for a variant from a wall-clock time in Europe/Amsterdam (admin only),
 * audited. From that instant every channel charges it (see effectivePriceCents). Refused on the
 * startsAt field: a malformed time, one the DST change skips, or one not in the future.
 */
export async function schedulePriceChange(
  db: DbOrTx,
  input: { variantId: number; startsAt: string; price: number },
  actor: Actor,
  now: Date = new Date(),
): Promise<{ id: number; productId: number; startsAt: Date }> {
  assertAdmin(actor);
  const instant = amsterdamInstant(input.startsAt);
  if ('error' in instant) {
    throw new DomainError(instant.error === 'invalid' ? 'catalog.dateTime' : 'catalog.nonexistentTime', { time: input.startsAt.replace('T', ' ') }, 'startsAt');
  }
  if (instant.at.getTime() <= now.getTime()) throw new DomainError('catalog.startsInPast', {}, 'startsAt');
  return db.transaction(async (tx) => {
    const [variant] = await tx
      .select({ productId: variants.productId, sku: variants.sku })
      .from(variants)
      .where(eq(variants.id, input.variantId));
    if (!variant) throw new DomainError('notFound');
    const [row] = await tx
      .insert(priceChanges)
      .values({ variantId: input.variantId, priceCents: input.price, startsAt: instant.at, createdByUserId: actor.userId })
      .returning({ id: priceChanges.id });
    await recordAudit(tx, actor, {
      action: 'price_change.scheduled',
      entityType: 'variant',
      entityId: input.variantId,
      summary: `Price of ${variant.sku} ${centsText(input.price)} from ${input.startsAt} (Europe/Amsterdam)`,
      after: { priceChangeId: row.id, priceCents: input.price, startsAt: instant.at.toISOString() },
    });
    return { id: row.id, productId: variant.productId, startsAt: instant.at };
  });
}

/** Cancels a scheduled price change that has not started yet (admin only), audited. A started one → invalidState. */
export async function cancelPriceChange(db: DbOrTx, id: number, actor: Actor, now: Date = new Date()): Promise<{ productId: number; variantId: number }> {
  assertAdmin(actor);
  return db.transaction(async (tx) => {
    const [change] = await tx
      .select({
        variantId: priceChanges.variantId,
        priceCents: priceChanges.priceCents,
        startsAt: priceChanges.startsAt,
        cancelledAt: priceChanges.cancelledAt,
        productId: variants.productId,
        sku: variants.sku,
      })
      .from(priceChanges)
      .innerJoin(variants, eq(variants.id, priceChanges.variantId))
      .where(eq(priceChanges.id, id));
    if (!change) throw new DomainError('notFound');
    // Conditional: only a change still pending at `now` is cancelled, even if it starts meanwhile.
    const [cancelled] = await tx
      .update(priceChanges)
      .set({ cancelledAt: now, updatedAt: now })
      .where(and(eq(priceChanges.id, id), isNull(priceChanges.cancelledAt), gt(priceChanges.startsAt, now)))
      .returning({ id: priceChanges.id });
    if (!cancelled) throw new DomainError('catalog.priceChangeNotPending');
    await recordAudit(tx, actor, {
      action: 'price_change.cancelled',
      entityType: 'variant',
      entityId: change.variantId,
      summary: `Scheduled price ${centsText(change.priceCents)} of ${change.sku} cancelled`,
      before: { priceChangeId: id, cancelledAt: null },
      after: { priceChangeId: id, cancelledAt: now.toISOString() },
    });
    return { productId: change.productId, variantId: change.variantId };
  });
}
