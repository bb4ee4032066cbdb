// For tests only (the security world, the shop/admin return tests): a collected order of the owner with
// returns in each state the web and admin actions act on. Imported by *.test.ts files and lib/security/world.ts.
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '@/db/client';
import { orderLines, returnLines } from '@/db/schema';
import type { Actor } from '@/lib/identity/queries';
import { addToCart, getOrCreateWebCart } from '@/lib/carts/mutations';
import { placeOrder, recordPayment } from '@/lib/orders/mutations';
import { handOverPickup, markPickupReady } from '@/lib/orders/pickup-mutations';
import { receiveStock, type createShop } from '@/lib/testing/fixtures';
import { createReturn, receiveReturn } from './mutations';

type Shop = Awaited<ReturnType<typeof createShop>>;

/**
 * The owner's pickup of 3 units at store A, paid and collected, then: one unit on a posted return still
 * to arrive at the warehouse (requested), one unit returned at store A's counter (received, not yet
 * refunded), one unit still returnable.
 */
export async function createWebReturnThings(db: DbOrTx, shop: Shop, people: { owner: Actor; clerk: Actor; admin: Actor }) {
  // What this order takes, so the world's other things at store A keep theirs.
  await receiveStock(db, shop.variant.id, shop.storeA.id, 3);
  const { cartId } = await getOrCreateWebCart(db, { customerId: people.owner.customerId });
  await addToCart(db, { cartId, variantId: shop.variant.id, quantity: 3 });
  const placed = await placeOrder(
    db,
    { idempotencyKey: randomUUID(), channel: 'web', fulfilment: 'pickup', cartId, pickupLocationId: shop.storeA.id },
    people.owner,
  );
  await recordPayment(db, { orderId: placed.orderId, method: 'test_provider', amountCents: placed.totalCents, idempotencyKey: randomUUID() }, null);
  await markPickupReady(db, { orderId: placed.orderId, storeId: shop.storeA.id, actor: people.clerk });
  const [code] = rowsOf<{ code: string }>(await db.execute(sql`select pickup_code as code from orders where id = ${placed.orderId}`));
  await handOverPickup(db, { orderId: placed.orderId, storeId: shop.storeA.id, actor: people.clerk, pickupCode: code.code });
  const [line] = await db.select({ id: orderLines.id }).from(orderLines).where(eq(orderLines.orderId, placed.orderId));

  const posted = await createReturn(db, {
    orderId: placed.orderId,
    method: 'post',
    locationId: shop.warehouse.id,
    lines: [{ orderLineId: line.id, quantity: 1, reason: 'too_small' }],
    receiveNow: false,
    actor: people.owner,
    idempotencyKey: randomUUID(),
  });
  const [postedLine] = await db.select({ id: returnLines.id }).from(returnLines).where(eq(returnLines.returnId, posted.returnId));
  const atCounter = await createReturn(db, {
    orderId: placed.orderId,
    method: 'counter',
    locationId: shop.storeA.id,
    lines: [{ orderLineId: line.id, quantity: 1, reason: 'changed_mind' }],
    receiveNow: false,
    actor: people.owner,
    idempotencyKey: randomUUID(),
  });
  const [counterLine] = await db.select({ id: returnLines.id }).from(returnLines).where(eq(returnLines.returnId, atCounter.returnId));
  await receiveReturn(db, { returnId: atCounter.returnId, locationId: shop.storeA.id, conditions: [{ returnLineId: counterLine.id, condition: 'resellable' }], actor: people.clerk });

  return {
    orderId: placed.orderId,
    orderLineId: line.id,
    /** By post, requested: the warehouse's to receive (or cancel). */
    postedReturnId: posted.returnId,
    postedReturnLineId: postedLine.id,
    /** Handed in at store A and received: to refund. */
    receivedReturnId: atCounter.returnId,
  };
}
