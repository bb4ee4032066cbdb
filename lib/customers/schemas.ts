import { z } from 'zod';
import { idFromForm } from '@/lib/actions/form-numbers';
import { emailSchema } from '@/lib/identity/schemas';
import { toE164 } from '@/lib/notifications/phone';

// Customer inputs from the counter and the admin console. Emails are lower-cased (one profile per
// email), phones stored in E.164 so "06-12345678" and "+31 6 1234 5678" are one number.

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const nameSchema = z
  .string()
  .trim()
  .min(1, 'validation.required')
  .max(120, 'validation.tooLong')
  .refine((v) => v.isWellFormed(), 'validation.invalid');

const optionalEmail = z.preprocess(blank, emailSchema.optional());

const optionalPhone = z.preprocess(
  blank,
  z
    .string()
    .max(40, 'validation.phone')
    .transform(
      (value, ctx) =>
        toE164(value) ?? (ctx.addIssue({ code: 'custom', message: 'validation.phone' }), z.NEVER),
    )
    .optional(),
);

/** A checkbox: "on" when ticked, absent when not. */
const checkbox = z.preprocess((v) => v === 'on' || v === true || v === 'true', z.boolean());

/** The one lookup field at the counter and in the admin search: email, phone, card number or name. */
export const lookupQuerySchema = z
  .string()
  .trim()
  .min(1, 'validation.required')
  .max(100, 'validation.tooLong');

/** "New customer" at the counter: a name and at least one way to reach them. */
export const createCustomerSchema = z
  .object({ name: nameSchema, email: optionalEmail, phone: optionalPhone })
  .strict()
  .superRefine((v, ctx) => {
    if (!v.email && !v.phone)
      ctx.addIssue({ code: 'custom', path: ['email'], message: 'validation.customers.contactRequired' });
  });
export type CreateCustomerInput = z.output<typeof createCustomerSchema>;

/** The admin's edit of a profile. Blank email/phone clears them. */
export const updateCustomerSchema = z
  .object({
    customerId: idFromForm(),
    name: nameSchema,
    email: optionalEmail,
    phone: optionalPhone,
    preferredLocationId: z.preprocess(blank, idFromForm().optional()),
    locale: z.preprocess(blank, z.enum(['nl', 'en'], 'validation.choice').optional()),
    notifyByEmail: checkbox,
    notifyBySms: checkbox,
    marketingOptIn: checkbox,
  })
  .strict();
export type UpdateCustomerInput = z.output<typeof updateCustomerSchema>;

/** Merge `mergeId` (a duplicate) into `keepId`: the kept profile gets its history. */
export const mergeCustomersSchema = z
  .object({
    keepId: idFromForm(),
    mergeId: idFromForm(),
    confirm: z.literal('on', 'validation.customers.confirmRequired'),
  })
  .strict()
  .refine((v) => v.keepId !== v.mergeId, { path: ['mergeId'], message: 'validation.customers.mergeSame' });
export type MergeCustomersInput = z.output<typeof mergeCustomersSchema>;

/** GDPR erase, only with the confirmation ticked. */
export const eraseCustomerSchema = z
  .object({ customerId: idFromForm(), confirm: z.literal('on', 'validation.customers.confirmRequired') })
  .strict();
export type EraseCustomerInput = z.output<typeof eraseCustomerSchema>;

/** "Attach to sale" at the counter. */
export const attachCustomerSchema = z.object({ customerId: idFromForm() }).strict();
export const detachCustomerSchema = z.object({}).strict();

/** The admin list's URL: search text and page; anything odd is ignored. */
export const customerListFilterSchema = z.object({
  q: z
    .unknown()
    .optional()
    .transform((v) => (typeof v === 'string' ? v.trim().slice(0, 100) : '')),
  page: z
    .unknown()
    .optional()
    .transform((v) => (typeof v === 'string' && /^[0-9]{1,4}$/.test(v) ? Math.max(1, Number(v)) : 1)),
});
export type CustomerListFilter = z.output<typeof customerListFilterSchema>;
