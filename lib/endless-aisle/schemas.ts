import { z } from 'zod';
import type { ShippingAddress } from '@/db/schema';
import { idFromForm, intFromForm, optionalIntFromForm, PG_INT_MAX } from '@/lib/actions/form-numbers';
import { euroCentsSchema } from '@/lib/money/euros';
import { toE164 } from '@/lib/notifications/phone';
import { normalizePostcode } from '@/lib/orders/schemas';

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalText = (max: number) => z.preprocess(blank, z.string().trim().max(max, 'validation.tooLong').optional());
const POSTCODE_RE = /^[1-9][0-9]{3} ?[A-Z]{2}$/i;
export const MAX_ENDLESS_AISLE_QUANTITY = 20;

/**
 * The counter's endless-aisle order: one variant from another location, for home delivery or for
 * pickup in this store, paid now by card or cash. The store is the clerk's session's, never the
 * form's; prices come from priceCart (`expectedTotalCents` only guards against a change meanwhile).
 * The customer is an attached profile (`customerId`) or a name with an email or a phone number.
 */
export const endlessAisleOrderSchema = z
  .object({
    idempotencyKey: z.uuid('validation.invalid'),
    variantId: idFromForm(),
    quantity: intFromForm({ min: 1, max: MAX_ENDLESS_AISLE_QUANTITY, message: 'validation.stock.quantity' }),
    sourceLocationId: idFromForm('validation.choice'),
    fulfilment: z.enum(['delivery', 'pickup'], 'validation.choice'),
    customerId: optionalIntFromForm({ min: 1, max: PG_INT_MAX, message: 'validation.invalid', rangeMessage: 'validation.invalid' }),
    name: z.string().trim().min(1, 'validation.required').max(120, 'validation.tooLong'),
    email: z.preprocess(blank, z.email('validation.email').max(254, 'validation.tooLong').optional()),
    phone: z.preprocess(
      blank,
      z
        .string()
        .trim()
        .max(40, 'validation.tooLong')
        .transform((value, ctx) => toE164(value) ?? (ctx.addIssue({ code: 'custom', message: 'validation.phone' }), z.NEVER))
        .optional(),
    ),
    street: optionalText(120),
    postcode: z.preprocess(blank, z.string().trim().regex(POSTCODE_RE, 'validation.postcode').optional()),
    city: optionalText(80),
    method: z.enum(['cash', 'card_terminal'], 'validation.choice'),
    tendered: z.preprocess(blank, euroCentsSchema({ min: 0 }).optional()),
    expectedTotalCents: optionalIntFromForm({ min: 0, max: PG_INT_MAX, message: 'validation.invalid', rangeMessage: 'validation.invalid' }),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (!v.email && !v.phone && !v.customerId) ctx.addIssue({ code: 'custom', path: ['email'], message: 'validation.stock.emailOrPhone' });
    if (v.fulfilment === 'delivery') {
      for (const field of ['street', 'postcode', 'city'] as const) {
        if (!v[field]) ctx.addIssue({ code: 'custom', path: [field], message: 'validation.required' });
      }
    }
    if (v.method === 'cash' && v.tendered === undefined) ctx.addIssue({ code: 'custom', path: ['tendered'], message: 'validation.required' });
  })
  .transform((v) => ({
    idempotencyKey: v.idempotencyKey,
    variantId: v.variantId,
    quantity: v.quantity,
    sourceLocationId: v.sourceLocationId,
    fulfilment: v.fulfilment,
    customerId: v.customerId ?? null,
    customerName: v.name,
    email: v.email?.toLowerCase() ?? null,
    phone: v.phone ?? null,
    shippingAddress:
      v.fulfilment === 'delivery'
        ? ({ name: v.name, street: v.street!, postcode: normalizePostcode(v.postcode!), city: v.city!, country: 'NL' } satisfies ShippingAddress)
        : null,
    method: v.method,
    tenderedCents: v.method === 'cash' ? (v.tendered ?? null) : null,
    expectedTotalCents: v.expectedTotalCents,
  }));

export type EndlessAisleOrderInput = z.output<typeof endlessAisleOrderSchema>;
