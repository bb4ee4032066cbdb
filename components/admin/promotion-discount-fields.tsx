'use client';

import { useTranslations } from 'next-intl';
import { Field, FieldError, inputClass } from '@/components/ui/field';
import type { PromotionFormValues } from '@/lib/promotions/form-values';
import type { FieldGroupProps } from './promotion-form-types';

const SCOPES = ['item', 'order', 'buy_x_get_y', 'shipping'] as const;
/** The kinds each scope offers, in plain words (messages kindLabels.<scope>.<kind>). */
const KINDS: Record<PromotionFormValues['scope'], PromotionFormValues['kind'][]> = {
  item: ['percentage', 'fixed_amount', 'fixed_per_line'],
  order: ['percentage', 'fixed_amount'],
  buy_x_get_y: ['percentage', 'fixed_amount'],
  shipping: ['percentage', 'fixed_amount'],
};

function RadioCard({ name, value, checked, onChange, label, hint }: { name: string; value: string; checked: boolean; onChange: () => void; label: string; hint?: string }) {
  return (
    <label className="flex min-h-11 cursor-pointer items-start gap-2 rounded-lg px-3 py-2 text-sm text-stone-800 ring-1 ring-stone-300 has-checked:bg-brand-50 has-checked:ring-2 has-checked:ring-brand-600">
      <input type="radio" name={name} value={value} checked={checked} onChange={onChange} className="mt-0.5 size-4 accent-brand-600" />
      <span>
        <span className="font-medium">{label}</span>
        {hint && <span className="block text-xs text-stone-600">{hint}</span>}
      </span>
    </label>
  );
}

/** "What kind of promotion", "Discount type" (the kinds of that scope) and "Value", whose unit and hint follow the type. */
export function DiscountFields({ values, setValue, errors }: FieldGroupProps) {
  const t = useTranslations('admin.promotionForm');
  const percentage = values.kind === 'percentage';
  const valueInvalid = !!errors?.value?.length;
  const chooseScope = (scope: PromotionFormValues['scope']) => {
    setValue('scope', scope);
    if (!KINDS[scope].includes(values.kind)) setValue('kind', 'percentage');
  };
  return (
    <div className="space-y-5">
      <fieldset aria-describedby={errors?.scope?.length ? 'field-scope-error' : undefined}>
        <legend className="mb-1.5 block text-sm font-medium text-stone-700">{t('scope')}</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {SCOPES.map((scope) => (
            <RadioCard
              key={scope}
              name="scope"
              value={scope}
              checked={values.scope === scope}
              onChange={() => chooseScope(scope)}
              label={t(`scopes.${scope}`)}
              hint={t(`scopeHints.${scope}`)}
            />
          ))}
        </div>
        <FieldError id="field-scope-error" errors={errors?.scope} />
      </fieldset>

      <fieldset aria-describedby={errors?.kind?.length ? 'field-kind-error' : undefined}>
        <legend className="mb-1.5 block text-sm font-medium text-stone-700">{t('kind')}</legend>
        <div className="flex flex-wrap gap-2">
          {KINDS[values.scope].map((kind) => (
            <label
              key={kind}
              className="flex min-h-11 cursor-pointer items-center gap-2 rounded-lg px-3 text-sm text-stone-800 ring-1 ring-stone-300 has-checked:bg-brand-50 has-checked:ring-2 has-checked:ring-brand-600"
            >
              <input
                type="radio"
                name="kind"
                value={kind}
                checked={values.kind === kind}
                onChange={() => setValue('kind', kind)}
                className="size-4 accent-brand-600"
              />
              {t(`kindLabels.${values.scope}.${kind}` as never)}
            </label>
          ))}
        </div>
        <FieldError id="field-kind-error" errors={errors?.kind} />
      </fieldset>

      <div className="max-w-md">
        <label htmlFor="field-value" className="mb-1.5 block text-sm font-medium text-stone-700">
          {t('value')}
        </label>
        <div className="relative">
          {!percentage && (
            <span className="pointer-events-none absolute inset-y-0 left-3 flex items-center text-stone-500" aria-hidden="true">
              €
            </span>
          )}
          <input
            id="field-value"
            name="value"
            inputMode={percentage ? 'numeric' : 'decimal'}
            autoComplete="off"
            value={values.value}
            onChange={(e) => setValue('value', e.target.value)}
            aria-invalid={valueInvalid || undefined}
            aria-describedby={`field-value-hint${valueInvalid ? ' field-value-error' : ''}`}
            className={`${inputClass} tabular-nums ${percentage ? 'pr-9' : 'pl-8'}`}
          />
          {percentage && (
            <span className="pointer-events-none absolute inset-y-0 right-3 flex items-center text-stone-500" aria-hidden="true">
              %
            </span>
          )}
        </div>
        <p id="field-value-hint" className="mt-1 text-sm text-stone-500">
          {t(`valueHints.${values.scope}.${values.kind}` as never)}
        </p>
        <FieldError id="field-value-error" errors={errors?.value} />
      </div>

      {values.scope === 'buy_x_get_y' && (
        <div className="grid gap-5 sm:grid-cols-3">
          <Field label={t('buyQuantity')} name="buyQuantity" inputMode="numeric" value={values.buyQuantity} onChange={(e) => setValue('buyQuantity', e.target.value)} errors={errors?.buyQuantity} hint={t('buyQuantityHint')} />
          <Field label={t('getQuantity')} name="getQuantity" inputMode="numeric" value={values.getQuantity} onChange={(e) => setValue('getQuantity', e.target.value)} errors={errors?.getQuantity} hint={t('getQuantityHint')} />
          <Field label={t('maxApplications')} name="maxApplications" inputMode="numeric" value={values.maxApplications} onChange={(e) => setValue('maxApplications', e.target.value)} errors={errors?.maxApplications} hint={t('maxApplicationsHint')} />
        </div>
      )}

      {values.scope === 'item' && (
        <div className="space-y-4">
          <Field className="max-w-md" label={t('maxUnitsPerLine')} name="maxUnitsPerLine" inputMode="numeric" value={values.maxUnitsPerLine} onChange={(e) => setValue('maxUnitsPerLine', e.target.value)} errors={errors?.maxUnitsPerLine} hint={t('maxUnitsPerLineHint')} />
          <fieldset>
            <legend className="mb-1.5 block text-sm font-medium text-stone-700">{t('application')}</legend>
            <div className="grid gap-2 sm:grid-cols-2">
              {(['each_line', 'cheapest_line'] as const).map((a) => (
                <RadioCard key={a} name="application" value={a} checked={values.application === a} onChange={() => setValue('application', a)} label={t(`applications.${a}`)} />
              ))}
            </div>
          </fieldset>
          <label className="flex min-h-11 items-center gap-3 text-sm text-stone-800">
            <input type="checkbox" name="skipReducedLines" checked={values.skipReducedLines} onChange={(e) => setValue('skipReducedLines', e.target.checked)} className="size-4 accent-brand-600" />
            {t('skipReducedLines')}
          </label>
        </div>
      )}
    </div>
  );
}
