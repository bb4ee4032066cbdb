import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { stockTransferLines, stockTransfers, type OrderStatus } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { releaseStock } from '@/lib/inventory/mutations';

/**
 * Called by transitionOrder before an order changes status, for an endless-aisle order whose goods are
 * still coming by transfer (nothing is reserved for it at its pickup store yet):
 * - 'ready_for_pickup' is refused (DomainError 'orderAwaitingTransfer'): receiving the transfer does it;
 * - 'cancelled' cancels a transfer that has not left, releasing its reservation at the origin, and tells
 *   the caller there is no reservation of the order's own to release (`skipStock`); a transfer already
 *   on its way must be received first (DomainError 'orderTransferInTransit').
 * Orders without an open transfer are untouched ({ skipStock: false }).
 */
export async function guardOrderTransfer(
  tx: DbOrTx,
  orderId: string,
  to: OrderStatus,
  actor: Actor | 'system',
): Promise<{ skipStock: boolean }> {
  const open = await tx
    .select({ id: stockTransfers.id, number: stockTransfers.number, status: stockTransfers.status, fromLocationId: stockTransfers.fromLocationId })
    .from(stockTransfers)
    .where(and(eq(stockTransfers.orderId, orderId), inArray(stockTransfers.status, ['requested', 'in_transit'])))
    .for('update');
  if (open.length === 0) return { skipStock: false };
  if (to === 'ready_for_pickup') throw new DomainError('orderAwaitingTransfer', { number: open[0].number });
  if (to !== 'cancelled') return { skipStock: false };
  const moving = open.find((t) => t.status === 'in_transit');
  if (moving) throw new DomainError('orderTransferInTransit', { number: moving.number });
  const actorUserId = actor === 'system' ? null : actor.userId;
  for (const transfer of open) {
    await tx.update(stockTransfers).set({ status: 'cancelled' }).where(and(eq(stockTransfers.id, transfer.id), eq(stockTransfers.status, 'requested')));
    const lines = await tx
      .select({ variantId: stockTransferLines.variantId, quantity: stockTransferLines.quantity })
      .from(stockTransferLines)
      .where(eq(stockTransferLines.transferId, transfer.id))
      .orderBy(asc(stockTransferLines.variantId));
    for (const line of lines) {
      await releaseStock(tx, { variantId: line.variantId, locationId: transfer.fromLocationId, quantity: line.quantity, reference: transfer.number, actorUserId });
    }
    if (actor !== 'system') {
      await recordAudit(tx, actor, { action: 'transfer.cancelled', entityType: 'stock_transfer', entityId: transfer.id, summary: `${transfer.number} cancelled with its order`, before: { status: 'requested' }, after: { status: 'cancelled' } });
    }
  }
  return { skipStock: true };
}
