import { z } from 'zod';
import { idFromForm, intFromForm } from '@/lib/actions/form-numbers';

// Cart inputs from forms and buttons. The cart id is never part of the input: the action takes it
// from the cookie (web) or the clerk's session (counter), then checks it with assertCartAccess.

const variantId = idFromForm();

export const addToCartSchema = z
  .object({
    variantId,
    quantity: intFromForm({ min: 1, max: 99 }).default(1),
  })
  .strict();

export const setLineQuantitySchema = z
  .object({
    variantId,
    // 0 removes the line.
    quantity: intFromForm({ min: 0, max: 99 }),
  })
  .strict();

export const removeLineSchema = z.object({ variantId }).strict();

export const promotionCodeSchema = z
  .object({
    code: z
      .string()
      .trim()
      .min(1, 'validation.required')
      .max(32, 'validation.tooLong')
      .transform((c) => c.toUpperCase()),
  })
  .strict();

export const setCartCustomerSchema = z
  .object({
    // '' (the "no customer" option) unlinks the customer.
    customerId: z.preprocess((v) => (v === '' || v === undefined ? null : v), idFromForm().nullable()),
  })
  .strict();

export const scanCodeSchema = z.object({ code: z.string().trim().min(1, 'validation.required').max(32) }).strict();

export type AddToCartInput = z.output<typeof addToCartSchema>;
export type SetLineQuantityInput = z.output<typeof setLineQuantitySchema>;
export type RemoveLineInput = z.output<typeof removeLineSchema>;
export type PromotionCodeInput = z.output<typeof promotionCodeSchema>;
export type SetCartCustomerInput = z.output<typeof setCartCustomerSchema>;
export type ScanCodeInput = z.output<typeof scanCodeSchema>;
