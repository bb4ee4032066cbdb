import { z } from 'zod';
import { idFromForm } from '@/lib/actions/form-numbers';
import { toE164 } from '@/lib/notifications/phone';
import { emailSchema, newPasswordSchema } from './schemas';

// What a signed-in customer may change about themselves on the account page. Whose profile it is comes
// from the session, never from the form.

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const checkbox = z.preprocess((v) => v === 'on' || v === true || v === 'true', z.boolean());
const text = (max: number) => z.string().trim().min(1, 'validation.required').max(max, 'validation.tooLong').refine((v) => v.isWellFormed(), 'validation.invalid');
const POSTCODE_RE = /^[1-9][0-9]{3} ?[A-Z]{2}$/i;

export const updateProfileSchema = z
  .object({
    name: text(120),
    // Blank clears it; otherwise stored in E.164 (libphonenumber, Dutch numbers without a country code).
    phone: z.preprocess(
      blank,
      z
        .string()
        .trim()
        .max(40, 'validation.tooLong')
        .transform((value, ctx) => toE164(value) ?? (ctx.addIssue({ code: 'custom', message: 'validation.phone' }), z.NEVER))
        .optional(),
    ),
  })
  .strict();

/** A new address needs the password: whoever has a moment at an unlocked screen cannot redirect the account. */
export const changeEmailSchema = z.object({ email: emailSchema, currentPassword: z.string().min(1, 'validation.required').max(200) }).strict();

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, 'validation.required').max(200),
    password: newPasswordSchema,
    confirmPassword: z.string().max(200),
  })
  .strict()
  .refine((v) => v.password === v.confirmPassword, { message: 'validation.passwordsDiffer', path: ['confirmPassword'] });

export const preferencesSchema = z
  .object({
    notifyByEmail: checkbox,
    notifyBySms: checkbox,
    marketingOptIn: checkbox,
    preferredLocationId: z.preprocess(blank, idFromForm().optional()),
    locale: z.enum(['nl', 'en'], 'validation.choice'),
  })
  .strict();

export const addressSchema = z
  .object({
    // Present when editing one of the caller's addresses.
    addressId: z.preprocess(blank, idFromForm().optional()),
    label: z.preprocess(blank, z.string().trim().max(40, 'validation.tooLong').optional()),
    name: text(120),
    street: text(120),
    postcode: z.string().trim().regex(POSTCODE_RE, 'validation.postcode'),
    city: text(80),
    makeDefault: checkbox,
  })
  .strict()
  .transform((v) => ({ ...v, postcode: `${v.postcode.replace(/\s+/g, '').slice(0, 4)} ${v.postcode.replace(/\s+/g, '').slice(4).toUpperCase()}` }));

export const addressIdSchema = z.object({ addressId: idFromForm() }).strict();

export type UpdateProfileInput = z.output<typeof updateProfileSchema>;
export type ChangeEmailInput = z.output<typeof changeEmailSchema>;
export type ChangePasswordInput = z.output<typeof changePasswordSchema>;
export type PreferencesInput = z.output<typeof preferencesSchema>;
export type AddressInput = z.output<typeof addressSchema>;
