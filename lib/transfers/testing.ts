// Fixtures for tests (the security world); never imported by app code.
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { stockTransferLines } from '@/db/schema';
import type { Actor } from '@/lib/identity/queries';
import { requestTransfer, shipTransfer } from './mutations';

/**
 * Two transfers only an admin may act on (the warehouse is at one end of each): one requested from the
 * warehouse to store A (to ship or cancel), one on its way from store A to the warehouse (to receive).
 */
export async function createTransferThings(
  db: DbOrTx,
  shop: { warehouse: { id: number }; storeA: { id: number }; variant: { id: number } },
  admin: Actor,
) {
  const line = [{ variantId: shop.variant.id, quantity: 1 }];
  const requested = await requestTransfer(db, { fromLocationId: shop.warehouse.id, toLocationId: shop.storeA.id, lines: line }, admin);
  const moving = await requestTransfer(db, { fromLocationId: shop.storeA.id, toLocationId: shop.warehouse.id, lines: line }, admin);
  await shipTransfer(db, moving.id, admin);
  const [movingLine] = await db.select({ id: stockTransferLines.id }).from(stockTransferLines).where(eq(stockTransferLines.transferId, moving.id));
  return { requestedTransferId: requested.id, inTransitTransferId: moving.id, inTransitLineId: movingLine.id };
}
