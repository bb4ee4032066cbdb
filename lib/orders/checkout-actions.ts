'use server';

import { redirect } from 'next/navigation';
import { access, action } from '@/lib/actions/action';
import { assertCartAccess, getCart } from '@/lib/carts/queries';
import { currentWebCartId, latestWebCartId, readCartCookie, shopperCustomerId } from '@/lib/carts/web-cart';
import { getDb } from '@/lib/db';
import { DomainError } from '@/lib/errors';
import { ensureLoyaltyCard } from '@/lib/loyalty/cards';
import { redeemPointsForOrder } from '@/lib/loyalty/redeem';
import { startPayment } from '@/lib/payments/mutations';
import { getStoreCreditBalance, spendStoreCredit } from '@/lib/store-credit/ledger';
import { paidCents, recordPayment } from './record-payment';
import { enforceRateLimits, requestClientAddress } from '@/lib/rate-limit/public-limits';
import { rememberGuestOrder } from './guest-orders';
import { placeOrder } from './mutations';
import { checkoutSchema } from './schemas';

/**
 * The web checkout: places the order for the visitor's cart (priced, stock reserved, one transaction
 * in placeOrder), opens an online payment and sends the shopper to the provider's page. The
 * idempotency key comes with the form (one per checkout page), so a repeated submit returns the
 * first order and its open payment instead of a second order.
 */
export const placeWebOrderAction = action(
  { schema: checkoutSchema, access: access.public },
  async (input, { actor, locale }) => {
    const db = getDb();
    await enforceRateLimits(db, [['checkoutPerAddress', await requestClientAddress()]]);
    const cookie = await readCartCookie();
    // The open cart; after a first submit converted it, the visitor's latest cart, so a repeat finds its order.
    const cartId = (await currentWebCartId(db, actor)) ?? (await latestWebCartId(db, actor));
    const cart = cartId ? await getCart(db, cartId) : null;
    if (!cart || cart.channel !== 'web') throw new DomainError('cartEmpty');
    assertCartAccess(cart, actor, cookie);
    await enforceRateLimits(db, [['checkoutPerCart', cart.id]]);

    const { loyaltyPoints = 0, paymentMethod, useStoreCredit, ...orderInput } = input;
    let placed;
    try {
      // Points pay part of the order in the same transaction: refused points place no order.
      placed = await db.transaction(async (tx) => {
        if (loyaltyPoints > 0 && actor?.role === 'customer' && actor.customerId) await ensureLoyaltyCard(tx, actor.customerId);
        const order = await placeOrder(tx, { ...orderInput, channel: 'web', cartId: cart.id, locale }, actor);
        if (loyaltyPoints > 0) {
          if (actor?.role !== 'customer') throw new DomainError('loyaltyNoCustomer', {}, 'loyaltyPoints');
          await redeemPointsForOrder(tx, { orderId: order.orderId, points: loyaltyPoints, idempotencyKey: input.idempotencyKey }, actor);
        }
        // Store credit pays as much as it can next (one conditional update of the balance); the rest online.
        if (useStoreCredit && actor?.role === 'customer' && actor.customerId) {
          const dueCents = order.totalCents - (await paidCents(tx, order.orderId));
          const creditCents = Math.min(await getStoreCreditBalance(tx, actor.customerId), dueCents);
          if (creditCents > 0) {
            const key = `${input.idempotencyKey}:store-credit`;
            await spendStoreCredit(tx, { customerId: actor.customerId, amountCents: creditCents, orderId: order.orderId, idempotencyKey: key, actorUserId: actor.userId });
            await recordPayment(tx, { orderId: order.orderId, method: 'store_credit', amountCents: creditCents, idempotencyKey: key, partial: true }, actor);
          }
        }
        return order;
      });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      // The store ran out: show it at the store field, where the form offers home delivery instead.
      if (error.code === 'pickupStoreOutOfStock')
        throw new DomainError(error.code, error.values, 'pickupLocationId');
      if (error.code === 'invalidState' && cart.status !== 'open') throw new DomainError('cartEmpty');
      throw error;
    }
    // A guest proves later that this browser placed it (order page, "Try again").
    if (!shopperCustomerId(actor)) await rememberGuestOrder(placed.orderId);
    const payment = await startPayment(db, { orderId: placed.orderId, method: paymentMethod }).catch((error: unknown) => {
      // A repeated submit of an order that has been paid meanwhile (or paid by points alone): show the order.
      if (error instanceof DomainError && error.code === 'invalidState') return null;
      throw error;
    });
    redirect(payment ? payment.checkoutUrl : `/orders/${placed.orderId}`);
  },
);
