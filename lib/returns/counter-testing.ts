// For tests only (the security world, the counter return tests): orders and returns in the states the
// counter's return actions act on — the owner's, handled at store A, and a walk-in's of store B that
// store B's clerk may act on ("their own"). Imported by *.test.ts files and lib/security/world.ts.
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '@/db/client';
import { orderLines, returnLines } from '@/db/schema';
import { addToCart, getOrCreateCounterCart, getOrCreateWebCart } from '@/lib/carts/mutations';
import type { Actor } from '@/lib/identity/queries';
import { completeCounterSale } from '@/lib/orders/counter-sale';
import { placeOrder, recordPayment } from '@/lib/orders/mutations';
import { handOverPickup, markPickupReady } from '@/lib/orders/pickup-mutations';
import { createProduct, createVariant, receiveStock, type createShop } from '@/lib/testing/fixtures';
import { createReturn, exchangeAtCounter, receiveReturn } from './mutations';

type Shop = Awaited<ReturnType<typeof createShop>>;

async function firstLine(db: DbOrTx, orderId: string): Promise<number> {
  const [line] = await db.select({ id: orderLines.id }).from(orderLines).where(eq(orderLines.orderId, orderId));
  return line.id;
}

async function returnLineOf(db: DbOrTx, returnId: string): Promise<number> {
  const [line] = await db.select({ id: returnLines.id }).from(returnLines).where(eq(returnLines.returnId, returnId));
  return line.id;
}

/**
 * - the owner's pickup of 6 × the € 50 variant at store A, paid and collected: one unit requested "in a
 *   store" (an RMA for any counter), one received at store A without refund, one exchanged at store A
 *   for the dearer cap (the difference still to pay), three still returnable;
 * - a walk-in's counter sale of 6 units at store B with the same three returns at store B.
 * A € 75 cap (another product) is in stock at both stores.
 */
export async function createCounterReturnThings(db: DbOrTx, shop: Shop, people: { owner: Actor; clerk: Actor; otherStoreClerk: Actor }) {
  const capProduct = await createProduct(db, { categoryId: shop.category.id, slug: 'trail-cap', nameEn: 'Trail Cap', nameNl: 'Trailpet' });
  const cap = await createVariant(db, { productId: capProduct.id, sku: 'TR-CAP-RED', priceCents: 7500, color: 'Red' });
  await receiveStock(db, cap.id, shop.storeA.id, 5);
  await receiveStock(db, cap.id, shop.storeB.id, 5);
  // What these orders take, so the world's other things at store A keep theirs.
  await receiveStock(db, shop.variant.id, shop.storeA.id, 6);
  await receiveStock(db, shop.variant.id, shop.storeB.id, 6);

  // The owner's: collected at store A.
  const { cartId } = await getOrCreateWebCart(db, { customerId: people.owner.customerId });
  await addToCart(db, { cartId, variantId: shop.variant.id, quantity: 6 });
  const placed = await placeOrder(db, { idempotencyKey: randomUUID(), channel: 'web', fulfilment: 'pickup', cartId, pickupLocationId: shop.storeA.id }, people.owner);
  await recordPayment(db, { orderId: placed.orderId, method: 'test_provider', amountCents: placed.totalCents, idempotencyKey: randomUUID() }, null);
  await markPickupReady(db, { orderId: placed.orderId, storeId: shop.storeA.id, actor: people.clerk });
  const [code] = rowsOf<{ code: string }>(await db.execute(sql`select pickup_code as code from orders where id = ${placed.orderId}`));
  await handOverPickup(db, { orderId: placed.orderId, storeId: shop.storeA.id, actor: people.clerk, pickupCode: code.code });

  // The walk-in's: a card sale at store B's counter.
  const counter = await getOrCreateCounterCart(db, { clerkUserId: people.otherStoreClerk.userId, locationId: shop.storeB.id });
  await addToCart(db, { cartId: counter.cartId, variantId: shop.variant.id, quantity: 6 });
  const sale = await completeCounterSale(db, { idempotencyKey: randomUUID(), method: 'card_terminal', cartId: counter.cartId, storeId: shop.storeB.id }, people.otherStoreClerk);

  const states = async (orderId: string, storeId: number, clerk: Actor, requester: Actor) => {
    const orderLineId = await firstLine(db, orderId);
    const requested = await createReturn(db, {
      orderId,
      method: 'counter',
      locationId: null,
      lines: [{ orderLineId, quantity: 1, reason: 'too_small' }],
      receiveNow: false,
      actor: requester,
      idempotencyKey: randomUUID(),
    });
    const received = await createReturn(db, {
      orderId,
      method: 'counter',
      locationId: storeId,
      lines: [{ orderLineId, quantity: 1, reason: 'changed_mind' }],
      receiveNow: false,
      actor: clerk,
      idempotencyKey: randomUUID(),
    });
    await receiveReturn(db, { returnId: received.returnId, locationId: storeId, conditions: [{ returnLineId: await returnLineOf(db, received.returnId), condition: 'resellable' }], actor: clerk });
    const exchange = await exchangeAtCounter(db, {
      orderId,
      returnLines: [{ orderLineId, quantity: 1, reason: 'not_as_expected', condition: 'resellable' }],
      replacements: [{ variantId: cap.id, quantity: 1 }],
      locationId: storeId,
      tillSessionId: null,
      actor: clerk,
      idempotencyKey: randomUUID(),
    });
    return {
      orderId,
      orderLineId,
      requestedReturnId: requested.returnId,
      requestedReturnLineId: await returnLineOf(db, requested.returnId),
      receivedReturnId: received.returnId,
      dearerExchangeReturnId: exchange.returnId,
    };
  };
  return {
    capVariantId: cap.id,
    owner: await states(placed.orderId, shop.storeA.id, people.clerk, people.owner),
    walkIn: await states(sale.orderId, shop.storeB.id, people.otherStoreClerk, people.otherStoreClerk),
  };
}
