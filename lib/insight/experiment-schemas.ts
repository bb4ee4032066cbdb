import { z } from 'zod';
import { idFromForm } from '@/lib/actions/form-numbers';

// Admin experiment forms (S11). The create form has a fixed number of variant rows; each row is a
// promotion id, 'control' (no promotion) or '' (row not used), with a weight in whole percent. The rules
// across rows (two or more, adding up to 100, no promotion twice, no overlap) are checked by
// createExperiment, so they hold for every caller and answer on the variants field.

export const MAX_VARIANTS = 4;

const wellFormed = (v: string) => v.isWellFormed();
const rows = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(item).max(MAX_VARIANTS, 'validation.tooLong'));

export const createExperimentSchema = z
  .object({
    name: z.string().trim().min(1, 'validation.required').max(120, 'validation.tooLong').refine(wellFormed, 'validation.invalid'),
    hypothesis: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
      z.string().trim().max(1000, 'validation.tooLong').refine(wellFormed, 'validation.invalid').optional(),
    ),
    variantPromotion: rows(z.string().regex(/^(|control|[1-9]\d{0,8})$/, 'validation.choice')),
    variantWeight: rows(z.string().trim().regex(/^\d{0,3}$/, 'validation.integer')),
  })
  .strict();
export type CreateExperimentForm = z.output<typeof createExperimentSchema>;

export interface ExperimentVariantInput {
  /** null = the control (no promotion). */
  promotionId: number | null;
  weightPercent: number;
}

/** The used rows of the form as variants (a row without a promotion choice is not used). */
export function variantsFromForm(form: Pick<CreateExperimentForm, 'variantPromotion' | 'variantWeight'>): ExperimentVariantInput[] {
  const out: ExperimentVariantInput[] = [];
  form.variantPromotion.forEach((choice, i) => {
    if (choice === '') return;
    const weight = form.variantWeight[i] ?? '';
    // form-number: both are digits only, checked by the schema's regexes above.
    out.push({ promotionId: choice === 'control' ? null : Number(choice), weightPercent: weight === '' ? 0 : Number(weight) });
  });
  return out;
}

export const experimentIdSchema = z.object({ experimentId: idFromForm() }).strict();

export const stopExperimentSchema = z
  .object({
    experimentId: idFromForm(),
    /** The variant to keep as a normal promotion; '' / absent = no winner (every variant's promotion ends). */
    winnerVariantId: z.preprocess((v) => (v === '' || v === null ? undefined : v), idFromForm().optional()),
  })
  .strict();
