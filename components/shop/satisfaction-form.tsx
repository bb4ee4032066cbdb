'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FieldError, inputClass } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { submitSatisfactionAction } from '@/lib/insight/satisfaction-actions';
import { SATISFACTION_COMMENT_MAX, SATISFACTION_SCORES } from '@/lib/insight/satisfaction-schemas';

/**
 * The one survey question (S12): 1–5 as a labelled radio group with big touch targets, an optional
 * comment, and the thanks once sent. Used by /survey/[token] and inline on a completed order's page;
 * `token` is the order's signed survey token — the only thing that says which order is rated.
 */
export function SatisfactionForm({ token, idPrefix = 'survey' }: { token: string; idPrefix?: string }) {
  const t = useTranslations('satisfaction');
  const [state, formAction] = useActionState(submitSatisfactionAction, null);
  if (state?.ok) {
    const score = (state.data as { score?: number } | undefined)?.score;
    return (
      <div role="status" className="rounded-2xl bg-brand-50 p-5 text-brand-900 ring-1 ring-brand-200">
        <p className="text-lg font-semibold">{t('thanks')}</p>
        {score ? <p className="mt-1">{t('rated', { score })}</p> : null}
      </div>
    );
  }
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  const legendId = `${idPrefix}-question`;
  return (
    <form action={formAction} noValidate className="space-y-5">
      <input type="hidden" name="token" value={token} />
      <fieldset role="radiogroup" aria-labelledby={legendId} aria-describedby={`${idPrefix}-score-error`}>
        <legend id={legendId} className="mb-3 text-lg font-semibold text-stone-900">
          {t('question')}
        </legend>
        <div className="grid gap-2 sm:grid-cols-5">
          {SATISFACTION_SCORES.map((score) => (
            <label
              key={score}
              className="flex min-h-14 cursor-pointer items-center gap-3 rounded-xl bg-white px-4 py-3 ring-1 ring-stone-300 has-checked:bg-brand-50 has-checked:ring-2 has-checked:ring-brand-600 sm:flex-col sm:justify-center sm:gap-1 sm:text-center"
            >
              <input type="radio" name="score" value={score} defaultChecked={values?.score === String(score)} className="size-5 accent-brand-600" />
              <span>
                <span className="block text-xl font-semibold tabular-nums" aria-hidden="true">
                  {score}
                </span>
                <span className="sr-only">{t('scoreLabel', { score, label: t(`scores.${score}`) })}</span>
                <span className="block text-sm text-stone-600" aria-hidden="true">
                  {t(`scores.${score}`)}
                </span>
              </span>
            </label>
          ))}
        </div>
        <FieldError id={`${idPrefix}-score-error`} errors={errors?.score} />
      </fieldset>
      <div>
        <label htmlFor={`${idPrefix}-comment`} className="mb-1.5 block text-sm font-medium text-stone-700">
          {t('comment')}
        </label>
        <textarea
          id={`${idPrefix}-comment`}
          name="comment"
          rows={3}
          maxLength={SATISFACTION_COMMENT_MAX}
          defaultValue={values?.comment ?? ''}
          aria-invalid={errors?.comment?.length ? true : undefined}
          aria-describedby={`${idPrefix}-comment-hint ${idPrefix}-comment-error`}
          className={inputClass}
        />
        <p id={`${idPrefix}-comment-hint`} className="mt-1 text-sm text-stone-500">
          {t('commentHint')}
        </p>
        <FieldError id={`${idPrefix}-comment-error`} errors={errors?.comment} />
      </div>
      <FormMessage state={state && !state.ok ? state : null} />
      <SubmitButton size="lg">{t('submit')}</SubmitButton>
    </form>
  );
}
