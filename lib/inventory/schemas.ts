import { z } from 'zod';
import { idFromForm, intFromForm, optionalIntFromForm } from '@/lib/actions/form-numbers';

export const ADJUSTMENT_REASONS = ['count', 'damage', 'found', 'correction'] as const;
export type AdjustmentReason = (typeof ADJUSTMENT_REASONS)[number];

const MAX_UNITS = 100_000;
const note = z.string().trim().max(500, 'validation.tooLong').optional();

/**
 * An admin's change of one stock position: the new count ("set") or a change (± "delta"), with why.
 * Bounds here; "not below zero, not below reserved" is the ledger's (lib/inventory/staff-adjust.ts).
 */
export const adjustStockSchema = z
  .object({
    variantId: idFromForm(),
    locationId: idFromForm(),
    mode: z.enum(['set', 'delta'], 'validation.choice'),
    quantity: intFromForm({ min: -MAX_UNITS, max: MAX_UNITS }),
    reason: z.enum(ADJUSTMENT_REASONS, 'validation.choice'),
    note,
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.mode === 'set' && v.quantity < 0)
      ctx.addIssue({ code: 'custom', path: ['quantity'], message: 'validation.stock.notNegative' });
    if (v.mode === 'delta' && v.quantity === 0)
      ctx.addIssue({ code: 'custom', path: ['quantity'], message: 'validation.stock.adjustmentZero' });
  });
export type AdjustStockFormInput = z.output<typeof adjustStockSchema>;

/** A position's own low-stock threshold; blank = back to the shop-wide default. */
export const lowStockThresholdSchema = z
  .object({
    variantId: idFromForm(),
    locationId: idFromForm(),
    threshold: optionalIntFromForm({ min: 0, max: 10_000 }),
  })
  .strict();
export type LowStockThresholdInput = z.output<typeof lowStockThresholdSchema>;
