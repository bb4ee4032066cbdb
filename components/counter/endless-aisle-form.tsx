'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { FieldError, inputClass } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { placeEndlessAisleOrderAction } from '@/lib/endless-aisle/actions';
import type { Locale } from '@/lib/i18n/config';
import { formatMoney } from '@/lib/i18n/format';

export interface EndlessAisleFormProps {
  idempotencyKey: string;
  variantId: number;
  quantity: number;
  sourceLocationId: number;
  fulfilment: 'delivery' | 'pickup';
  totalCents: number;
  customer: { id: number; name: string; email: string | null; phone: string | null } | null;
}

/**
 * Who it is for (the attached customer, or a name with an email or phone), where it goes (delivery
 * address), and how it is paid now (card terminal or cash). One action places and pays the order;
 * the idempotency key rendered by the page makes a double tap one order.
 */
export function EndlessAisleForm(props: EndlessAisleFormProps) {
  const t = useTranslations('counter.endlessAisle.form');
  const locale = useLocale() as Locale;
  const [state, formAction] = useActionState(placeEndlessAisleOrderAction, null);
  const [method, setMethod] = useState<'card_terminal' | 'cash'>('card_terminal');
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  const field = (name: string, label: string, options: { type?: string; autoComplete?: string; defaultValue?: string | null; required?: boolean; inputMode?: 'decimal' | 'tel' | 'email' } = {}) => (
    <div>
      <label htmlFor={`ea-${name}`} className="mb-1.5 block text-sm font-medium text-stone-700">
        {label}
      </label>
      <input
        id={`ea-${name}`}
        name={name}
        type={options.type ?? 'text'}
        autoComplete={options.autoComplete ?? 'off'}
        inputMode={options.inputMode}
        required={options.required}
        defaultValue={values?.[name] ?? options.defaultValue ?? ''}
        aria-invalid={errors?.[name] ? true : undefined}
        aria-describedby={`ea-${name}-error`}
        className={`${inputClass} min-h-12`}
      />
      <FieldError id={`ea-${name}-error`} errors={errors?.[name]} />
    </div>
  );
  return (
    <form action={formAction} noValidate className="space-y-5">
      <input type="hidden" name="idempotencyKey" value={props.idempotencyKey} />
      <input type="hidden" name="variantId" value={props.variantId} />
      <input type="hidden" name="quantity" value={props.quantity} />
      <input type="hidden" name="sourceLocationId" value={props.sourceLocationId} />
      <input type="hidden" name="fulfilment" value={props.fulfilment} />
      <input type="hidden" name="expectedTotalCents" value={props.totalCents} />
      {props.customer && <input type="hidden" name="customerId" value={props.customer.id} />}

      <fieldset className="space-y-3">
        <legend className="text-base font-semibold text-stone-900">{t('customer')}</legend>
        {props.customer && <p className="text-sm text-stone-600">{t('attached', { name: props.customer.name })}</p>}
        {field('name', t('name'), { required: true, defaultValue: props.customer?.name })}
        <div className="grid gap-3 sm:grid-cols-2">
          {field('email', t('email'), { type: 'email', inputMode: 'email', defaultValue: props.customer?.email })}
          {field('phone', t('phone'), { type: 'tel', inputMode: 'tel', defaultValue: props.customer?.phone })}
        </div>
        <p className="text-sm text-stone-500">{t('contactHint')}</p>
      </fieldset>

      {props.fulfilment === 'delivery' && (
        <fieldset className="space-y-3">
          <legend className="text-base font-semibold text-stone-900">{t('address')}</legend>
          {field('street', t('street'), { required: true })}
          <div className="grid gap-3 sm:grid-cols-[10rem_1fr]">
            {field('postcode', t('postcode'), { required: true })}
            {field('city', t('city'), { required: true })}
          </div>
        </fieldset>
      )}

      <fieldset>
        <legend className="mb-2 text-base font-semibold text-stone-900">{t('payment')}</legend>
        <div className="flex gap-3">
          {(['card_terminal', 'cash'] as const).map((m) => (
            <label key={m} className="flex min-h-14 flex-1 cursor-pointer items-center justify-center gap-2 rounded-2xl bg-white text-lg font-semibold ring-2 ring-stone-300 has-checked:bg-brand-600 has-checked:text-white has-checked:ring-brand-600">
              <input type="radio" name="method" value={m} checked={method === m} onChange={() => setMethod(m)} className="sr-only" />
              {t(`methods.${m}`)}
            </label>
          ))}
        </div>
        {method === 'cash' && <div className="mt-3">{field('tendered', t('tendered'), { inputMode: 'decimal' })}</div>}
      </fieldset>

      <FormMessage state={state && !state.ok && state.formError ? state : null} />
      <SubmitButton size="xl" className="w-full" pendingLabel={t('pending')}>
        {method === 'cash' ? t('submitCash', { amount: formatMoney(props.totalCents, locale) }) : t('submitCard', { amount: formatMoney(props.totalCents, locale) })}
      </SubmitButton>
    </form>
  );
}
