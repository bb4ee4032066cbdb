import { z } from 'zod';
import { idFromForm } from '@/lib/actions/form-numbers';
import { parseEuroToCents } from '@/lib/money/euros';

// The counter's staff discount form: on one line (variantId) or on the whole sale (no variantId),
// a whole percentage or an amount in euros, and a reason (required: it goes on the order and in the
// audit log). The cart is never part of the input: it is the clerk's own counter cart.

const wellFormed = (v: string) => v.isWellFormed();

export const staffDiscountSchema = z
  .object({
    variantId: z.preprocess((v) => (v === '' || v === undefined ? null : v), idFromForm().nullable()),
    kind: z.enum(['percentage', 'fixed_amount'], 'validation.choice'),
    value: z.string().trim().min(1, 'validation.required').max(12, 'validation.tooLong'),
    reason: z
      .string()
      .trim()
      .min(3, 'validation.staffDiscount.reason')
      .max(200, 'validation.tooLong')
      .refine(wellFormed, 'validation.invalid'),
  })
  .strict()
  .transform((input, ctx) => {
    let value: number | null;
    if (input.kind === 'percentage') {
      value = /^\d{1,3}$/.test(input.value) ? Number(input.value) : null;
      if (value === null || value < 1 || value > 100) {
        ctx.addIssue({ code: 'custom', path: ['value'], message: 'validation.percentage' });
        return z.NEVER;
      }
    } else {
      value = parseEuroToCents(input.value);
      if (value === null || value < 1 || value > 10_000_00) {
        ctx.addIssue({ code: 'custom', path: ['value'], message: 'validation.amount' });
        return z.NEVER;
      }
    }
    return { variantId: input.variantId, kind: input.kind, value, reason: input.reason };
  });

export type StaffDiscountFormInput = z.output<typeof staffDiscountSchema>;

export const removeStaffDiscountSchema = z
  .object({ variantId: z.preprocess((v) => (v === '' || v === undefined ? null : v), idFromForm().nullable()) })
  .strict();
