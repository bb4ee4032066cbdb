'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FieldError } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { refundReturnAction } from '@/lib/returns/admin-actions';

/** The received return is refunded: back the way it was paid (split over the payments) or as store credit. */
export function RefundReturnForm({
  returnId,
  idempotencyKey,
  amount,
  originalMethods,
  storeCreditAllowed,
}: {
  returnId: string;
  /** Made when the page renders: a double click or a resent form refunds once. */
  idempotencyKey: string;
  amount: string;
  /** "Online payment, Loyalty points": how the order was paid. */
  originalMethods: string;
  /** Store credit needs a customer profile. */
  storeCreditAllowed: boolean;
}) {
  const t = useTranslations('admin.returns');
  const [state, formAction] = useActionState(refundReturnAction, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} className="space-y-4" aria-labelledby="refund-title">
      <h2 id="refund-title" className="text-base font-semibold text-stone-900">
        {t('refundTitle', { amount })}
      </h2>
      <input type="hidden" name="returnId" value={returnId} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <fieldset className="space-y-2" aria-describedby="refund-to-error">
        <legend className="text-sm font-medium text-stone-700">{t('refundTo')}</legend>
        <label className="flex min-h-11 items-start gap-3 rounded-lg p-2 ring-1 ring-stone-200">
          <input type="radio" name="to" value="original" defaultChecked className="mt-1 size-5 text-brand-600" />
          <span className="text-sm">
            <span className="block font-medium">{t('destinations.original')}</span>
            <span className="block text-stone-600">{originalMethods}</span>
          </span>
        </label>
        {storeCreditAllowed && (
          <label className="flex min-h-11 items-start gap-3 rounded-lg p-2 ring-1 ring-stone-200">
            <input type="radio" name="to" value="store_credit" className="mt-1 size-5 text-brand-600" />
            <span className="text-sm">
              <span className="block font-medium">{t('destinations.store_credit')}</span>
              <span className="block text-stone-600">{t('storeCreditHint')}</span>
            </span>
          </label>
        )}
        <FieldError id="refund-to-error" errors={errors.to} />
      </fieldset>
      <SubmitButton size="lg">{t('refund', { amount })}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
