import { z } from 'zod';
import { channel, fulfilment, orderStatus } from '@/db/schema';
import { zonedLocalToUtc } from '@/lib/time/zoned';

// The admin's order list (filters from the URL) and the admin's order actions.

export const ORDER_CHANNELS = channel.enumValues;
export const ORDER_FULFILMENTS = fulfilment.enumValues;
export const ORDER_STATUSES = orderStatus.enumValues;
/** What the list can say about an order's money: nothing succeeded yet, paid, or owed back to the customer. */
export const PAYMENT_STATES = ['unpaid', 'paid', 'refund_due'] as const;
export const ORDER_SORTS = ['placed', 'total', 'number'] as const;
export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export const ORDER_PAGE_SIZE = 25;

export type PaymentState = (typeof PAYMENT_STATES)[number];
export type OrderSort = (typeof ORDER_SORTS)[number];

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day 'YYYY-MM-DD' that exists, or undefined (a bad value in a URL counts as "no limit"). */
const day = z
  .unknown()
  .optional()
  .transform((v) => {
    if (typeof v !== 'string' || !DATE_RE.test(v)) return undefined;
    try {
      zonedLocalToUtc(`${v}T00:00`);
      return v;
    } catch {
      return undefined;
    }
  });

const oneOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values).optional().catch(undefined);

/**
 * The list's filters as the GET form sends them. Anything unknown counts as "all" and a bad page as 1:
 * a hand-edited or old URL still shows a list rather than an error.
 */
export const orderListFilterSchema = z.object({
  q: z
    .unknown()
    .optional()
    // Text the database can take: no lone surrogates, no NUL (a hand-edited URL must not make the page fail).
    .transform((v) => (typeof v === 'string' && v.isWellFormed() && !v.includes('\0') ? v.trim().slice(0, 100) : '') || undefined),
  channel: oneOf(ORDER_CHANNELS),
  status: oneOf(ORDER_STATUSES),
  fulfilment: oneOf(ORDER_FULFILMENTS),
  store: z
    .unknown()
    .optional()
    .transform((v) => (typeof v === 'string' && /^[0-9]{1,9}$/.test(v) && Number(v) > 0 ? Number(v) : undefined)),
  from: day,
  to: day,
  payment: oneOf(PAYMENT_STATES),
  sort: z.enum(ORDER_SORTS).catch('placed').default('placed'),
  dir: z.enum(SORT_DIRECTIONS).catch('desc').default('desc'),
  // ASCII digits only (see lib/actions/form-numbers.ts for why not z.coerce).
  page: z
    .unknown()
    .optional()
    .transform((v) => (typeof v === 'string' && /^[0-9]{1,4}$/.test(v) ? Math.max(1, Number(v)) : 1)),
});
export type OrderListFilter = z.output<typeof orderListFilterSchema>;

const orderId = z.uuid('validation.invalid');

// Carrier names and tracking numbers are short printable text; the tracking number has no spaces
// inside so that it can be pasted into a carrier's site (and a link can be built from it).
export const shipOrderSchema = z
  .object({
    orderId,
    // Letters, digits and a few signs ("PostNL", "DHL Express", "Van & Co"): no control characters or lone surrogates.
    carrier: z
      .string('validation.required')
      .trim()
      .min(1, 'validation.required')
      .max(40, 'validation.tooLong')
      .regex(/^[\p{L}\p{N}][\p{L}\p{N} .&'-]*$/u, 'validation.invalid'),
    trackingNumber: z
      .string('validation.required')
      .trim()
      .min(1, 'validation.required')
      .max(60, 'validation.tooLong')
      .regex(/^[A-Za-z0-9-]+$/, 'validation.trackingNumber'),
  })
  .strict();
export type ShipOrderInput = z.output<typeof shipOrderSchema>;

export const orderIdSchema = z.object({ orderId }).strict();
export type OrderIdInput = z.output<typeof orderIdSchema>;

export const cancelOrderSchema = z
  .object({
    orderId,
    // Goes on the timeline as the cancel event's note: well-formed text only (a lone surrogate is no text).
    reason: z
      .string()
      .trim()
      .max(300, 'validation.tooLong')
      .refine((v) => v.isWellFormed() && !/\p{Cc}/u.test(v), 'validation.invalid')
      .optional(),
  })
  .strict();
export type CancelOrderInput = z.output<typeof cancelOrderSchema>;

/** A message kind of the order's outbox: '<template key>:<channel>', e.g. 'shipped:email'. */
export const resendMessageSchema = z
  .object({
    orderId,
    kind: z.string('validation.choice').regex(/^[a-z_]{1,40}:(email|sms)$/, 'validation.choice'),
  })
  .strict();
export type ResendMessageInput = z.output<typeof resendMessageSchema>;
