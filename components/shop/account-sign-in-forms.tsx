'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { formKey } from './account-form-key';
import { changeEmailAction, changePasswordAction } from '@/lib/identity/account-actions';

/** A new sign-in address: asks for the password, then the new address has to be confirmed by a link. */
export function AccountEmailForm({ email }: { email: string }) {
  const t = useTranslations('shop.accountEdit');
  const [state, formAction] = useActionState(changeEmailAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  return (
    <form key={formKey(state)} action={formAction} noValidate className="space-y-4">
      <h3 className="font-medium">{t('emailTitle')}</h3>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t('newEmail')} name="email" id="account-email" type="email" autoComplete="email" defaultValue={values?.email ?? email} errors={errors?.email} />
        <Field label={t('currentPassword')} name="currentPassword" id="email-current-password" type="password" autoComplete="current-password" errors={errors?.currentPassword} />
      </div>
      <p className="text-sm text-stone-600">{t('emailHint')}</p>
      <FormMessage state={state} />
      <SubmitButton variant="secondary">{t('changeEmail')}</SubmitButton>
    </form>
  );
}

/** Current and new password; other devices are signed out. */
export function AccountPasswordForm() {
  const t = useTranslations('shop.accountEdit');
  const [state, formAction] = useActionState(changePasswordAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={formAction} noValidate className="space-y-4" key={state?.ok ? 'saved' : 'editing'}>
      <h3 className="font-medium">{t('passwordTitle')}</h3>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label={t('currentPassword')} name="currentPassword" id="password-current" type="password" autoComplete="current-password" errors={errors?.currentPassword} />
        <Field label={t('newPassword')} name="password" id="password-new" type="password" autoComplete="new-password" errors={errors?.password} />
        <Field label={t('confirmPassword')} name="confirmPassword" id="password-confirm" type="password" autoComplete="new-password" errors={errors?.confirmPassword} />
      </div>
      <p className="text-sm text-stone-600">{t('passwordHint')}</p>
      <FormMessage state={state} />
      <SubmitButton variant="secondary">{t('changePassword')}</SubmitButton>
    </form>
  );
}
