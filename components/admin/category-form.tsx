'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions/action-state';
import { createCategoryAction, updateCategoryAction } from '@/lib/catalog/category-actions';
import { fieldErrors, startValue } from './product-field';

/** Add a category (no id) or rename one: names in both languages and the slug of its shop links. */
export function CategoryForm({ id, initial }: { id?: number; initial: { nameNl: string; nameEn: string; slug: string } }) {
  const t = useTranslations('admin.catalog.categories');
  const [state, formAction] = useActionState<ActionState | null, FormData>(id === undefined ? createCategoryAction : updateCategoryAction, null);
  // A new category's form starts empty again after it was added.
  const value = (name: string) => (id === undefined && state?.ok ? '' : startValue(state, initial, name));
  return (
    <form action={formAction} noValidate className="space-y-4">
      <FormMessage state={state} />
      {id !== undefined && <input type="hidden" name="id" value={id} />}
      <div className="grid gap-4 md:grid-cols-3">
        <Field label={t('nameNl')} name="nameNl" defaultValue={value('nameNl')} maxLength={80} required errors={fieldErrors(state, 'nameNl')} />
        <Field label={t('nameEn')} name="nameEn" defaultValue={value('nameEn')} maxLength={80} required errors={fieldErrors(state, 'nameEn')} />
        <Field label={t('slug')} name="slug" hint={t('slugHint')} defaultValue={value('slug')} maxLength={100} required errors={fieldErrors(state, 'slug')} />
      </div>
      <SubmitButton>{id === undefined ? t('create') : t('save')}</SubmitButton>
    </form>
  );
}
