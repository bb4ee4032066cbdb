'use client';

import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { useActionState, useEffect, useState } from 'react';
import { FieldError, inputClass } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { formatMoney } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/config';
import { roundCash } from '@/lib/money/cash-rounding';
import { parseEuroToCents } from '@/lib/money/euros';
import type { CounterRedeemOptions } from '@/lib/loyalty/queries';
import { pointsValueCents } from '@/lib/loyalty/rules';
import { completeCounterSaleAction } from '@/lib/orders/counter-actions';
import { LoyaltyPay, LoyaltyPayAllForm } from './loyalty-pay';
import { StoreCreditPay } from './store-credit-pay';

type Method = 'cash' | 'card_terminal';

/** What a customer is likely to hand over for `total`: exact, then round amounts above it (€10, €20, €50, €100…). */
export function quickAmounts(totalCents: number): number[] {
  const up = (step: number) => Math.ceil(totalCents / step) * step;
  const amounts = [totalCents, up(500), up(1000), up(2000), up(5000), up(10000), 2000, 5000, 10000];
  return [...new Set(amounts)]
    .filter((a) => a >= totalCents)
    .sort((a, b) => a - b)
    .slice(0, 5);
}

/** Cents as the person would type them in this language: 2000 → "20,00" (nl) / "20.00" (en). */
function typed(cents: number, locale: Locale): string {
  return `${Math.floor(cents / 100)}${locale === 'nl' ? ',' : '.'}${String(cents % 100).padStart(2, '0')}`;
}

/**
 * Cash or card, with split tender: the attached customer's points and store credit pay first, then
 * optionally a part by card, and the rest by cash — rounded to 5 cents (lib/money/cash-rounding) — or
 * card (never rounded). All submit the same action with the idempotency key rendered by the page, so
 * a double tap is one sale. Amounts shown here are a preview; the server computes what it records.
 */
export function PaymentPanel({
  totalCents: saleTotalCents,
  idempotencyKey,
  loyalty,
  storeCredit,
}: {
  totalCents: number;
  idempotencyKey: string;
  /** The attached customer's points, when they can pay at least one step (see LoyaltyPay). */
  loyalty?: CounterRedeemOptions | null;
  /** The attached customer's store credit, when they have a balance. */
  storeCredit?: { customerName: string; balanceCents: number } | null;
}) {
  const tTender = useTranslations('counter.tender');
  const t = useTranslations('counter.checkout');
  const locale = useLocale() as Locale;
  const router = useRouter();
  const [chosenMethod, setMethod] = useState<Method | null>(null);
  const [tendered, setTendered] = useState('');
  const [state, formAction] = useActionState(completeCounterSaleAction, null);
  const money = (cents: number) => formatMoney(cents, locale);
  // Points pay part first; the rest of the panel is about what is left (`totalCents`).
  const [points, setPoints] = useState(0);
  const pointsCents = loyalty ? pointsValueCents(points, { redeemStepPoints: loyalty.stepPoints, redeemStepCents: loyalty.stepCents }) : 0;
  const [creditTyped, setCreditTyped] = useState('');
  const creditCents = storeCredit && creditTyped.trim() ? (parseEuroToCents(creditTyped) ?? 0) : 0;
  const afterPoints = saleTotalCents - pointsCents;
  const creditMax = storeCredit ? Math.max(0, Math.min(storeCredit.balanceCents, afterPoints)) : 0;
  const totalCents = Math.max(0, afterPoints - creditCents);
  const pointsOnly = pointsCents > 0 && totalCents === 0 && creditCents === 0;
  const prepaidAll = creditCents > 0 && totalCents === 0;
  const method = pointsOnly || prepaidAll ? null : chosenMethod;
  const [cardPartTyped, setCardPartTyped] = useState('');
  const cardPartCents = method === 'cash' && cardPartTyped.trim() ? (parseEuroToCents(cardPartTyped) ?? 0) : 0;
  const cashDue = Math.max(0, totalCents - cardPartCents);
  const cash = roundCash(cashDue);
  const pointsField = (
    <>
      {points > 0 && <input type="hidden" name="loyaltyPoints" value={points} />}
      {creditCents > 0 && <input type="hidden" name="storeCredit" value={creditTyped} />}
    </>
  );
  const errorsOf = (field: string) => (state && !state.ok ? state.fieldErrors?.[field] : undefined);

  // A refusal such as a changed price or stock that ran out: show the cart as it is now.
  useEffect(() => {
    if (state && !state.ok && state.formError) router.refresh();
  }, [state, router]);

  const tenderedCents = tendered.trim() ? parseEuroToCents(tendered) : null;
  const changeCents = tenderedCents === null ? null : tenderedCents - cash.roundedCents;
  // The server's verdict on an amount is dropped as soon as the clerk changes that amount.
  const tenderedErrors =
    state && !state.ok && state.values?.tendered === tendered ? state.fieldErrors?.tendered : undefined;

  const choice = (value: Method, label: string, icon: React.ReactNode) => (
    <button
      type="button"
      aria-pressed={method === value}
      onClick={() => setMethod(value)}
      className="flex h-24 flex-1 flex-col items-center justify-center gap-1 rounded-2xl bg-white text-xl font-semibold text-stone-800 ring-2 ring-stone-300 active:bg-stone-100 aria-pressed:bg-brand-600 aria-pressed:text-white aria-pressed:ring-brand-600"
    >
      {icon}
      {label}
    </button>
  );

  return (
    <div className="space-y-4">
      <section aria-labelledby="to-pay" className="rounded-2xl bg-stone-900 px-5 py-4 text-white">
        <h2 id="to-pay" className="text-sm font-normal text-stone-300">
          {t('toPay')}
        </h2>
        <p className="text-4xl font-semibold tabular-nums">{money(totalCents)}</p>
      </section>

      {loyalty && <LoyaltyPay options={loyalty} points={points} onChange={setPoints} errors={state && !state.ok ? state.fieldErrors?.loyaltyPoints : undefined} />}
      {storeCredit && storeCredit.balanceCents > 0 && (
        <StoreCreditPay customerName={storeCredit.customerName} balanceCents={storeCredit.balanceCents} maxCents={creditMax} value={creditTyped} onChange={setCreditTyped} errors={errorsOf('storeCredit')} />
      )}
      {pointsOnly && <LoyaltyPayAllForm idempotencyKey={idempotencyKey} totalCents={saleTotalCents} points={points} formAction={formAction} />}
      {prepaidAll && (
        <form action={formAction} className="space-y-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-stone-200">
          <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
          <input type="hidden" name="expectedTotalCents" value={saleTotalCents} />
          <input type="hidden" name="method" value="card_terminal" />
          {pointsField}
          <p className="text-stone-700">{tTender('prepaidAll')}</p>
          <SubmitButton size="xl" className="w-full" pendingLabel={t('pending')}>
            {tTender('completePrepaid')}
          </SubmitButton>
        </form>
      )}

      <div role="group" aria-label={t('method')} hidden={pointsOnly || prepaidAll} className="flex gap-3">
        {choice(
          'cash',
          t('cash'),
          <svg viewBox="0 0 24 24" aria-hidden="true" className="size-7">
            <rect
              x="2"
              y="6"
              width="20"
              height="12"
              rx="2"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.8"
            />
            <circle cx="12" cy="12" r="2.5" fill="none" stroke="currentColor" strokeWidth="1.8" />
          </svg>,
        )}
        {choice(
          'card_terminal',
          t('card'),
          <svg viewBox="0 0 24 24" aria-hidden="true" className="size-7">
            <rect
              x="2"
              y="5"
              width="20"
              height="14"
              rx="2"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.8"
            />
            <path d="M2 10h20" stroke="currentColor" strokeWidth="1.8" />
          </svg>,
        )}
      </div>

      <FormMessage state={state && !state.ok && state.formError ? state : null} />

      {method === null && !pointsOnly && !prepaidAll && <p className="text-center text-stone-600">{t('choose')}</p>}

      {method === 'cash' && (
        <form
          action={formAction}
          noValidate
          className="space-y-4 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-stone-200"
        >
          <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
          <input type="hidden" name="expectedTotalCents" value={saleTotalCents} />
          <input type="hidden" name="method" value="cash" />
          {pointsField}
          <div>
            <label htmlFor="card-part" className="mb-1.5 block text-base font-semibold text-stone-800">
              {tTender('cardPart')}
            </label>
            <div className="relative">
              <span aria-hidden="true" className="pointer-events-none absolute top-1/2 left-4 -translate-y-1/2 text-xl text-stone-400">
                €
              </span>
              <input
                id="card-part"
                name="cardPart"
                value={cardPartTyped}
                onChange={(e) => setCardPartTyped(e.target.value)}
                inputMode="decimal"
                autoComplete="off"
                aria-invalid={errorsOf('cardPart')?.length ? true : undefined}
                aria-describedby="card-part-hint card-part-error"
                className={`${inputClass} h-12 pl-10 text-xl font-semibold tabular-nums`}
              />
            </div>
            <p id="card-part-hint" className="mt-1 text-sm text-stone-500">
              {tTender('cardPartHint')}
            </p>
            <FieldError id="card-part-error" errors={errorsOf('cardPart')} />
          </div>
          <dl aria-live="polite" className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 rounded-xl bg-stone-50 px-4 py-3 text-base tabular-nums">
            {cardPartCents > 0 && (
              <>
                <dt>{tTender('byCard')}</dt>
                <dd className="text-right">{money(cardPartCents)}</dd>
              </>
            )}
            {cash.roundingCents !== 0 && (
              <>
                <dt>{tTender('cashBeforeRounding')}</dt>
                <dd className="text-right">{money(cashDue)}</dd>
                <dt>{tTender('rounding')}</dt>
                <dd className="text-right">{cash.roundingCents > 0 ? '+' : '−'}{money(Math.abs(cash.roundingCents))}</dd>
              </>
            )}
            <dt className="font-semibold">{tTender('cashToPay')}</dt>
            <dd className="text-right text-xl font-semibold">{money(cash.roundedCents)}</dd>
          </dl>
          <div>
            <label htmlFor="tendered" className="mb-1.5 block text-base font-semibold text-stone-800">
              {t('amountReceived')}
            </label>
            <div className="relative">
              <span
                aria-hidden="true"
                className="pointer-events-none absolute top-1/2 left-4 -translate-y-1/2 text-2xl text-stone-400"
              >
                €
              </span>
              <input
                id="tendered"
                name="tendered"
                value={tendered}
                onChange={(e) => setTendered(e.target.value)}
                inputMode="decimal"
                autoComplete="off"
                autoFocus
                aria-invalid={tenderedErrors?.length ? true : undefined}
                aria-describedby="tendered-hint tendered-error"
                className={`${inputClass} h-16 pl-11 text-3xl font-semibold tabular-nums`}
              />
            </div>
            <p id="tendered-hint" className="mt-1 text-sm text-stone-500">
              {t('amountHint')}
            </p>
            <FieldError id="tendered-error" errors={tenderedErrors} />
          </div>

          <div role="group" aria-label={t('quick')} className="grid grid-cols-3 gap-2 sm:grid-cols-5">
            {quickAmounts(cash.roundedCents).map((cents, i) => (
              <button
                key={cents}
                type="button"
                onClick={() => setTendered(typed(cents, locale))}
                className="h-14 rounded-xl bg-stone-100 px-2 text-base font-semibold text-stone-800 ring-1 ring-stone-300 tabular-nums active:bg-stone-200"
              >
                {i === 0 ? t('exact') : money(cents)}
              </button>
            ))}
          </div>

          <div
            className={`rounded-xl px-4 py-3 text-2xl font-semibold tabular-nums ${
              changeCents === null
                ? 'bg-stone-50 text-stone-400'
                : changeCents < 0
                  ? 'bg-red-50 text-red-800'
                  : 'bg-brand-50 text-brand-800'
            }`}
          >
            {changeCents === null || changeCents >= 0
              ? t('change', { amount: money(Math.max(changeCents ?? 0, 0)) })
              : t('short', { amount: money(-changeCents) })}
          </div>

          <SubmitButton size="xl" className="w-full" pendingLabel={t('pending')}>
            {t('completeCash')}
          </SubmitButton>
        </form>
      )}

      {method === 'card_terminal' && (
        <form
          action={formAction}
          className="space-y-4 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-stone-200"
        >
          <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
          <input type="hidden" name="expectedTotalCents" value={saleTotalCents} />
          <input type="hidden" name="method" value="card_terminal" />
          {pointsField}
          <p className="text-lg text-stone-800">{t('cardHint', { amount: money(totalCents) })}</p>
          <SubmitButton size="xl" className="w-full" pendingLabel={t('pending')}>
            {t('confirmCard')}
          </SubmitButton>
        </form>
      )}
    </div>
  );
}
