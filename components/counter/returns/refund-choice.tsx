'use client';

import { useTranslations } from 'next-intl';
import { REFUND_DESTINATIONS } from '@/lib/returns/counter-schemas';

/**
 * Where the money goes: back to what the customer paid with, cash from the drawer, the card terminal,
 * or store credit (only with a customer profile). Large radio cards for the tablet.
 */
export function RefundChoice({
  legend,
  hasCustomer,
  originalMethods,
  errors,
  name = 'to',
}: {
  legend: string;
  hasCustomer: boolean;
  /** Names of the original payment methods, e.g. "Online payment, Loyalty points". */
  originalMethods: string[];
  errors?: string[];
  name?: string;
}) {
  const t = useTranslations('counter.returns');
  return (
    <fieldset className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-stone-200" aria-describedby={errors?.length ? 'refund-to-error' : undefined}>
      <legend className="float-left mb-2 w-full text-lg font-semibold">{legend}</legend>
      <div className="clear-both grid gap-3 sm:grid-cols-2">
        {REFUND_DESTINATIONS.map((to) => {
          const disabled = to === 'store_credit' && !hasCustomer;
          return (
            <label
              key={to}
              className="flex min-h-16 cursor-pointer items-center gap-3 rounded-xl bg-stone-50 px-4 py-2 ring-1 ring-stone-300 has-checked:bg-brand-50 has-checked:ring-2 has-checked:ring-brand-600 has-disabled:cursor-not-allowed has-disabled:opacity-50"
            >
              <input type="radio" name={name} value={to} defaultChecked={to === 'original'} disabled={disabled} className="size-5 shrink-0" />
              <span>
                <span className="block text-base font-semibold">{t(`to.${to}`)}</span>
                <span className="block text-sm text-stone-600">
                  {to === 'original' ? originalMethods.join(', ') || '—' : disabled ? t('storeCreditNeedsCustomer') : t(`toHint.${to}`)}
                </span>
              </span>
            </label>
          );
        })}
      </div>
      {errors?.length ? (
        <p id="refund-to-error" className="mt-2 text-base font-medium text-red-700">
          {errors.join(' ')}
        </p>
      ) : null}
    </fieldset>
  );
}
