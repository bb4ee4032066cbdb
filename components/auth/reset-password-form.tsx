'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { resetPasswordAction } from '@/lib/identity/actions';

/** The new password, twice; the token from the link travels along in a hidden field. */
export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations('auth.resetPassword');
  const [state, formAction] = useActionState(resetPasswordAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <FormMessage state={state} />
      <Field label={t('password')} name="password" type="password" autoComplete="new-password" required hint={t('passwordHint')} errors={errors?.password} />
      <Field label={t('confirmPassword')} name="confirmPassword" type="password" autoComplete="new-password" required errors={errors?.confirmPassword} />
      <SubmitButton size="lg" className="w-full" pendingLabel={t('pending')}>
        {t('submit')}
      </SubmitButton>
    </form>
  );
}
