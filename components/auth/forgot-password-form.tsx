'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { requestPasswordResetAction } from '@/lib/identity/actions';

/** Asks for a reset link; the answer is the same whether or not the address has an account. */
export function ForgotPasswordForm() {
  const t = useTranslations('auth.forgotPassword');
  const [state, formAction] = useActionState(requestPasswordResetAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <Field label={t('email')} name="email" type="email" autoComplete="email" required defaultValue={values?.email} errors={errors?.email} />
      <SubmitButton size="lg" className="w-full" pendingLabel={t('pending')}>
        {t('submit')}
      </SubmitButton>
    </form>
  );
}
