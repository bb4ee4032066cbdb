'use client';

import { useLocale, useTranslations } from 'next-intl';
import { FieldError } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import type { Locale } from '@/lib/i18n/config';
import { formatMoney } from '@/lib/i18n/format';
import type { CounterRedeemOptions } from '@/lib/loyalty/queries';
import { pointsValueCents } from '@/lib/loyalty/rules';

/**
 * "Pay with points" in the counter's payment step, for the customer attached to the sale: the clerk
 * chooses how many points (whole steps, at most `maxPoints`); the rest is paid by cash or card as usual.
 */
export function LoyaltyPay({
  options,
  points,
  onChange,
  errors,
}: {
  options: CounterRedeemOptions;
  points: number;
  onChange: (points: number) => void;
  /** The server's refusal of the points (above the balance or the total…). */
  errors?: string[];
}) {
  const t = useTranslations('counter.loyalty');
  const locale = useLocale() as Locale;
  const rates = { redeemStepPoints: options.stepPoints, redeemStepCents: options.stepCents };
  const clamp = (n: number) =>
    Math.max(0, Math.min(options.maxPoints, Math.floor(n / options.stepPoints) * options.stepPoints));
  const buttonClass =
    'h-12 rounded-xl px-4 text-base font-semibold ring-1 ring-stone-300 active:bg-stone-200 aria-pressed:bg-brand-600 aria-pressed:text-white aria-pressed:ring-brand-600';
  return (
    <section
      aria-labelledby="loyalty-pay-title"
      className="space-y-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-stone-200"
    >
      <h2 id="loyalty-pay-title" className="text-lg font-semibold text-stone-900">
        {t('payTitle')}
      </h2>
      <p className="text-stone-700">
        {t('payBalance', { name: options.customerName, balance: options.balance, max: options.maxPoints })}
      </p>
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="loyalty-points" className="mb-1 block text-sm font-semibold text-stone-800">
            {t('points')}
          </label>
          <input
            id="loyalty-points"
            type="number"
            inputMode="numeric"
            min={0}
            max={options.maxPoints}
            step={options.stepPoints}
            value={points}
            onChange={(e) => onChange(clamp(Number(e.target.value) || 0))}
            aria-invalid={errors?.length ? true : undefined}
            aria-describedby="loyalty-points-hint loyalty-points-error"
            className="h-12 w-36 rounded-xl border-0 px-3 text-xl font-semibold tabular-nums ring-1 ring-stone-300 focus:ring-2 focus:ring-brand-600"
          />
        </div>
        <button
          type="button"
          aria-pressed={points === options.maxPoints}
          onClick={() => onChange(options.maxPoints)}
          className={buttonClass}
        >
          {t('useMax', { max: options.maxPoints })}
        </button>
        <button type="button" aria-pressed={points === 0} onClick={() => onChange(0)} className={buttonClass}>
          {t('none')}
        </button>
      </div>
      <p id="loyalty-points-hint" className="text-sm text-stone-500">
        {t('pointsHint', { step: options.stepPoints, value: formatMoney(options.stepCents, locale) })}
      </p>
      <FieldError id="loyalty-points-error" errors={errors} />
      {points > 0 && (
        <p className="font-semibold text-brand-800" aria-live="polite">
          {t('value', { amount: formatMoney(pointsValueCents(points, rates), locale) })}
        </p>
      )}
    </section>
  );
}

/** Points pay the whole sale: one button, method 'loyalty_points' (the server checks they cover it). */
export function LoyaltyPayAllForm({
  idempotencyKey,
  totalCents,
  points,
  formAction,
}: {
  idempotencyKey: string;
  totalCents: number;
  points: number;
  formAction: (payload: FormData) => void;
}) {
  const t = useTranslations('counter.loyalty');
  const pending = useTranslations('counter.checkout')('pending');
  const locale = useLocale() as Locale;
  return (
    <form action={formAction} className="space-y-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-stone-200">
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <input type="hidden" name="expectedTotalCents" value={totalCents} />
      <input type="hidden" name="method" value="loyalty_points" />
      <input type="hidden" name="loyaltyPoints" value={points} />
      <p className="text-stone-700">{t('payAllHint')}</p>
      <SubmitButton size="xl" className="w-full" pendingLabel={pending}>
        {t('payAll', { amount: formatMoney(totalCents, locale) })}
      </SubmitButton>
    </form>
  );
}
