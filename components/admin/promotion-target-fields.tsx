'use client';

import { useTranslations } from 'next-intl';
import type { ComponentProps, ReactNode } from 'react';
import { Field, FieldError, inputClass } from '@/components/ui/field';
import type { PromotionFormValues } from '@/lib/promotions/form-values';
import type { PromotionTargetOptions } from '@/lib/promotions/admin-queries';
import type { FieldErrors, SetValue } from './promotion-form-types';

const TARGETS = ['all', 'category', 'product', 'variant'] as const;

/** A labelled <select> wired to its error like <Field>. */
function SelectField({
  name,
  label,
  errors,
  children,
  ...props
}: { name: string; label: string; errors?: string[]; children: ReactNode } & ComponentProps<'select'>) {
  const id = `field-${name}`;
  const invalid = !!errors?.length;
  return (
    <div>
      <label htmlFor={id} className="mb-1.5 block text-sm font-medium text-stone-700">
        {label}
      </label>
      <select
        id={id}
        name={name}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-error` : undefined}
        className={inputClass}
        {...props}
      >
        {children}
      </select>
      <FieldError id={`${id}-error`} errors={errors} />
    </div>
  );
}

/** "Applies to" and, depending on it, the "Category" / "Product" select or the "Variant SKU" field. */
export function TargetFields({
  values,
  setValue,
  errors,
  options,
}: {
  values: PromotionFormValues;
  setValue: SetValue;
  errors: FieldErrors;
  options: PromotionTargetOptions;
}) {
  const t = useTranslations('admin.promotionForm');
  return (
    <div className="grid gap-5 sm:grid-cols-2">
      <SelectField
        name="target"
        label={t('appliesTo')}
        errors={errors?.target}
        value={values.target}
        onChange={(e) => setValue('target', e.target.value as PromotionFormValues['target'])}
      >
        {TARGETS.map((target) => (
          <option key={target} value={target}>
            {t(`targets.${target}`)}
          </option>
        ))}
      </SelectField>

      {values.target === 'category' && (
        <SelectField
          name="categoryId"
          label={t('category')}
          errors={errors?.categoryId}
          value={values.categoryId}
          onChange={(e) => setValue('categoryId', e.target.value)}
        >
          <option value="">{t('chooseCategory')}</option>
          {options.categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
      )}

      {values.target === 'product' && (
        <SelectField
          name="productId"
          label={t('product')}
          errors={errors?.productId}
          value={values.productId}
          onChange={(e) => setValue('productId', e.target.value)}
        >
          <option value="">{t('chooseProduct')}</option>
          {options.products.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} — {p.brand}
            </option>
          ))}
        </SelectField>
      )}

      {values.target === 'variant' && (
        <>
          <Field
            label={t('variantSku')}
            name="variantSku"
            hint={t('variantSkuHint')}
            list="promotion-variant-skus"
            autoComplete="off"
            spellCheck={false}
            value={values.variantSku}
            onChange={(e) => setValue('variantSku', e.target.value.toUpperCase())}
            className="[&_input]:font-mono"
            errors={errors?.variantSku}
          />
          <datalist id="promotion-variant-skus">
            {options.variants.map((v) => (
              <option key={v.sku} value={v.sku}>
                {v.label}
              </option>
            ))}
          </datalist>
        </>
      )}
    </div>
  );
}
