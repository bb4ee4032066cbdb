'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { retryRefundAction } from '@/lib/payments/admin-actions';

/** "Retry refund" for money owed back on an online payment; the outcome stays on screen after the list refreshes. */
export function RefundRetryButton({ paymentId, order, retryable }: { paymentId: string; order: string; retryable: boolean }) {
  const t = useTranslations('admin.dashboard.attention');
  const [state, formAction] = useActionState(retryRefundAction, null);
  if (!retryable && !state) return null;
  return (
    <form action={formAction} className="flex flex-col items-start gap-2">
      <input type="hidden" name="paymentId" value={paymentId} />
      {retryable && (
        <SubmitButton variant="secondary" size="sm" aria-label={t('retryLabel', { order })} pendingLabel={t('retrying')}>
          {t('retry')}
        </SubmitButton>
      )}
      <FormMessage state={state} />
    </form>
  );
}
