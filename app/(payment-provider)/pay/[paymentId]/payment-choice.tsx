'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { Spinner } from '@/components/ui/spinner';
import { decideTestPaymentAction } from '@/lib/payments/actions';

/**
 * Pay or let the payment fail. Both forms share one action state, so while either is pending both
 * buttons are disabled: one decision per payment (the provider's webhook event id repeats anyway).
 */
export function PaymentChoice({ paymentId }: { paymentId: string }) {
  const t = useTranslations('shop.pay');
  const [state, decide, pending] = useActionState(decideTestPaymentAction, null);
  return (
    <div className="space-y-3">
      <FormMessage state={state} />
      <form action={decide}>
        <input type="hidden" name="paymentId" value={paymentId} />
        <input type="hidden" name="outcome" value="succeeded" />
        <button
          type="submit"
          disabled={pending}
          className="inline-flex h-12 w-full items-center justify-center gap-2 rounded-lg bg-indigo-700 px-4 text-base font-semibold text-white shadow-sm hover:bg-indigo-800 disabled:opacity-60"
        >
          {pending && <Spinner />}
          {pending ? t('processing') : t('pay')}
        </button>
      </form>
      <form action={decide}>
        <input type="hidden" name="paymentId" value={paymentId} />
        <input type="hidden" name="outcome" value="failed" />
        <button
          type="submit"
          disabled={pending}
          className="inline-flex h-11 w-full items-center justify-center rounded-lg bg-white px-4 text-sm font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50 disabled:opacity-60"
        >
          {t('fail')}
        </button>
      </form>
    </div>
  );
}
