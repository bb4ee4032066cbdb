import { z } from 'zod';
import { intFromForm, optionalIntFromForm, PG_INT_MAX } from '@/lib/actions/form-numbers';
import type { DbOrTx } from '@/db/client';
import { getCart } from '@/lib/carts/queries';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { ensureLoyaltyCard } from '@/lib/loyalty/cards';
import { redeemPointsForOrder } from '@/lib/loyalty/redeem';
import { pointsValueCents } from '@/lib/loyalty/rules';
import { euroCentsSchema } from '@/lib/money/euros';
import { getSetting } from '@/lib/settings/settings';
import { bookPaymentsOnTill } from '@/lib/till/cash';
import { placeOrder } from './place-order';
import { recordPayment } from './record-payment';
import { findPlacedOrder } from './shared';

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/**
 * The counter's pay form: how the customer pays and, for cash, what they handed over ("50" or "50,00").
 * The key is rendered into the form, so a double tap sends the same key twice. No cart id and no store:
 * both come from the clerk's session.
 */
export const counterCheckoutSchema = z
  .object({
    idempotencyKey: z.uuid('validation.invalid'),
    expectedTotalCents: intFromForm({ min: 0, max: PG_INT_MAX, message: 'validation.invalid', rangeMessage: 'validation.invalid' }),
    // 'loyalty_points': the points pay the whole sale (loyaltyPoints worth the total).
    method: z.enum(['cash', 'card_terminal', 'loyalty_points'], 'validation.choice'),
    tendered: z.preprocess(blankToUndefined, euroCentsSchema({ min: 0 }).optional()),
    // Points of the attached customer paying part of the sale first (whole steps; checked by lib/loyalty).
    loyaltyPoints: optionalIntFromForm({ min: 0, max: PG_INT_MAX, message: 'validation.invalid', rangeMessage: 'validation.invalid' }),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.method === 'cash' && v.tendered === undefined)
      ctx.addIssue({ code: 'custom', path: ['tendered'], message: 'validation.required' });
    if (v.method === 'loyalty_points' && !v.loyaltyPoints)
      ctx.addIssue({ code: 'custom', path: ['loyaltyPoints'], message: 'validation.required' });
  });

export type CounterCheckoutInput = z.output<typeof counterCheckoutSchema>;

export interface CompletedCounterSale {
  orderId: string;
  number: string;
  totalCents: number;
  changeCents: number | null;
}

/**
 * Sells the clerk's counter cart in ONE transaction: placeOrder (channel 'store', fulfilment
 * 'in_store', stock sold from `storeId`) and recordPayment with the same idempotency key. When the
 * payment is refused (cash below the total) or stock ran out, nothing is kept: no order, no stock
 * movement, the cart stays open. Repeating the key with the same payment details returns the first
 * sale — even though the cart it sold is closed by then; with another method or amount it is a conflict.
 *
 * With `loyaltyPoints`, the attached customer's points pay part of the sale first (a 'loyalty_points'
 * payment, see redeemPointsForOrder) and cash or card pays the rest; the order total is the sum of its
 * payments. Method 'loyalty_points': the points pay it all.
 *
 * Errors (DomainError): loyalty* (see redeemPointsForOrder), loyaltyNotWholeTotal, cartEmpty, outOfStock, productUnavailable, priceChanged, tenderedTooLow
 * (field 'tendered'), forbidden, conflict — see placeOrder and recordPayment.
 */
export async function completeCounterSale(
  db: DbOrTx,
  input: {
    idempotencyKey: string;
    method: 'cash' | 'card_terminal' | 'loyalty_points';
    tenderedCents?: number | null;
    /** Points of the sale's customer that pay part (or, with method 'loyalty_points', all) of it first. */
    loyaltyPoints?: number;
    expectedTotalCents?: number;
    cartId: string | null;
    storeId: number;
    locale?: 'nl' | 'en';
    now?: Date;
  },
  actor: Actor,
): Promise<CompletedCounterSale> {
  return db.transaction(async (tx) => {
    // A repeat finds the cart of the first attempt; it must be this clerk's, like any counter cart.
    const earlier = await findPlacedOrder(tx, input.idempotencyKey);
    const cartId = earlier?.cartId ?? input.cartId;
    if (!cartId) throw new DomainError('cartEmpty');
    const points = input.loyaltyPoints ?? 0;
    const pointsCents = points > 0 ? pointsValueCents(points, await getSetting(tx, 'loyalty')) : 0;
    // Refuse too little cash before an order number is drawn (sequences do not roll back).
    if (
      !earlier &&
      input.method === 'cash' &&
      input.expectedTotalCents !== undefined &&
      (input.tenderedCents ?? 0) < input.expectedTotalCents - pointsCents
    ) {
      throw new DomainError('tenderedTooLow', {}, 'tendered');
    }
    const cart = await getCart(tx, cartId);
    if (!cart || cart.channel !== 'store' || cart.clerkUserId !== actor.userId)
      throw new DomainError(earlier ? 'conflict' : 'forbidden');

    // The customer's card before the order references their row: giving one later, in this
    // transaction, could deadlock with another till selling to the same customer (see ensureLoyaltyCard).
    if (cart.customerId) await ensureLoyaltyCard(tx, cart.customerId);
    const placed = await placeOrder(
      tx,
      {
        idempotencyKey: input.idempotencyKey,
        channel: 'store',
        fulfilment: 'in_store',
        cartId,
        stockLocationId: input.storeId,
        expectedTotalCents: earlier ? undefined : input.expectedTotalCents,
        requestExtras: {
          method: input.method,
          tenderedCents: input.method === 'cash' ? (input.tenderedCents ?? null) : null,
          ...(points > 0 ? { loyaltyPoints: points } : {}),
        },
        locale: input.locale,
        now: input.now,
      },
      actor,
    );
    // Points first (a partial payment of the attached customer), then the rest by cash or card.
    const redeemed = points > 0 ? await redeemPointsForOrder(tx, { orderId: placed.orderId, points, idempotencyKey: input.idempotencyKey }, actor) : null;
    const restCents = placed.totalCents - (redeemed?.amountCents ?? 0);
    if (redeemed && restCents === 0) {
      if (!earlier) await bookPaymentsOnTill(tx, placed.orderId, cart.tillSessionId); // a replay was booked the first time
      return { ...placed, changeCents: null };
    }
    if (input.method === 'loyalty_points') throw new DomainError('loyaltyNotWholeTotal', {}, 'loyaltyPoints');
    const payment = await recordPayment(
      tx,
      {
        orderId: placed.orderId,
        method: input.method,
        amountCents: restCents,
        tenderedCents: input.method === 'cash' ? (input.tenderedCents ?? null) : null,
        idempotencyKey: input.idempotencyKey,
      },
      actor,
    );
    if (!earlier) await bookPaymentsOnTill(tx, placed.orderId, cart.tillSessionId); // a replay was booked the first time
    return { ...placed, changeCents: payment.changeCents };
  });
}
