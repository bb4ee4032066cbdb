import { CHECKOUT_METHODS } from '@/lib/payments/provider';
import { z } from 'zod';
import { toE164 } from '@/lib/notifications/phone';
import { optionalIntFromForm, PG_INT_MAX } from '@/lib/actions/form-numbers';
import { emailSchema } from '@/lib/identity/schemas';
import { euroCentsSchema } from '@/lib/money/euros';
import type { ShippingAddress } from '@/db/schema';

// Checkout and counter inputs. Prices and totals are never part of an input: placeOrder prices the
// cart itself (an `expectedTotalCents` only guards against a price that changed while the form was open).

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const idempotencyKey = z.uuid('validation.invalid');
const POSTCODE_RE = /^[1-9][0-9]{3} ?[A-Z]{2}$/i;

/** "1234ab" → "1234 AB", the way PostNL prints it. */
export function normalizePostcode(postcode: string): string {
  const compact = postcode.replace(/\s+/g, '').toUpperCase();
  return `${compact.slice(0, 4)} ${compact.slice(4)}`;
}

// A hidden field the page rendered from its own total (cents); out of range is a tampered form.
const expectedTotalCents = () =>
  optionalIntFromForm({ min: 0, max: Number.MAX_SAFE_INTEGER, message: 'validation.invalid', rangeMessage: 'validation.invalid' });

const optionalText = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max, 'validation.tooLong').optional());

export const checkoutSchema = z
  .object({
    idempotencyKey,
    fulfilment: z.enum(['delivery', 'pickup'], 'validation.choice'),
    email: emailSchema,
    name: z.string().trim().min(1, 'validation.required').max(120, 'validation.tooLong'),
    // Stored in E.164, so the ready-for-pickup SMS can reach it; a number no operator issues is refused here.
    phone: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .max(40, 'validation.tooLong')
        .transform((value, ctx) => toE164(value) ?? (ctx.addIssue({ code: 'custom', message: 'validation.phone' }), z.NEVER))
        .optional(),
    ),
    street: optionalText(120),
    postcode: z.preprocess(blankToUndefined, z.string().trim().regex(POSTCODE_RE, 'validation.postcode').optional()),
    city: optionalText(80),
    pickupLocationId: optionalIntFromForm({ min: 1, max: PG_INT_MAX, message: 'validation.choice', rangeMessage: 'validation.choice' }),
    expectedTotalCents: expectedTotalCents(),
    // A signed-in customer's points paying part of the order first (whole steps; checked by lib/loyalty).
    loyaltyPoints: optionalIntFromForm({ min: 0, max: PG_INT_MAX, message: 'validation.invalid', rangeMessage: 'validation.invalid' }),
    // The method the shopper picked (passed on to the provider); none = the provider's page asks.
    paymentMethod: z.enum(CHECKOUT_METHODS, 'validation.choice').optional(),
    // A checkbox: a signed-in customer's store credit pays first (as much as it can).
    useStoreCredit: z.literal('on', 'validation.invalid').optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.fulfilment === 'delivery') {
      for (const field of ['street', 'postcode', 'city'] as const) {
        if (!v[field]) ctx.addIssue({ code: 'custom', path: [field], message: 'validation.required' });
      }
    } else if (v.pickupLocationId === undefined) {
      ctx.addIssue({ code: 'custom', path: ['pickupLocationId'], message: 'validation.required' });
    }
  })
  .transform((v) => ({
    idempotencyKey: v.idempotencyKey,
    fulfilment: v.fulfilment,
    email: v.email,
    customerName: v.name,
    phone: v.phone ?? null,
    shippingAddress:
      v.fulfilment === 'delivery'
        ? ({ name: v.name, street: v.street!, postcode: normalizePostcode(v.postcode!), city: v.city!, country: 'NL' } satisfies ShippingAddress)
        : null,
    pickupLocationId: v.fulfilment === 'pickup' ? v.pickupLocationId! : null,
    expectedTotalCents: v.expectedTotalCents,
    ...(v.loyaltyPoints ? { loyaltyPoints: v.loyaltyPoints } : {}),
    paymentMethod: v.paymentMethod ?? null,
    useStoreCredit: v.useStoreCredit === 'on',
  }));

/** Counter: turn the clerk's cart into a sale. The store comes from the clerk's session, not the form. */
export const counterSaleSchema = z
  .object({
    idempotencyKey,
    expectedTotalCents: expectedTotalCents(),
  })
  .strict();

/** Counter payment; cash needs what was handed over ("20" or "20,00"), in euros as typed. */
export const counterPaymentSchema = z
  .object({
    orderId: z.uuid('validation.invalid'),
    method: z.enum(['cash', 'card_terminal'], 'validation.choice'),
    tendered: z.preprocess(blankToUndefined, euroCentsSchema({ min: 0 }).optional()),
    idempotencyKey,
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.method === 'cash' && v.tendered === undefined) ctx.addIssue({ code: 'custom', path: ['tendered'], message: 'validation.required' });
  })
  .transform((v) => ({
    orderId: v.orderId,
    method: v.method,
    tenderedCents: v.method === 'cash' ? (v.tendered ?? null) : null,
    idempotencyKey: v.idempotencyKey,
  }));

/** Staff status change. Which transitions are allowed is decided by transitionOrder, not here. */
export const transitionOrderSchema = z
  .object({
    orderId: z.uuid('validation.invalid'),
    to: z.enum(['paid', 'ready_for_pickup', 'collected', 'shipped', 'delivered', 'cancelled'], 'validation.choice'),
    note: optionalText(500),
  })
  .strict();

export type CheckoutInput = z.output<typeof checkoutSchema>;
export type CounterSaleInput = z.output<typeof counterSaleSchema>;
export type CounterPaymentInput = z.output<typeof counterPaymentSchema>;
export type TransitionOrderFormInput = z.output<typeof transitionOrderSchema>;
