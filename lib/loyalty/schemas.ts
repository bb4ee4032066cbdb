import { z } from 'zod';
import { idFromForm, intFromForm } from '@/lib/actions/form-numbers';

/**
 * An admin's correction of a customer's points: a signed whole number (not 0) and a reason that the
 * ledger keeps. The key is rendered into the form, so a double submit adjusts once.
 */
export const adjustLoyaltySchema = z
  .object({
    customerId: idFromForm('validation.invalid'),
    points: intFromForm({
      min: -1_000_000,
      max: 1_000_000,
      message: 'validation.invalid',
      rangeMessage: 'validation.invalid',
    }).refine((n) => n !== 0, 'validation.invalid'),
    reason: z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong'),
    idempotencyKey: z.uuid('validation.invalid'),
  })
  .strict();

export type AdjustLoyaltyInput = z.output<typeof adjustLoyaltySchema>;

/** "Get my loyalty card" on the account page: no input, the card is the signed-in customer's. */
export const issueMyCardSchema = z.object({}).strict();
