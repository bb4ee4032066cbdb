'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { Field, FieldError, inputClass } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { createExperimentAction } from '@/lib/insight/experiment-actions';

const KEYS = ['A', 'B', 'C', 'D'];

/**
 * New experiment: name, hypothesis and up to four variant rows (a promotion, the control, or not used)
 * with their share. The rules across rows are checked on the server; their error sits under "Variants".
 */
export function ExperimentForm({ promotions }: { promotions: { id: number; name: string }[] }) {
  const t = useTranslations('experiments.form');
  const [state, formAction] = useActionState(createExperimentAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? (state.values as Record<string, unknown> | undefined) : undefined;
  // Controlled, so a refused submit (the form resets) keeps the chosen rows; the strings are echoed back.
  const [rows, setRows] = useState(KEYS.map((_, i) => ({ promotion: '', weight: i < 2 ? '50' : '' })));
  const setRow = (i: number, patch: Partial<(typeof rows)[number]>) => setRows((all) => all.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const text = (name: string) => (typeof values?.[name] === 'string' ? (values[name] as string) : '');
  const variantErrors = [...(errors?.variants ?? []), ...(errors?.variantPromotion ?? []), ...(errors?.variantWeight ?? [])];
  return (
    <form action={formAction} className="max-w-3xl space-y-6" noValidate>
      <FormMessage state={state} />
      <Field label={t('name')} name="name" required maxLength={120} defaultValue={text('name')} errors={errors?.name} />
      <div>
        <label htmlFor="field-hypothesis" className="mb-1.5 block text-sm font-medium text-stone-700">
          {t('hypothesis')}
        </label>
        <textarea
          id="field-hypothesis"
          name="hypothesis"
          rows={3}
          maxLength={1000}
          defaultValue={text('hypothesis')}
          aria-describedby="field-hypothesis-hint field-hypothesis-error"
          aria-invalid={errors?.hypothesis?.length ? true : undefined}
          className={inputClass}
        />
        <p id="field-hypothesis-hint" className="mt-1 text-sm text-stone-500">
          {t('hypothesisHint')}
        </p>
        <FieldError id="field-hypothesis-error" errors={errors?.hypothesis} />
      </div>
      <fieldset aria-describedby="variants-error" className="space-y-3">
        <legend className="mb-2 text-base font-semibold text-stone-900">{t('variants')}</legend>
        {promotions.length === 0 && <p className="text-sm text-amber-800">{t('noPromotions')}</p>}
        {KEYS.map((key, i) => (
          <div key={key} className="grid gap-3 rounded-xl bg-white p-3 ring-1 ring-stone-200 sm:grid-cols-[1fr_9rem]">
            <div>
              <label htmlFor={`variant-promotion-${i}`} className="mb-1.5 block text-sm font-medium text-stone-700">
                {t('promotion', { key })}
              </label>
              <select
                id={`variant-promotion-${i}`}
                name="variantPromotion"
                value={rows[i].promotion}
                onChange={(e) => setRow(i, { promotion: e.target.value })}
                aria-invalid={variantErrors.length ? true : undefined}
                aria-describedby="variants-error"
                className={`${inputClass} min-h-11`}
              >
                <option value="">{t('notUsed')}</option>
                <option value="control">{t('control')}</option>
                {promotions.map((p) => (
                  <option key={p.id} value={String(p.id)}>
                    {p.name}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor={`variant-weight-${i}`} className="mb-1.5 block text-sm font-medium text-stone-700">
                {t('weight', { key })}
              </label>
              <input
                id={`variant-weight-${i}`}
                name="variantWeight"
                type="number"
                inputMode="numeric"
                min={0}
                max={100}
                step={1}
                value={rows[i].weight}
                onChange={(e) => setRow(i, { weight: e.target.value })}
                aria-invalid={variantErrors.length ? true : undefined}
                aria-describedby="variants-error"
                className={`${inputClass} min-h-11`}
              />
            </div>
          </div>
        ))}
        <FieldError id="variants-error" errors={variantErrors} />
      </fieldset>
      <SubmitButton size="lg" pendingLabel={t('pending')}>
        {t('submit')}
      </SubmitButton>
    </form>
  );
}
