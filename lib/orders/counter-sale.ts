import { z } from 'zod';
import { intFromForm, PG_INT_MAX } from '@/lib/actions/form-numbers';
import type { DbOrTx } from '@/db/client';
import { getCart } from '@/lib/carts/queries';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { euroCentsSchema } from '@/lib/money/euros';
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
    method: z.enum(['cash', 'card_terminal'], 'validation.choice'),
    tendered: z.preprocess(blankToUndefined, euroCentsSchema({ min: 0 }).optional()),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.method === 'cash' && v.tendered === undefined)
      ctx.addIssue({ code: 'custom', path: ['tendered'], message: 'validation.required' });
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
 * Errors (DomainError): cartEmpty, outOfStock, productUnavailable, priceChanged, tenderedTooLow
 * (field 'tendered'), forbidden, conflict — see placeOrder and recordPayment.
 */
export async function completeCounterSale(
  db: DbOrTx,
  input: {
    idempotencyKey: string;
    method: 'cash' | 'card_terminal';
    tenderedCents?: number | null;
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
    // Refuse too little cash before an order number is drawn (sequences do not roll back).
    if (
      !earlier &&
      input.method === 'cash' &&
      input.expectedTotalCents !== undefined &&
      (input.tenderedCents ?? 0) < input.expectedTotalCents
    ) {
      throw new DomainError('tenderedTooLow', {}, 'tendered');
    }
    const cart = await getCart(tx, cartId);
    if (!cart || cart.channel !== 'store' || cart.clerkUserId !== actor.userId)
      throw new DomainError(earlier ? 'conflict' : 'forbidden');

    const placed = await placeOrder(
      tx,
      {
        idempotencyKey: input.idempotencyKey,
        channel: 'store',
        fulfilment: 'in_store',
        cartId,
        stockLocationId: input.storeId,
        expectedTotalCents: earlier ? undefined : input.expectedTotalCents,
        requestExtras: { method: input.method, tenderedCents: input.method === 'cash' ? (input.tenderedCents ?? null) : null },
        locale: input.locale,
        now: input.now,
      },
      actor,
    );
    const payment = await recordPayment(
      tx,
      {
        orderId: placed.orderId,
        method: input.method,
        amountCents: placed.totalCents,
        tenderedCents: input.method === 'cash' ? (input.tenderedCents ?? null) : null,
        idempotencyKey: input.idempotencyKey,
      },
      actor,
    );
    return { ...placed, changeCents: payment.changeCents };
  });
}
