'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { resendVerificationAction } from '@/lib/identity/actions';

/** Shown while the account's address is not confirmed: what to do, and a new link on request. */
export function VerifyEmailHint({ email }: { email: string }) {
  const t = useTranslations('shop.account.verify');
  const [state, formAction] = useActionState(resendVerificationAction, null);
  return (
    <section
      aria-labelledby="verify-email-title"
      className="flex flex-wrap items-start justify-between gap-3 rounded-2xl bg-amber-50 p-4 ring-1 ring-amber-200"
    >
      <div className="min-w-0 flex-1 basis-64">
        <h2 id="verify-email-title" className="font-semibold text-amber-950">
          {t('title')}
        </h2>
        <p className="mt-1 text-sm text-amber-900">{t('body', { email })}</p>
        <div className="mt-2">
          <FormMessage state={state} />
        </div>
      </div>
      <form action={formAction}>
        <SubmitButton variant="secondary" pendingLabel={t('pending')}>
          {t('send')}
        </SubmitButton>
      </form>
    </section>
  );
}
