'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { inputClass } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { payExchangeDifferenceAction, receiveCounterReturnAction, refundCounterReturnAction } from '@/lib/returns/counter-actions';
import { RefundChoice } from './refund-choice';

/** An RMA started online ("in a store"): the clerk checks each item's condition, then refunds. */
export function ReceiveReturnForm({
  returnId,
  idempotencyKey,
  lines,
  hasCustomer,
  originalMethods,
}: {
  returnId: string;
  idempotencyKey: string;
  lines: { id: number; name: string }[];
  hasCustomer: boolean;
  originalMethods: string[];
}) {
  const t = useTranslations('counter.returns');
  const [state, formAction] = useActionState(receiveCounterReturnAction, null);
  const [cond, setCond] = useState<Record<number, string>>({});
  return (
    <form action={formAction} noValidate className="space-y-4">
      <input type="hidden" name="returnId" value={returnId} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <ul className="space-y-3">
        {lines.map((l) => (
          <li key={l.id} className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-stone-200">
            <input type="hidden" name="returnLineId" value={l.id} />
            <input type="hidden" name="condition" value={cond[l.id] ?? 'resellable'} />
            <fieldset>
              <legend className="mb-2 text-base font-semibold">{t('conditionFor', { name: l.name })}</legend>
              <div className="flex flex-wrap gap-3">
                {(['resellable', 'damaged'] as const).map((c) => (
                  <label key={c} className="flex min-h-12 items-center gap-2 rounded-xl bg-stone-50 px-4 ring-1 ring-stone-300 has-checked:bg-brand-50 has-checked:ring-brand-600">
                    <input
                      type="radio"
                      name={`receive-${l.id}`}
                      form="counter-return-none"
                      value={c}
                      checked={(cond[l.id] ?? 'resellable') === c}
                      onChange={() => setCond((m) => ({ ...m, [l.id]: c }))}
                      className="size-5"
                    />
                    {t(`conditions.${c}`)}
                  </label>
                ))}
              </div>
            </fieldset>
          </li>
        ))}
      </ul>
      <RefundChoice legend={t('refundTo')} hasCustomer={hasCustomer} originalMethods={originalMethods} errors={state && !state.ok ? state.fieldErrors?.to : undefined} />
      <FormMessage state={state && !state.ok && state.formError ? state : null} />
      <SubmitButton size="xl" className="w-full" pendingLabel={t('working')}>
        {t('submitReceive')}
      </SubmitButton>
    </form>
  );
}

/** A received return without its refund yet (or whose refund failed): choose where the money goes. */
export function RefundReturnForm({
  returnId,
  idempotencyKey,
  hasCustomer,
  originalMethods,
}: {
  returnId: string;
  idempotencyKey: string;
  hasCustomer: boolean;
  originalMethods: string[];
}) {
  const t = useTranslations('counter.returns');
  const [state, formAction] = useActionState(refundCounterReturnAction, null);
  return (
    <form action={formAction} noValidate className="space-y-4">
      <input type="hidden" name="returnId" value={returnId} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <RefundChoice legend={t('refundTo')} hasCustomer={hasCustomer} originalMethods={originalMethods} errors={state && !state.ok ? state.fieldErrors?.to : undefined} />
      <FormMessage state={state && !state.ok && state.formError ? state : null} />
      <SubmitButton size="xl" className="w-full" pendingLabel={t('working')}>
        {t('submitRefundOnly')}
      </SubmitButton>
    </form>
  );
}

/** The difference of an exchange for a dearer item: card, or cash with what was handed over. */
export function PayDifferenceForm({ returnId, idempotencyKey, amount }: { returnId: string; idempotencyKey: string; amount: string }) {
  const t = useTranslations('counter.returns');
  const [state, formAction] = useActionState(payExchangeDifferenceAction, null);
  const [method, setMethod] = useState<'card_terminal' | 'cash'>('card_terminal');
  const tenderedErrors = state && !state.ok ? state.fieldErrors?.tendered : undefined;
  return (
    <form action={formAction} noValidate className="space-y-4 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-stone-200">
      <input type="hidden" name="returnId" value={returnId} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <input type="hidden" name="method" value={method} />
      <p className="text-xl font-semibold">{t('toPay', { amount })}</p>
      <div role="group" aria-label={t('payMethod')} className="grid grid-cols-2 gap-3">
        {(['card_terminal', 'cash'] as const).map((m) => (
          <button
            key={m}
            type="button"
            aria-pressed={method === m}
            onClick={() => setMethod(m)}
            className="h-16 rounded-2xl bg-white text-lg font-semibold ring-2 ring-stone-300 aria-pressed:bg-brand-600 aria-pressed:text-white aria-pressed:ring-brand-600"
          >
            {t(`pay.${m}`)}
          </button>
        ))}
      </div>
      {method === 'cash' && (
        <div>
          <label htmlFor="exchange-tendered" className="mb-1.5 block text-base font-semibold">
            {t('tendered')}
          </label>
          <input id="exchange-tendered" name="tendered" inputMode="decimal" aria-invalid={tenderedErrors ? true : undefined} className={`${inputClass} h-14 text-xl`} />
          {tenderedErrors && <p className="mt-1 text-red-700">{tenderedErrors.join(' ')}</p>}
        </div>
      )}
      <FormMessage state={state && !state.ok && state.formError ? state : null} />
      <SubmitButton size="xl" className="w-full" pendingLabel={t('working')}>
        {method === 'cash' ? t('confirmCash') : t('confirmCard')}
      </SubmitButton>
    </form>
  );
}
