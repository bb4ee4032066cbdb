'use client';

import { useTranslations } from 'next-intl';
import { FieldError, inputClass } from '@/components/ui/field';
import type { PromotionFormValues } from '@/lib/promotions/admin-form';
import type { FieldErrors, SetValue } from './promotion-form';

const KINDS = [
  { value: 'percentage', label: 'percentage' },
  { value: 'fixed_amount', label: 'fixed' },
] as const;

/** "Discount type" (radio) and "Value", whose unit and hint follow the type. */
export function DiscountFields({
  values,
  setValue,
  errors,
}: {
  values: PromotionFormValues;
  setValue: SetValue;
  errors: FieldErrors;
}) {
  const t = useTranslations('admin.promotionForm');
  const percentage = values.kind === 'percentage';
  const valueInvalid = !!errors?.value?.length;
  return (
    <div className="space-y-5">
      <fieldset aria-describedby={errors?.kind?.length ? 'field-kind-error' : undefined}>
        <legend className="mb-1.5 block text-sm font-medium text-stone-700">{t('kind')}</legend>
        <div className="flex flex-wrap gap-2">
          {KINDS.map((kind) => (
            <label
              key={kind.value}
              className="flex min-h-11 cursor-pointer items-center gap-2 rounded-lg px-3 text-sm text-stone-800 ring-1 ring-stone-300 has-checked:bg-brand-50 has-checked:ring-2 has-checked:ring-brand-600"
            >
              <input
                type="radio"
                name="kind"
                value={kind.value}
                checked={values.kind === kind.value}
                onChange={() => setValue('kind', kind.value)}
                className="size-4 accent-brand-600"
              />
              {t(kind.label)}
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
            <span
              className="pointer-events-none absolute inset-y-0 left-3 flex items-center text-stone-500"
              aria-hidden="true"
            >
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
            <span
              className="pointer-events-none absolute inset-y-0 right-3 flex items-center text-stone-500"
              aria-hidden="true"
            >
              %
            </span>
          )}
        </div>
        <p id="field-value-hint" className="mt-1 text-sm text-stone-500">
          {percentage ? t('valueHintPercentage') : t('valueHintFixed')}
        </p>
        <FieldError id="field-value-error" errors={errors?.value} />
      </div>
    </div>
  );
}
