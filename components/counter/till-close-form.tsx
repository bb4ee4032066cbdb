'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { FieldError, inputClass } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import type { Locale } from '@/lib/i18n/config';
import { formatMoney } from '@/lib/i18n/format';
import { closeTillAction } from '@/lib/till/actions';
import { countFieldName, DENOMINATIONS_CENTS } from '@/lib/till/schemas';

/**
 * The closing count: how many of each note and coin. The running total and difference are a guide
 * while counting; the server computes the stored figures from the same counts.
 */
export function TillCloseForm({ expectedCents, locale }: { expectedCents: number; locale: Locale }) {
  const t = useTranslations('counter.till');
  const [state, formAction] = useActionState(closeTillAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const typed = state && !state.ok ? state.values : undefined;
  const [counts, setCounts] = useState<Record<string, string>>(() => typed ?? {});
  const counted = DENOMINATIONS_CENTS.reduce((sum, d) => {
    const n = Number(counts[countFieldName(d)] ?? '');
    return Number.isSafeInteger(n) && n > 0 ? sum + n * d : sum;
  }, 0);
  const difference = counted - expectedCents;
  return (
    <form action={formAction} noValidate className="space-y-5">
      <div className="grid gap-3 sm:grid-cols-2">
        {DENOMINATIONS_CENTS.map((d) => {
          const name = countFieldName(d);
          const label = t(d >= 500 ? 'note' : 'coin', { value: formatMoney(d, locale) });
          return (
            <div key={d} className="flex items-center justify-between gap-3 rounded-lg bg-stone-50 px-3 py-2">
              <label htmlFor={`till-${name}`} className="text-sm font-medium text-stone-800">
                {label}
              </label>
              <div className="w-28 shrink-0">
                <input
                  id={`till-${name}`}
                  name={name}
                  inputMode="numeric"
                  autoComplete="off"
                  value={counts[name] ?? ''}
                  onChange={(e) => setCounts((c) => ({ ...c, [name]: e.target.value }))}
                  aria-invalid={errors?.[name] ? true : undefined}
                  aria-describedby={`till-${name}-error`}
                  className={`${inputClass} h-12 text-right tabular-nums`}
                />
                <FieldError id={`till-${name}-error`} errors={errors?.[name]} />
              </div>
            </div>
          );
        })}
      </div>
      <dl className="grid grid-cols-[1fr_auto] gap-x-6 gap-y-1 rounded-xl bg-white p-4 text-base ring-1 ring-stone-200">
        <dt>{t('expected')}</dt>
        <dd className="text-right tabular-nums">{formatMoney(expectedCents, locale)}</dd>
        <dt>{t('counted')}</dt>
        <dd className="text-right tabular-nums" data-testid="till-counted">
          {formatMoney(counted, locale)}
        </dd>
        <dt className="font-semibold">{t('difference')}</dt>
        <dd className={`text-right font-semibold tabular-nums ${difference === 0 ? 'text-brand-800' : 'text-red-700'}`}>
          {formatMoney(difference, locale)}
        </dd>
      </dl>
      <div>
        <label htmlFor="till-closing-note" className="mb-1.5 block text-sm font-medium text-stone-700">
          {t('closingNote')}
        </label>
        <textarea id="till-closing-note" name="closingNote" rows={2} maxLength={500} defaultValue={typed?.closingNote} className={inputClass} />
        <FieldError id="till-closing-note-error" errors={errors?.closingNote} />
      </div>
      <SubmitButton size="xl" className="w-full">
        {t('close')}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
