'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { inputClass } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import type { Locale } from '@/lib/i18n/config';
import { formatMoney } from '@/lib/i18n/format';
import { counterExchangeAction, counterReturnAction } from '@/lib/returns/counter-actions';
import type { ExchangeOptionDto } from '@/lib/returns/counter-queries';
import { COUNTER_RETURN_REASONS } from '@/lib/returns/counter-schemas';
import type { ReturnableLineDto } from '@/lib/returns/types';
import { snapshotVariantText, variantText } from '../item-label';
import { RefundChoice } from './refund-choice';

type Mode = 'refund' | 'exchange';

/**
 * The counter's return: per line how many come back, why and in what state; then either a refund (to
 * the original payment, cash, card or store credit) or an exchange (another size/colour of the same
 * product at no charge, or another item priced now). Amounts here are a preview: the server computes
 * what is refunded or due.
 */
export function ReturnForm({
  orderId,
  lines,
  options,
  hasCustomer,
  originalMethods,
  keys,
}: {
  orderId: string;
  lines: ReturnableLineDto[];
  /** Variants of the returned products, with this store's stock. */
  options: ExchangeOptionDto[];
  hasCustomer: boolean;
  originalMethods: string[];
  keys: { refund: string; exchange: string };
}) {
  const t = useTranslations('counter.returns');
  const colors = useTranslations('shop.colors');
  const locale = useLocale() as Locale;
  const money = (c: number) => formatMoney(c, locale);
  const [mode, setMode] = useState<Mode>('refund');
  const [qty, setQty] = useState<Record<number, number>>(() =>
    Object.fromEntries(lines.map((l) => [l.orderLineId, lines.length === 1 && l.returnableQuantity === 1 ? 1 : 0])),
  );
  // The radios of a row form a group of their own; the row's choice goes with its other fields as `condition`.
  const [cond, setCond] = useState<Record<number, 'resellable' | 'damaged'>>({});
  const [refundState, refundAction] = useActionState(counterReturnAction, null);
  const [exchangeState, exchangeAction] = useActionState(counterExchangeAction, null);
  const state = mode === 'refund' ? refundState : exchangeState;
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const chosen = lines.filter((l) => (qty[l.orderLineId] ?? 0) > 0);
  const valueCents = chosen.reduce((s, l) => s + l.unitPaidCents * (qty[l.orderLineId] ?? 0), 0);

  const setLineQty = (line: ReturnableLineDto, n: number) =>
    setQty((q) => ({ ...q, [line.orderLineId]: Math.max(0, Math.min(line.returnableQuantity, n)) }));

  const fieldError = (name: string) =>
    errors?.[name]?.length ? (
      <p className="text-base font-medium text-red-700" role="alert">
        {errors[name].join(' ')}
      </p>
    ) : null;

  return (
    <form action={mode === 'refund' ? refundAction : exchangeAction} noValidate className="space-y-4">
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="idempotencyKey" value={mode === 'refund' ? keys.refund : keys.exchange} />

      <div role="group" aria-label={t('modeLabel')} className="grid grid-cols-2 gap-3">
        {(['refund', 'exchange'] as const).map((m) => (
          <button
            key={m}
            type="button"
            aria-pressed={mode === m}
            onClick={() => setMode(m)}
            className="h-16 rounded-2xl bg-white text-lg font-semibold text-stone-800 ring-2 ring-stone-300 aria-pressed:bg-brand-600 aria-pressed:text-white aria-pressed:ring-brand-600"
          >
            {t(`mode.${m}`)}
          </button>
        ))}
      </div>

      <section aria-labelledby="return-lines" className="space-y-3">
        <h2 id="return-lines" className="text-lg font-semibold">
          {t('whatComesBack')}
        </h2>
        {fieldError('quantity')}
        {fieldError('reason')}
        {fieldError('orderLineId')}
        <ul className="space-y-3">
          {lines.map((line) => {
            const n = qty[line.orderLineId] ?? 0;
            const variant = line.variantLabel ? snapshotVariantText(colors, line.variantLabel) : '';
            const name = `${line.productName}${variant ? ` (${variant})` : ''}`;
            const others = options.filter((o) => o.productId === line.productId && o.variantId !== line.variantId);
            const base = `line-${line.orderLineId}`;
            return (
              <li key={line.orderLineId} className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-stone-200">
                <input type="hidden" name="orderLineId" value={line.orderLineId} />
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <div className="min-w-0">
                    <p className="text-lg font-semibold">{line.productName}</p>
                    <p className="text-stone-600">{[variant, line.sku].filter(Boolean).join(' · ')}</p>
                    <p className="text-sm text-stone-600">
                      {t('lineFacts', { bought: line.quantity, returned: line.returnedQuantity, price: money(line.unitPaidCents) })}
                    </p>
                  </div>
                  {line.returnableQuantity > 0 ? (
                    <div className="flex items-center gap-2">
                      <button
                        type="button"
                        onClick={() => setLineQty(line, n - 1)}
                        disabled={n === 0}
                        aria-label={t('fewer', { name })}
                        className="size-12 rounded-xl bg-stone-100 text-2xl font-semibold ring-1 ring-stone-300 disabled:opacity-40"
                      >
                        −
                      </button>
                      <label htmlFor={`${base}-qty`} className="sr-only">
                        {t('quantityFor', { name })}
                      </label>
                      <input
                        id={`${base}-qty`}
                        name="quantity"
                        inputMode="numeric"
                        value={n}
                        onChange={(e) => setLineQty(line, Number(e.target.value.replace(/\D/g, '') || 0))}
                        className={`${inputClass} h-12 w-16! text-center text-lg tabular-nums`}
                      />
                      <button
                        type="button"
                        onClick={() => setLineQty(line, n + 1)}
                        disabled={n >= line.returnableQuantity}
                        aria-label={t('more', { name })}
                        className="size-12 rounded-xl bg-stone-100 text-2xl font-semibold ring-1 ring-stone-300 disabled:opacity-40"
                      >
                        +
                      </button>
                    </div>
                  ) : (
                    <>
                      <input type="hidden" name="quantity" value="0" />
                      <p className="rounded-lg bg-stone-100 px-3 py-2 text-stone-600">{t('nothingLeft')}</p>
                    </>
                  )}
                </div>

                {/* Every row sends its fields so the lists stay aligned; a quantity 0 skips the row. */}
                <div hidden={n === 0} className="mt-4 grid gap-3 sm:grid-cols-2">
                  <div>
                    <label htmlFor={`${base}-reason`} className="mb-1.5 block text-base font-semibold text-stone-800">
                      {t('reasonFor', { name })}
                    </label>
                    <select id={`${base}-reason`} name="reason" defaultValue="" className={`${inputClass} h-12`}>
                      <option value="">{t('chooseReason')}</option>
                      {COUNTER_RETURN_REASONS.map((r) => (
                        <option key={r} value={r}>
                          {t(`reasons.${r}`)}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div>
                    <label htmlFor={`${base}-note`} className="mb-1.5 block text-base font-semibold text-stone-800">
                      {t('noteFor', { name })}
                    </label>
                    <input id={`${base}-note`} name="reasonNote" maxLength={300} className={`${inputClass} h-12`} />
                  </div>
                  <fieldset className="sm:col-span-2">
                    <legend className="mb-1.5 text-base font-semibold text-stone-800">{t('conditionFor', { name })}</legend>
                    <div className="flex flex-wrap gap-3">
                      {(['resellable', 'damaged'] as const).map((c) => (
                        <label key={c} className="flex min-h-12 items-center gap-2 rounded-xl bg-stone-50 px-4 ring-1 ring-stone-300 has-checked:bg-brand-50 has-checked:ring-brand-600">
                          <input
                            type="radio"
                            name={`${base}-condition`}
                            // Not sent: the row's choice goes as the hidden `condition` field below.
                            form="counter-return-none"
                            value={c}
                            checked={(cond[line.orderLineId] ?? 'resellable') === c}
                            onChange={() => setCond((m) => ({ ...m, [line.orderLineId]: c }))}
                            className="size-5"
                          />
                          {t(`conditions.${c}`)}
                        </label>
                      ))}
                    </div>
                  </fieldset>
                  {mode === 'exchange' && (
                    <div className="grid gap-3 sm:col-span-2 sm:grid-cols-2">
                      <div>
                        <label htmlFor={`${base}-replacement`} className="mb-1.5 block text-base font-semibold text-stone-800">
                          {t('replacementFor', { name })}
                        </label>
                        <select id={`${base}-replacement`} name="replacementVariantId" defaultValue="" className={`${inputClass} h-12`}>
                          <option value="">{t('chooseReplacement')}</option>
                          {others.map((o) => (
                            <option key={o.variantId} value={o.variantId} disabled={o.available < n}>
                              {t('replacementOption', { variant: variantText(colors, o) || o.sku, available: o.available })}
                            </option>
                          ))}
                        </select>
                        <p className="mt-1 text-sm text-stone-600">{t('sameProductFree')}</p>
                      </div>
                      <div>
                        <label htmlFor={`${base}-code`} className="mb-1.5 block text-base font-semibold text-stone-800">
                          {t('otherItemFor', { name })}
                        </label>
                        <input id={`${base}-code`} name="replacementCode" autoComplete="off" spellCheck={false} className={`${inputClass} h-12`} />
                        <p className="mt-1 text-sm text-stone-600">{t('otherItemHint')}</p>
                      </div>
                    </div>
                  )}
                </div>
                <input type="hidden" name="condition" value={cond[line.orderLineId] ?? 'resellable'} />
              </li>
            );
          })}
        </ul>
        {mode === 'exchange' && fieldError('replacementVariantId')}
        {mode === 'exchange' && fieldError('replacementCode')}
      </section>

      <RefundChoice
        legend={mode === 'refund' ? t('refundTo') : t('differenceTo')}
        hasCustomer={hasCustomer}
        originalMethods={originalMethods}
        errors={errors?.to}
      />

      <FormMessage state={state && !state.ok && state.formError ? state : null} />

      <div className="flex flex-wrap items-center justify-between gap-3 rounded-2xl bg-stone-900 px-5 py-4 text-white">
        <p>
          <span className="block text-sm text-stone-300">{mode === 'refund' ? t('valueBack') : t('valueExchanged')}</span>
          <span className="text-3xl font-semibold tabular-nums">{money(valueCents)}</span>
        </p>
        <SubmitButton size="xl" disabled={chosen.length === 0} pendingLabel={t('working')}>
          {mode === 'refund' ? t('submitRefund') : t('submitExchange')}
        </SubmitButton>
      </div>
    </form>
  );
}
