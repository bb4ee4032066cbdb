import { z } from 'zod';
import { intFromForm, optionalIntFromForm, PG_INT_MAX } from '@/lib/actions/form-numbers';
import type { DbOrTx } from '@/db/client';
import { getCart } from '@/lib/carts/queries';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { ensureLoyaltyCard } from '@/lib/loyalty/cards';
import { redeemPointsForOrder } from '@/lib/loyalty/redeem';
import { pointsValueCents } from '@/lib/loyalty/rules';
import { roundCash } from '@/lib/money/cash-rounding';
import { euroCentsSchema } from '@/lib/money/euros';
import { spendStoreCredit } from '@/lib/store-credit/ledger';
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
    // Split tender: the attached customer's store credit, then a part by card; the rest by `method`.
    storeCredit: z.preprocess(blankToUndefined, euroCentsSchema({ min: 0 }).optional()),
    cardPart: z.preprocess(blankToUndefined, euroCentsSchema({ min: 0 }).optional()),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.method === 'cash' && v.tendered === undefined)
      ctx.addIssue({ code: 'custom', path: ['tendered'], message: 'validation.required' });
    if (v.method === 'loyalty_points' && !v.loyaltyPoints)
      ctx.addIssue({ code: 'custom', path: ['loyaltyPoints'], message: 'validation.required' });
    // A part by card only makes sense when the rest is cash.
    if (v.cardPart && v.method !== 'cash') ctx.addIssue({ code: 'custom', path: ['cardPart'], message: 'validation.invalid' });
  });

export type CounterCheckoutInput = z.output<typeof counterCheckoutSchema>;

export interface CompletedCounterSale {
  orderId: string;
  number: string;
  totalCents: number;
  changeCents: number | null;
}

/**
 * How a counter sale's total is split (split tender), in the order the payments are taken: points,
 * store credit, a part by card, then the rest by cash (rounded to 5 cents) or card (never rounded).
 * Pure: the payment panel shows it and completeCounterSale takes exactly these payments.
 * Errors (DomainError): splitPartTooHigh (field storeCredit / cardPart) when a part leaves nothing
 * (or less than nothing) for the rest — a part that pays everything is the whole payment instead.
 */
export function splitTender(input: { totalCents: number; pointsCents: number; storeCreditCents: number; cardPartCents: number; rest: 'cash' | 'card_terminal' }) {
  const afterPoints = input.totalCents - input.pointsCents;
  const afterCredit = afterPoints - input.storeCreditCents;
  if (input.storeCreditCents > 0 && afterCredit < 0) throw new DomainError('splitPartTooHigh', {}, 'storeCredit');
  const restDue = afterCredit - input.cardPartCents;
  if (input.cardPartCents > 0 && restDue <= 0) throw new DomainError('splitPartTooHigh', {}, 'cardPart');
  const cash = input.rest === 'cash' && restDue > 0 ? roundCash(restDue) : null;
  return {
    pointsCents: input.pointsCents,
    storeCreditCents: input.storeCreditCents,
    cardPartCents: input.cardPartCents,
    /** What the last payment pays before rounding (0: store credit and points paid it all). */
    restDueCents: restDue,
    /** Cash: what the customer hands over at least (rounded); card: the rest as it is. */
    restToPayCents: cash ? cash.roundedCents : restDue,
    roundingCents: cash?.roundingCents ?? 0,
  };
}

/**
 * Sells the clerk's counter cart in ONE transaction: placeOrder (channel 'store', fulfilment
 * 'in_store', stock sold from `storeId`) and recordPayment with the same idempotency key. When the
 * payment is refused (cash below the total) or stock ran out, nothing is kept: no order, no stock
 * movement, the cart stays open. Repeating the key with the same payment details returns the first
 * sale — even though the cart it sold is closed by then; with another method, amount or (non-null) cart it
 * is a conflict.
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
    /** Store credit of the sale's customer paying part (or all) of it, after the points. */
    storeCreditCents?: number;
    /** With method 'cash': a part paid by card first (split tender); the rest is cash. */
    cardPartCents?: number;
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
    // The same key with ANOTHER cart (the clerk's next sale) is another request: never the first result.
    if (earlier && input.cartId !== null && input.cartId !== earlier.cartId) throw new DomainError('conflict');
    const cartId = earlier?.cartId ?? input.cartId;
    if (!cartId) throw new DomainError('cartEmpty');
    const points = input.loyaltyPoints ?? 0;
    const pointsCents = points > 0 ? pointsValueCents(points, await getSetting(tx, 'loyalty')) : 0;
    const storeCreditCents = input.storeCreditCents ?? 0;
    const cardPartCents = input.method === 'cash' ? (input.cardPartCents ?? 0) : 0;
    // Refuse too little cash (or a part too large) before an order number is drawn (sequences do not roll back).
    if (!earlier && input.expectedTotalCents !== undefined && input.method !== 'loyalty_points') {
      const split = splitTender({ totalCents: input.expectedTotalCents, pointsCents, storeCreditCents, cardPartCents, rest: input.method });
      if (input.method === 'cash' && split.restDueCents > 0 && (input.tenderedCents ?? 0) < split.restToPayCents) throw new DomainError('tenderedTooLow', {}, 'tendered');
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
          ...(storeCreditCents > 0 ? { storeCreditCents } : {}),
          ...(cardPartCents > 0 ? { cardPartCents } : {}),
        },
        locale: input.locale,
        now: input.now,
      },
      actor,
    );
    // Points first (a partial payment of the attached customer), then store credit, a part by card,
    // and the rest by cash (rounded) or card: splitTender's order, each payment with its own key.
    const redeemed = points > 0 ? await redeemPointsForOrder(tx, { orderId: placed.orderId, points, idempotencyKey: input.idempotencyKey }, actor) : null;
    const split = splitTender({ totalCents: placed.totalCents, pointsCents: redeemed?.amountCents ?? 0, storeCreditCents, cardPartCents, rest: input.method === 'card_terminal' ? 'card_terminal' : 'cash' });
    if (storeCreditCents > 0) {
      if (!cart.customerId) throw new DomainError('storeCreditNeedsCustomer', {}, 'storeCredit');
      const key = `${input.idempotencyKey}:store-credit`;
      await spendStoreCredit(tx, { customerId: cart.customerId, amountCents: storeCreditCents, orderId: placed.orderId, idempotencyKey: key, actorUserId: actor.userId });
      await recordPayment(tx, { orderId: placed.orderId, method: 'store_credit', amountCents: storeCreditCents, idempotencyKey: key, partial: split.restDueCents > 0 }, actor);
    }
    if (split.restDueCents === 0) {
      if (!earlier) await bookPaymentsOnTill(tx, placed.orderId, cart.tillSessionId); // a replay was booked the first time
      return { ...placed, changeCents: null };
    }
    if (input.method === 'loyalty_points') throw new DomainError('loyaltyNotWholeTotal', {}, 'loyaltyPoints');
    if (cardPartCents > 0) {
      await recordPayment(tx, { orderId: placed.orderId, method: 'card_terminal', amountCents: cardPartCents, idempotencyKey: `${input.idempotencyKey}:card`, partial: true }, actor);
    }
    const payment = await recordPayment(
      tx,
      {
        orderId: placed.orderId,
        method: input.method,
        amountCents: split.restDueCents,
        tenderedCents: input.method === 'cash' ? (input.tenderedCents ?? null) : null,
        idempotencyKey: input.idempotencyKey,
      },
      actor,
    );
    if (!earlier) await bookPaymentsOnTill(tx, placed.orderId, cart.tillSessionId); // a replay was booked the first time
    return { ...placed, changeCents: payment.changeCents };
  });
}
