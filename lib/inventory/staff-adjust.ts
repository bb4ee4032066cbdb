import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { locations, stockLevels, variants } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { adjustStock } from './mutations';
import type { AdjustStockFormInput, LowStockThresholdInput } from './schemas';

// An admin's corrections of one stock position (variant × location), each ONE ledger movement
// (reason 'adjustment', with why) plus ONE audit row, in one transaction.

async function positionLabel(tx: DbOrTx, variantId: number, locationId: number) {
  const [row] = await tx
    .select({ sku: variants.sku, location: locations.name })
    .from(variants)
    .innerJoin(locations, eq(locations.id, locationId))
    .where(eq(variants.id, variantId));
  if (!row) throw new DomainError('notFound');
  return row;
}

/** The position as it is now, locked until the transaction ends (a missing row is 0 / 0). */
async function lockPosition(tx: DbOrTx, variantId: number, locationId: number) {
  const [row] = await tx
    .select({ onHand: stockLevels.onHand, reserved: stockLevels.reserved, threshold: stockLevels.lowStockThreshold })
    .from(stockLevels)
    .where(and(eq(stockLevels.variantId, variantId), eq(stockLevels.locationId, locationId)))
    .for('update');
  return row ?? { onHand: 0, reserved: 0, threshold: null };
}

/**
 * A stock count ("set": on hand becomes `quantity`) or a change ("delta": on hand ± `quantity`) by an
 * admin. Never below zero and never below what is reserved for orders and transfers: then
 * DomainError('stockBelowReserved' | 'stockBelowZero', field 'quantity') and nothing changes. The
 * guard is the ledger's conditional update; the locked read only describes the change for the audit.
 */
export async function adjustStockPosition(
  db: DbOrTx,
  input: AdjustStockFormInput,
  actor: Actor,
): Promise<{ onHand: number; reserved: number; available: number }> {
  return db.transaction(async (tx) => {
    const label = await positionLabel(tx, input.variantId, input.locationId);
    const before = await lockPosition(tx, input.variantId, input.locationId);
    const target = input.mode === 'set' ? input.quantity : before.onHand + input.quantity;
    if (target < 0) throw new DomainError('stockBelowZero', { onHand: before.onHand }, 'quantity');
    if (target < before.reserved) throw new DomainError('stockBelowReserved', { reserved: before.reserved }, 'quantity');
    const common = {
      variantId: input.variantId,
      locationId: input.locationId,
      reason: 'adjustment' as const,
      adjustmentReason: input.reason,
      note: input.note || null,
      actorUserId: actor.userId,
      reference: `adjustment:${input.reason}`,
    };
    let result;
    try {
      result =
        input.mode === 'set' ? await adjustStock(tx, { ...common, setOnHand: target }) : await adjustStock(tx, { ...common, delta: input.quantity });
    } catch (error) {
      // Only if the lock above was somehow bypassed: the conditional update still refuses.
      if (error instanceof DomainError && error.code === 'outOfStock') throw new DomainError('stockBelowReserved', { reserved: before.reserved }, 'quantity');
      throw error;
    }
    await recordAudit(tx, actor, {
      action: 'stock.adjusted',
      entityType: 'stock_level',
      entityId: `${input.variantId}:${input.locationId}`,
      summary: `${label.sku} @ ${label.location}: ${before.onHand} → ${result.onHand} (${input.reason})`,
      before: { onHand: before.onHand },
      after: { onHand: result.onHand, reason: input.reason },
    });
    return { onHand: result.onHand, reserved: result.reserved, available: result.available };
  });
}

/**
 * A position's own low-stock threshold (null = the shop-wide default). A position that has no stock
 * row yet gets one at 0 / 0 (no quantity changes, so no ledger movement).
 */
export async function setLowStockThreshold(db: DbOrTx, input: LowStockThresholdInput, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const label = await positionLabel(tx, input.variantId, input.locationId);
    const before = await lockPosition(tx, input.variantId, input.locationId);
    const threshold = input.threshold ?? null;
    await tx
      .insert(stockLevels)
      .values({ variantId: input.variantId, locationId: input.locationId, onHand: 0, lowStockThreshold: threshold })
      .onConflictDoUpdate({ target: [stockLevels.variantId, stockLevels.locationId], set: { lowStockThreshold: threshold } });
    await recordAudit(tx, actor, {
      action: 'stock.threshold_set',
      entityType: 'stock_level',
      entityId: `${input.variantId}:${input.locationId}`,
      summary: `${label.sku} @ ${label.location}: low-stock threshold ${before.threshold ?? 'default'} → ${threshold ?? 'default'}`,
      before: { lowStockThreshold: before.threshold },
      after: { lowStockThreshold: threshold },
    });
  });
}
