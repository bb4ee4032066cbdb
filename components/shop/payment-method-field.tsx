'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import type { Locale } from '@/lib/i18n/config';
import { formatMoney } from '@/lib/i18n/format';
import { CHECKOUT_METHODS, type CheckoutMethod } from '@/lib/payments/provider';

/**
 * "How do you want to pay?" at checkout: iDEAL, card or Bancontact, passed on to the payment provider
 * (Mollie opens that method at once). With the built-in test provider the page says so plainly: no
 * real money moves, whatever is chosen. A signed-in customer with store credit may let it pay first.
 */
export function PaymentMethodField({
  provider,
  storeCreditCents,
  totalCents,
}: {
  provider: 'test_provider' | 'mollie';
  /** The signed-in customer's store-credit balance (0: not offered). */
  storeCreditCents: number;
  /** What is left to pay (after points), for the store-credit preview. */
  totalCents: number;
}) {
  const t = useTranslations('shop.paymentMethod');
  const locale = useLocale() as Locale;
  const [chosen, setChosen] = useState<CheckoutMethod>('ideal');
  const [useCredit, setUseCredit] = useState(false);
  const creditCents = useCredit ? Math.min(storeCreditCents, totalCents) : 0;
  return (
    <div className="space-y-3">
      {storeCreditCents > 0 && (
        <div className="rounded-xl bg-brand-50 p-4 ring-1 ring-brand-200">
          <label className="flex min-h-11 items-center gap-3 text-sm font-medium text-stone-900">
            <input type="checkbox" name="useStoreCredit" checked={useCredit} onChange={(e) => setUseCredit(e.target.checked)} className="size-5 accent-brand-600" />
            {t('useStoreCredit', { balance: formatMoney(storeCreditCents, locale) })}
          </label>
          {useCredit && (
            <p aria-live="polite" className="mt-1 text-sm text-stone-700">
              {creditCents >= totalCents ? t('creditPaysAll') : t('creditPaysPart', { credit: formatMoney(creditCents, locale), rest: formatMoney(totalCents - creditCents, locale) })}
            </p>
          )}
        </div>
      )}
      <fieldset className="space-y-2" disabled={creditCents > 0 && creditCents >= totalCents}>
        <legend className="text-base font-semibold text-stone-900">{t('legend')}</legend>
        {CHECKOUT_METHODS.map((m) => (
          <label
            key={m}
            className="flex min-h-12 cursor-pointer items-center gap-3 rounded-xl bg-white px-4 py-2 ring-1 ring-stone-300 has-[:checked]:ring-2 has-[:checked]:ring-brand-600"
          >
            <input type="radio" name="paymentMethod" value={m} checked={chosen === m} onChange={() => setChosen(m)} className="size-5 accent-brand-600" />
            <span className="font-medium text-stone-900">{t(`methods.${m}`)}</span>
            <span className="ml-auto text-xs text-stone-500">{t(`hints.${m}`)}</span>
          </label>
        ))}
      </fieldset>
      <p className={`rounded-lg p-3 text-sm ${provider === 'test_provider' ? 'bg-amber-50 text-amber-900 ring-1 ring-amber-200' : 'text-stone-600'}`}>
        {provider === 'test_provider' ? t('testProvider') : t('mollie')}
      </p>
    </div>
  );
}
