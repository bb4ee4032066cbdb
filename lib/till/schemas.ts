import { z } from 'zod';
import { idFromForm, optionalIntFromForm } from '@/lib/actions/form-numbers';
import { euroCentsSchema } from '@/lib/money/euros';

/** Euro notes and coins in cents, largest first: what a till is counted in at closing. */
export const DENOMINATIONS_CENTS = [50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5] as const;
export type Denomination = (typeof DENOMINATIONS_CENTS)[number];

/** How many numbered tills ("Till 1", "Kassa 2") the open form suggests; a clerk may also type another name. */
export const SUGGESTED_TILL_COUNT = 3;

// A lone UTF-16 surrogate is no text: it could not go into the audit log's JSON.
const wellFormed = (v: string) => v.isWellFormed();

/** A float, a cash movement: at most € 10.000 in one go, which no till drawer holds. */
const MAX_CASH_CENTS = 10_000_00;

export const openTillSchema = z
  .object({
    tillName: z.string().trim().min(1, 'validation.required').max(40, 'validation.tooLong').refine(wellFormed, 'validation.invalid'),
    openingFloat: euroCentsSchema({ min: 0, max: MAX_CASH_CENTS }),
  })
  .strict();

export const cashMovementSchema = z
  .object({
    kind: z.enum(['cash_in', 'cash_out'], 'validation.choice'),
    amount: euroCentsSchema({ min: 1, max: MAX_CASH_CENTS }),
    reason: z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong').refine(wellFormed, 'validation.invalid'),
  })
  .strict();

const countField = optionalIntFromForm({ min: 0, max: 10_000 });
/** The form field of one denomination's count, e.g. "count_5000" for € 50 notes. */
export const countFieldName = (cents: Denomination) => `count_${cents}` as const;

export const closeTillSchema = z
  .object({
    ...Object.fromEntries(DENOMINATIONS_CENTS.map((d) => [countFieldName(d), countField])),
    closingNote: z.string().trim().max(500, 'validation.tooLong').refine(wellFormed, 'validation.invalid').optional(),
  })
  .strict()
  .transform((input) => {
    const counts = input as Record<string, number | undefined>;
    const denominations: Record<string, number> = {};
    for (const d of DENOMINATIONS_CENTS) {
      const n = counts[countFieldName(d)];
      if (n) denominations[String(d)] = n;
    }
    return { denominations, closingNote: input.closingNote ? String(input.closingNote) : null };
  });

export type CloseTillInput = z.output<typeof closeTillSchema>;

/** The Z report of one day at the counter's store: "2026-12-01" in Amsterdam. */
export const storeDaySchema = z
  .object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.invalid') })
  .strict();

export const tillSessionIdSchema = z.object({ sessionId: idFromForm('validation.invalid') }).strict();

/** Σ count × denomination, in cents. */
export function countedCents(denominations: Record<string, number>): number {
  // form-number: the keys are our own DENOMINATIONS_CENTS, not form input.
  return Object.entries(denominations).reduce((sum, [cents, n]) => sum + Number(cents) * n, 0);
}
