'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { formKey } from './account-form-key';
import { updateProfileAction } from '@/lib/identity/account-actions';

/** Name and phone number (any common notation; stored in E.164). */
export function AccountProfileForm({ name, phone }: { name: string; phone: string | null }) {
  const t = useTranslations('shop.accountEdit');
  const [state, formAction] = useActionState(updateProfileAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  return (
    <form key={formKey(state)} action={formAction} noValidate className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t('name')} name="name" id="profile-name" autoComplete="name" defaultValue={values?.name ?? name} errors={errors?.name} required />
        <Field
          label={t('phone')}
          name="phone"
          id="profile-phone"
          type="tel"
          autoComplete="tel"
          defaultValue={values?.phone ?? phone ?? ''}
          hint={t('phoneHint')}
          errors={errors?.phone}
        />
      </div>
      <FormMessage state={state} />
      <SubmitButton>{t('saveProfile')}</SubmitButton>
    </form>
  );
}
