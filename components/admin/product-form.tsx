'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef } from 'react';
import { Card } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions/action-state';
import { createProductAction, updateProductAction } from '@/lib/catalog/product-actions';
import { fieldErrors, ProductField, startChecked, startValue } from './product-field';

export interface ProductFormInitial {
  nameNl: string;
  nameEn: string;
  descriptionNl: string;
  descriptionEn: string;
  brand: string;
  slug: string;
  categoryId: string;
  taxClass: string;
  active: boolean;
}

/** Create (no id) or edit a product's own fields; variants and photos have their own forms. */
export function ProductForm({
  id,
  initial,
  categories,
}: {
  id?: number;
  initial: ProductFormInitial;
  categories: { id: number; name: string }[];
}) {
  const t = useTranslations('admin.catalog.product');
  const [state, formAction] = useActionState<ActionState | null, FormData>(id === undefined ? createProductAction : updateProductAction, null);
  const formRef = useRef<HTMLFormElement>(null);
  const { active, ...texts } = initial;
  const value = (name: string) => startValue(state, texts, name);
  const errors = (name: string) => fieldErrors(state, name);
  const summary: ActionState | null = state && !state.ok && !state.formError ? { ok: false, formError: t('fixErrors') } : state;

  // After a refused save, take keyboard and screen-reader users to the first field to fix.
  useEffect(() => {
    if (state && !state.ok && state.fieldErrors) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state]);

  return (
    <form ref={formRef} action={formAction} noValidate className="space-y-5">
      <FormMessage state={summary} />
      {id !== undefined && <input type="hidden" name="id" value={id} />}
      <Card className="space-y-5">
        <h2 className="text-base font-semibold text-stone-900">{t('details')}</h2>
        <div className="grid gap-5 md:grid-cols-2">
          <Field label={t('nameNl')} name="nameNl" defaultValue={value('nameNl')} maxLength={120} required errors={errors('nameNl')} />
          <Field label={t('nameEn')} name="nameEn" defaultValue={value('nameEn')} maxLength={120} required errors={errors('nameEn')} />
          {(['descriptionNl', 'descriptionEn'] as const).map((name) => (
            <ProductField key={name} id={`field-${name}`} label={t(name)} errors={errors(name)}>
              {(props) => <textarea {...props} name={name} rows={4} maxLength={4000} defaultValue={value(name)} />}
            </ProductField>
          ))}
          <Field label={t('brand')} name="brand" defaultValue={value('brand')} maxLength={80} required errors={errors('brand')} />
          <Field label={t('slug')} name="slug" hint={t('slugHint')} defaultValue={value('slug')} maxLength={100} required errors={errors('slug')} />
          <ProductField id="field-categoryId" label={t('category')} errors={errors('categoryId')}>
            {(props) => (
              <select {...props} name="categoryId" defaultValue={value('categoryId')} required>
                <option value="">{t('chooseCategory')}</option>
                {categories.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            )}
          </ProductField>
          <ProductField id="field-taxClass" label={t('taxClass')} errors={errors('taxClass')}>
            {(props) => (
              <select {...props} name="taxClass" defaultValue={value('taxClass') || 'standard'}>
                {(['standard', 'reduced', 'zero'] as const).map((c) => (
                  <option key={c} value={c}>
                    {t(`taxClasses.${c}`)}
                  </option>
                ))}
              </select>
            )}
          </ProductField>
        </div>
        <label className="flex min-h-11 cursor-pointer items-center gap-3 text-sm font-medium text-stone-800">
          <input type="checkbox" name="active" defaultChecked={startChecked(state, active, 'active')} className="size-5 accent-brand-600" />
          {t('active')}
        </label>
      </Card>
      <SubmitButton pendingLabel={t('saving')}>{id === undefined ? t('create') : t('save')}</SubmitButton>
    </form>
  );
}
