import { useTranslations } from 'next-intl';
import { SubmitButton } from '@/components/ui/submit-button';
import { retryPaymentAction } from '@/lib/payments/actions';

// A plain form: the action redirects to the provider's page, there is nothing to show here.
const retryPayment = retryPaymentAction as unknown as (formData: FormData) => Promise<void>;

/** Where the online payment of an unpaid order stands, with the way forward. */
export function PaymentPanel({
  orderId,
  state,
}: {
  orderId: string;
  state: 'confirming' | 'failed' | 'none';
}) {
  const t = useTranslations('shop.order');
  if (state === 'confirming') {
    return (
      <section role="status" className="rounded-2xl bg-sky-50 p-5 ring-1 ring-sky-200">
        {/* The webhook usually lands within a second or two; the page's live topic brings it (order page). */}
        <h2 className="flex items-center gap-2 font-semibold text-sky-950">
          <span className="size-2.5 animate-pulse rounded-full bg-sky-500" aria-hidden="true" />
          {t('confirming')}
        </h2>
        <p className="mt-1 text-sm text-sky-900">{t('confirmingBody')}</p>
        <form action={retryPayment} className="mt-3">
          <input type="hidden" name="orderId" value={orderId} />
          <SubmitButton
            variant="ghost"
            size="sm"
            className="px-0 text-sky-900 underline hover:bg-transparent"
          >
            {t('continuePayment')}
          </SubmitButton>
        </form>
      </section>
    );
  }
  const failed = state === 'failed';
  return (
    <section
      className={`rounded-2xl p-5 ring-1 ${failed ? 'bg-red-50 ring-red-200' : 'bg-amber-50 ring-amber-200'}`}
    >
      <h2 className={`font-semibold ${failed ? 'text-red-900' : 'text-amber-950'}`}>
        {failed ? t('paymentFailed') : t('notPaidYet')}
      </h2>
      <p className={`mt-1 text-sm ${failed ? 'text-red-900' : 'text-amber-950'}`}>
        {failed ? t('paymentFailedBody') : t('notPaidYetBody')}
      </p>
      <form action={retryPayment} className="mt-4">
        <input type="hidden" name="orderId" value={orderId} />
        <SubmitButton size="lg">{failed ? t('tryAgain') : t('payNow')}</SubmitButton>
      </form>
    </section>
  );
}
