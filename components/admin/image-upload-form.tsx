'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Field, inputClass } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions/action-state';
import { uploadProductImageAction } from '@/lib/catalog/image-actions';
import { fieldErrors, ProductField, startValue } from './product-field';

/** Upload one product photo with its alt text in both languages and, optionally, the colour it shows. */
export function ImageUploadForm({ productId, colors }: { productId: number; colors: { value: string; label: string }[] }) {
  const t = useTranslations('admin.catalog.images');
  const [state, formAction] = useActionState<ActionState | null, FormData>(uploadProductImageAction, null);
  const value = (name: string) => startValue(state, {}, name);
  return (
    <form action={formAction} noValidate className="space-y-4">
      <FormMessage state={state} />
      <input type="hidden" name="productId" value={productId} />
      <ProductField id="field-file" label={t('file')} errors={fieldErrors(state, 'file')}>
        {(props) => (
          <input
            {...props}
            className={`${inputClass} file:mr-3 file:rounded-md file:border-0 file:bg-stone-100 file:px-3 file:py-1.5 file:text-sm`}
            type="file"
            name="file"
            accept="image/jpeg,image/png,image/webp"
            required
          />
        )}
      </ProductField>
      <div className="grid gap-4 md:grid-cols-2">
        <Field label={t('altNl')} name="altNl" defaultValue={value('altNl')} maxLength={200} required errors={fieldErrors(state, 'altNl')} />
        <Field label={t('altEn')} name="altEn" defaultValue={value('altEn')} maxLength={200} required errors={fieldErrors(state, 'altEn')} />
      </div>
      <ProductField id="field-color" label={t('color')} errors={fieldErrors(state, 'color')}>
        {(props) => (
          <select {...props} name="color" defaultValue={value('color')}>
            <option value="">{t('allColors')}</option>
            {colors.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        )}
      </ProductField>
      <SubmitButton pendingLabel={t('uploading')}>{t('upload')}</SubmitButton>
    </form>
  );
}
