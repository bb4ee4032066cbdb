'use client';

import { useTranslations } from 'next-intl';
import type { ComponentProps } from 'react';
import { Field, FieldError, inputClass } from '@/components/ui/field';
import type { PromotionTargetOptions } from '@/lib/promotions/admin-queries';
import { SEGMENT_OPTIONS, type PromotionFormValues } from '@/lib/promotions/form-values';
import type { FieldGroupProps } from './promotion-form-types';

// The promotion form's field groups beyond the discount itself: the customer-facing texts, extra
// targets and exclusions, conditions, stacking, and usage limits. Each field is labelled in plain words.

function TextArea({ label, name, hint, errors, ...props }: ComponentProps<'textarea'> & { label: string; name: string; hint?: string; errors?: string[] }) {
  const id = `field-${name}`;
  return (
    <div>
      <label htmlFor={id} className="mb-1.5 block text-sm font-medium text-stone-700">
        {label}
      </label>
      <textarea id={id} name={name} rows={2} aria-invalid={errors?.length ? true : undefined} aria-describedby={`${hint ? `${id}-hint ` : ''}${id}-error`} className={`${inputClass} h-auto py-2`} {...props} />
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-sm text-stone-500">
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} errors={errors} />
    </div>
  );
}

/** Title and description in English and Dutch, shown to shoppers in their language (the internal name when empty). */
export function CustomerTextFields({ values, setValue, errors }: FieldGroupProps) {
  const t = useTranslations('admin.promotionForm');
  return (
    <div className="grid gap-5 sm:grid-cols-2">
      <Field label={t('titleEn')} name="titleEn" maxLength={120} hint={t('titleHint')} value={values.titleEn} onChange={(e) => setValue('titleEn', e.target.value)} errors={errors?.titleEn} />
      <Field label={t('titleNl')} name="titleNl" maxLength={120} hint={t('titleHint')} value={values.titleNl} onChange={(e) => setValue('titleNl', e.target.value)} errors={errors?.titleNl} />
      <TextArea label={t('descriptionEn')} name="descriptionEn" maxLength={500} value={values.descriptionEn} onChange={(e) => setValue('descriptionEn', e.target.value)} errors={errors?.descriptionEn} />
      <TextArea label={t('descriptionNl')} name="descriptionNl" maxLength={500} value={values.descriptionNl} onChange={(e) => setValue('descriptionNl', e.target.value)} errors={errors?.descriptionNl} />
    </div>
  );
}

/** A multi-select of categories and products ("category:3" / "product:12"). */
function TargetList({
  name,
  label,
  hint,
  selected,
  onChange,
  options,
  errors,
}: {
  name: 'alsoTargets' | 'exceptTargets' | 'getTargets';
  label: string;
  hint: string;
  selected: string[];
  onChange: (v: string[]) => void;
  options: PromotionTargetOptions;
  errors?: string[];
}) {
  const t = useTranslations('admin.promotionForm');
  const id = `field-${name}`;
  return (
    <div>
      <label htmlFor={id} className="mb-1.5 block text-sm font-medium text-stone-700">
        {label}
      </label>
      <select
        id={id}
        name={name}
        multiple
        size={6}
        value={selected}
        onChange={(e) => onChange([...e.target.selectedOptions].map((o) => o.value))}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={`${id}-hint ${id}-error`}
        className={`${inputClass} h-auto py-1`}
      >
        <optgroup label={t('categoriesGroup')}>
          {options.categories.map((c) => (
            <option key={c.id} value={`category:${c.id}`}>
              {c.name}
            </option>
          ))}
        </optgroup>
        <optgroup label={t('productsGroup')}>
          {options.products.map((p) => (
            <option key={p.id} value={`product:${p.id}`}>
              {p.name} — {p.brand}
            </option>
          ))}
        </optgroup>
      </select>
      <p id={`${id}-hint`} className="mt-1 text-sm text-stone-500">
        {hint}
      </p>
      <FieldError id={`${id}-error`} errors={errors} />
    </div>
  );
}

/** More targets (any of them qualifies), exclusions (never), and for "buy X get Y" the items you get. */
export function ExtraTargetFields({ values, setValue, errors, options }: FieldGroupProps & { options: PromotionTargetOptions }) {
  const t = useTranslations('admin.promotionForm');
  return (
    <div className="grid gap-5 sm:grid-cols-2">
      <TargetList name="alsoTargets" label={t('alsoTargets')} hint={t('alsoTargetsHint')} selected={values.alsoTargets} onChange={(v) => setValue('alsoTargets', v)} options={options} errors={errors?.alsoTargets} />
      <TargetList name="exceptTargets" label={t('exceptTargets')} hint={t('exceptTargetsHint')} selected={values.exceptTargets} onChange={(v) => setValue('exceptTargets', v)} options={options} errors={errors?.exceptTargets} />
      <Field label={t('exceptSkus')} name="exceptSkus" hint={t('exceptSkusHint')} autoComplete="off" spellCheck={false} value={values.exceptSkus} onChange={(e) => setValue('exceptSkus', e.target.value.toUpperCase())} errors={errors?.exceptSkus} className="[&_input]:font-mono" />
      {values.scope === 'buy_x_get_y' && (
        <TargetList name="getTargets" label={t('getTargets')} hint={t('getTargetsHint')} selected={values.getTargets} onChange={(v) => setValue('getTargets', v)} options={options} errors={errors?.getTargets} />
      )}
    </div>
  );
}

const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;

/** Minimum goods total and items, who may use it, and the weekly hours in Amsterdam time. */
export function ConditionFields({ values, setValue, errors }: FieldGroupProps) {
  const t = useTranslations('admin.promotionForm');
  const toggleDay = (day: string, on: boolean) =>
    setValue('weekdays', WEEKDAYS.filter((d) => (d === day ? on : values.weekdays.includes(d))));
  return (
    <div className="space-y-5">
      <div className="grid gap-5 sm:grid-cols-3">
        <Field label={t('minSubtotal')} name="minSubtotal" inputMode="decimal" hint={t('minSubtotalHint')} value={values.minSubtotal} onChange={(e) => setValue('minSubtotal', e.target.value)} errors={errors?.minSubtotal} />
        <Field label={t('minItems')} name="minItems" inputMode="numeric" hint={t('minItemsHint')} value={values.minItems} onChange={(e) => setValue('minItems', e.target.value)} errors={errors?.minItems} />
        <div>
          <label htmlFor="field-customerCondition" className="mb-1.5 block text-sm font-medium text-stone-700">
            {t('customerCondition')}
          </label>
          <select id="field-customerCondition" name="customerCondition" value={values.customerCondition} onChange={(e) => setValue('customerCondition', e.target.value as PromotionFormValues['customerCondition'])} className={inputClass}>
            {(['any', 'signed_in', 'first_order', 'loyalty_member'] as const).map((c) => (
              <option key={c} value={c}>
                {t(`customerConditions.${c}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="field-customerSegment" className="mb-1.5 block text-sm font-medium text-stone-700">
            {t('customerSegment')}
          </label>
          <select id="field-customerSegment" name="customerSegment" aria-describedby="field-customerSegment-hint" value={values.customerSegment} onChange={(e) => setValue('customerSegment', e.target.value as PromotionFormValues['customerSegment'])} className={inputClass}>
            <option value="">{t('customerSegments.any')}</option>
            {SEGMENT_OPTIONS.map((s) => (
              <option key={s} value={s}>
                {t(`customerSegments.${s}`)}
              </option>
            ))}
          </select>
          <p id="field-customerSegment-hint" className="mt-1 text-sm text-stone-500">
            {t('customerSegmentHint')}
          </p>
          <FieldError id="field-customerSegment-error" errors={errors?.customerSegment} />
        </div>
      </div>
      <fieldset aria-describedby="field-weekdays-hint">
        <legend className="mb-1.5 block text-sm font-medium text-stone-700">{t('weekdays')}</legend>
        <div className="flex flex-wrap gap-2">
          {WEEKDAYS.map((d) => (
            <label key={d} className="flex min-h-11 cursor-pointer items-center gap-2 rounded-lg px-3 text-sm ring-1 ring-stone-300 has-checked:bg-brand-50 has-checked:ring-brand-600">
              <input type="checkbox" name="weekdays" value={d} checked={values.weekdays.includes(d)} onChange={(e) => toggleDay(d, e.target.checked)} className="size-4 accent-brand-600" />
              {t(`days.${d}` as never)}
            </label>
          ))}
        </div>
        <p id="field-weekdays-hint" className="mt-1 text-sm text-stone-500">
          {t('weekdaysHint')}
        </p>
      </fieldset>
      <div className="grid gap-5 sm:grid-cols-2 sm:max-w-md">
        <Field label={t('dailyStart')} name="dailyStart" type="time" value={values.dailyStart} onChange={(e) => setValue('dailyStart', e.target.value)} errors={errors?.dailyStart} />
        <Field label={t('dailyEnd')} name="dailyEnd" type="time" value={values.dailyEnd} onChange={(e) => setValue('dailyEnd', e.target.value)} errors={errors?.dailyEnd} />
      </div>
    </div>
  );
}

/** Priority and how it combines with other promotions. */
export function StackingFields({ values, setValue, errors }: FieldGroupProps) {
  const t = useTranslations('admin.promotionForm');
  return (
    <div className="space-y-5">
      <fieldset>
        <legend className="mb-1.5 block text-sm font-medium text-stone-700">{t('combination')}</legend>
        <div className="grid gap-2">
          {(['exclusive', 'combinable', 'with_codes'] as const).map((c) => (
            <label key={c} className="flex min-h-11 cursor-pointer items-start gap-2 rounded-lg px-3 py-2 text-sm ring-1 ring-stone-300 has-checked:bg-brand-50 has-checked:ring-2 has-checked:ring-brand-600">
              {/* The hint describes the choice but is not its name (it mentions "promotion codes"). */}
              <input type="radio" name="combination" value={c} checked={values.combination === c} onChange={() => setValue('combination', c)} aria-labelledby={`combination-${c}`} aria-describedby={`combination-${c}-hint`} className="mt-0.5 size-4 accent-brand-600" />
              <span>
                <span id={`combination-${c}`} className="font-medium">
                  {t(`combinations.${c}`)}
                </span>
                <span id={`combination-${c}-hint`} className="block text-xs text-stone-600">
                  {t(`combinationHints.${c}`)}
                </span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <Field className="max-w-xs" label={t('priority')} name="priority" inputMode="numeric" hint={t('priorityHint')} value={values.priority} onChange={(e) => setValue('priority', e.target.value)} errors={errors?.priority} />
    </div>
  );
}

/** Total uses, uses per customer and a budget (the most it may give away in total). */
export function LimitFields({ values, setValue, errors }: FieldGroupProps) {
  const t = useTranslations('admin.promotionForm');
  return (
    <div className="grid gap-5 sm:grid-cols-3">
      <Field label={t('usageLimit')} name="usageLimit" inputMode="numeric" hint={t('usageLimitHint')} value={values.usageLimit} onChange={(e) => setValue('usageLimit', e.target.value)} errors={errors?.usageLimit} />
      <Field label={t('perCustomerLimit')} name="perCustomerLimit" inputMode="numeric" hint={t('perCustomerLimitHint')} value={values.perCustomerLimit} onChange={(e) => setValue('perCustomerLimit', e.target.value)} errors={errors?.perCustomerLimit} />
      <Field label={t('budget')} name="budget" inputMode="decimal" hint={t('budgetHint')} value={values.budget} onChange={(e) => setValue('budget', e.target.value)} errors={errors?.budget} />
    </div>
  );
}
