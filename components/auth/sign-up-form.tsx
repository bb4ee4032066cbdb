'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { signUpAction } from '@/lib/identity/actions';

export function SignUpForm({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations('auth.signUp');
  const [state, formAction] = useActionState(signUpAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      <FormMessage state={state} />
      <Field label={t('name')} name="name" autoComplete="name" required defaultValue={values?.name} errors={errors?.name} />
      <Field label={t('email')} name="email" type="email" autoComplete="email" required defaultValue={values?.email} errors={errors?.email} />
      <Field label={t('password')} name="password" type="password" autoComplete="new-password" required hint={t('passwordHint')} errors={errors?.password} />
      <Field label={t('confirmPassword')} name="confirmPassword" type="password" autoComplete="new-password" required errors={errors?.confirmPassword} />
      <SubmitButton size="lg" className="w-full" pendingLabel={t('pending')}>
        {t('submit')}
      </SubmitButton>
    </form>
  );
}
