'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef } from 'react';
import { Card } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions/action-state';
import { createVariantAction, updateVariantAction } from '@/lib/catalog/product-actions';
import { fieldErrors, startChecked, startValue } from './product-field';

export interface VariantFormInitial {
  size: string;
  color: string;
  sku: string;
  ean: string;
  /** Euros as the field shows them ("89,95"). */
  price: string;
  active: boolean;
}

/** Add a variant to a product (productId) or edit one (id): options, codes, price incl. VAT, for sale. */
export function VariantForm({ productId, id, initial }: { productId?: number; id?: number; initial: VariantFormInitial }) {
  const t = useTranslations('admin.catalog.variant');
  const tProduct = useTranslations('admin.catalog.product');
  const [state, formAction] = useActionState<ActionState | null, FormData>(id === undefined ? createVariantAction : updateVariantAction, null);
  const formRef = useRef<HTMLFormElement>(null);
  const { active, ...texts } = initial;
  const value = (name: string) => startValue(state, texts, name);
  const errors = (name: string) => fieldErrors(state, name);
  const summary: ActionState | null = state && !state.ok && !state.formError ? { ok: false, formError: tProduct('fixErrors') } : state;

  useEffect(() => {
    if (state && !state.ok && state.fieldErrors) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state]);

  return (
    <form ref={formRef} action={formAction} noValidate className="space-y-5">
      <FormMessage state={summary} />
      {id !== undefined ? <input type="hidden" name="id" value={id} /> : <input type="hidden" name="productId" value={productId} />}
      <Card className="space-y-5">
        <div className="grid gap-5 md:grid-cols-2">
          <Field label={t('size')} name="size" defaultValue={value('size')} maxLength={20} errors={errors('size')} />
          <Field label={t('color')} name="color" hint={t('colorHint')} defaultValue={value('color')} maxLength={30} errors={errors('color')} />
          <Field label={t('sku')} name="sku" defaultValue={value('sku')} maxLength={40} required autoCapitalize="characters" errors={errors('sku')} />
          <Field
            label={t('ean')}
            name="ean"
            hint={t('eanHint')}
            defaultValue={value('ean')}
            inputMode="numeric"
            maxLength={13}
            required
            errors={errors('ean')}
          />
          <Field
            label={t('price')}
            name="price"
            hint={t('priceHint')}
            defaultValue={value('price')}
            inputMode="decimal"
            maxLength={12}
            required
            errors={errors('price')}
          />
        </div>
        <label className="flex min-h-11 cursor-pointer items-center gap-3 text-sm font-medium text-stone-800">
          <input type="checkbox" name="active" defaultChecked={startChecked(state, active, 'active')} className="size-5 accent-brand-600" />
          {t('active')}
        </label>
      </Card>
      <SubmitButton pendingLabel={tProduct('saving')}>{id === undefined ? t('create') : t('save')}</SubmitButton>
    </form>
  );
}
