'use client';

import { useLocale, useTranslations } from 'next-intl';
import { FieldError } from '@/components/ui/field';
import type { Locale } from '@/lib/i18n/config';
import { formatMoney } from '@/lib/i18n/format';

/**
 * "Pay with store credit" in the counter's payment step, for the customer attached to the sale: the
 * clerk types an amount (at most the balance and what is left to pay) or takes the most it can pay.
 * The amount travels as the clerk typed it; the server spends it with one conditional update.
 */
export function StoreCreditPay({
  customerName,
  balanceCents,
  maxCents,
  value,
  onChange,
  errors,
}: {
  customerName: string;
  balanceCents: number;
  /** The most it may pay now: min(balance, what is left after points). */
  maxCents: number;
  /** As typed, e.g. "10,00". */
  value: string;
  onChange: (typed: string) => void;
  errors?: string[];
}) {
  const t = useTranslations('counter.tender');
  const locale = useLocale() as Locale;
  const typed = (cents: number) => `${Math.floor(cents / 100)}${locale === 'nl' ? ',' : '.'}${String(cents % 100).padStart(2, '0')}`;
  const buttonClass =
    'h-12 rounded-xl px-4 text-base font-semibold ring-1 ring-stone-300 active:bg-stone-200 aria-pressed:bg-brand-600 aria-pressed:text-white aria-pressed:ring-brand-600';
  return (
    <section aria-labelledby="store-credit-pay-title" className="space-y-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-stone-200">
      <h2 id="store-credit-pay-title" className="text-lg font-semibold text-stone-900">
        {t('creditTitle')}
      </h2>
      <p className="text-stone-700">{t('creditBalance', { name: customerName, balance: formatMoney(balanceCents, locale) })}</p>
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="store-credit" className="mb-1 block text-sm font-semibold text-stone-800">
            {t('creditAmount')}
          </label>
          <input
            id="store-credit"
            inputMode="decimal"
            autoComplete="off"
            value={value}
            onChange={(e) => onChange(e.target.value)}
            aria-invalid={errors?.length ? true : undefined}
            aria-describedby="store-credit-error"
            className="h-12 w-36 rounded-xl border-0 px-3 text-xl font-semibold tabular-nums ring-1 ring-stone-300 focus:ring-2 focus:ring-brand-600"
          />
        </div>
        <button type="button" aria-pressed={value === typed(maxCents)} onClick={() => onChange(typed(maxCents))} className={buttonClass}>
          {t('creditMax', { amount: formatMoney(maxCents, locale) })}
        </button>
        <button type="button" aria-pressed={value.trim() === ''} onClick={() => onChange('')} className={buttonClass}>
          {t('creditNone')}
        </button>
      </div>
      <FieldError id="store-credit-error" errors={errors} />
    </section>
  );
}
