'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { FieldError, inputClass } from '@/components/ui/field';
import type { Locale } from '@/lib/i18n/config';
import { formatMoney } from '@/lib/i18n/format';
import { maxRedeemablePoints, pointsValueCents } from '@/lib/loyalty/rules';

export interface CheckoutLoyalty {
  balance: number;
  stepPoints: number;
  stepCents: number;
}

/**
 * "Pay with points" at checkout, for a signed-in customer with at least one step of points: how many
 * points to use (whole steps, at most what the balance and this total allow) and what is left to pay
 * online. A preview; the server checks the points again when the order is placed.
 */
export function LoyaltyCheckoutField({
  loyalty,
  totalCents,
  errors,
}: {
  loyalty: CheckoutLoyalty;
  totalCents: number;
  errors?: string[];
}) {
  const t = useTranslations('shop.loyalty');
  const locale = useLocale() as Locale;
  const [points, setPoints] = useState('0');
  const rates = { redeemStepPoints: loyalty.stepPoints, redeemStepCents: loyalty.stepCents };
  const max = maxRedeemablePoints(loyalty.balance, totalCents, rates);
  if (max <= 0) return null;
  const chosen = /^\d+$/.test(points) ? Number(points) : 0;
  const valueCents = pointsValueCents(Math.min(chosen, max), rates);
  return (
    <fieldset className="space-y-2 rounded-xl bg-brand-50 p-4 ring-1 ring-brand-200">
      <legend className="sr-only">{t('checkoutTitle')}</legend>
      <p className="font-semibold text-stone-900" aria-hidden="true">
        {t('checkoutTitle')}
      </p>
      <p className="text-sm text-stone-700">{t('checkoutBalance', { balance: loyalty.balance, max })}</p>
      <label htmlFor="field-loyaltyPoints" className="block text-sm font-medium text-stone-700">
        {t('checkoutPoints')}
      </label>
      <input
        id="field-loyaltyPoints"
        name="loyaltyPoints"
        type="number"
        inputMode="numeric"
        min={0}
        max={max}
        step={loyalty.stepPoints}
        value={points}
        onChange={(e) => setPoints(e.target.value)}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby="field-loyaltyPoints-hint field-loyaltyPoints-error"
        className={`${inputClass} min-h-11`}
      />
      <p id="field-loyaltyPoints-hint" className="text-sm text-stone-600">
        {t('checkoutHint', { step: loyalty.stepPoints, value: formatMoney(loyalty.stepCents, locale) })}
      </p>
      <FieldError id="field-loyaltyPoints-error" errors={errors} />
      {valueCents > 0 && (
        <p className="text-sm font-medium text-brand-800" aria-live="polite">
          {t('checkoutRest', {
            points: formatMoney(valueCents, locale),
            rest: formatMoney(totalCents - valueCents, locale),
          })}
        </p>
      )}
    </fieldset>
  );
}
