'use client';

import { useTranslations } from 'next-intl';
import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FieldError, inputClass } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { Spinner } from '@/components/ui/spinner';
import type { ActionState } from '@/lib/actions/action-state';

export interface ReturnFormLine {
  orderLineId: number;
  productName: string;
  /** Variant and SKU, already translated. */
  detail: string;
  returnableQuantity: number;
  /** "€ 44,96 each", formatted on the server. */
  unitPaid: string;
}

type FormAction = (prev: ActionState | null, data: FormData) => Promise<ActionState>;

/**
 * The online return: per line how many units and why, then by post or in a store. The action checks
 * everything again (who may return, the window, never more than bought) and opens the label page.
 * Submitted by hand so a refused request keeps what was chosen.
 */
export function ReturnRequestForm({
  action,
  orderId,
  idempotencyKey,
  lines,
  reasons,
  extraField,
  submitLabel,
}: {
  action: FormAction;
  orderId: string;
  idempotencyKey: string;
  lines: ReturnFormLine[];
  reasons: { value: string; label: string }[];
  /** The admin's window override reason (admin only). */
  extraField?: { name: string; label: string; hint: string };
  submitLabel?: string;
}) {
  const t = useTranslations('shop.returns');
  const [state, formAction, pending] = useActionState<ActionState | null, FormData>(action, null);
  const [method, setMethod] = useState<'post' | 'store'>('post');
  const formRef = useRef<HTMLFormElement>(null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};

  useEffect(() => {
    if (state && !state.ok) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  }

  const lineError = errors.quantity ?? errors.reason ?? errors.orderLineId;
  return (
    <form ref={formRef} onSubmit={submit} noValidate className="space-y-6">
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <fieldset className="space-y-3" aria-describedby="return-lines-error">
        <legend className="text-lg font-semibold">{t('whichItems')}</legend>
        <ul className="divide-y divide-stone-100 rounded-2xl bg-white ring-1 ring-stone-200">
          {lines.map((line) => (
            <li key={line.orderLineId} className="grid gap-3 p-4 sm:grid-cols-[1fr_8rem_14rem] sm:items-end">
              <input type="hidden" name="orderLineId" value={line.orderLineId} />
              <div className="min-w-0 text-sm">
                <p className="font-medium">{line.productName}</p>
                <p className="text-stone-600">{line.detail}</p>
                <p className="text-stone-600">{t('paidEach', { price: line.unitPaid, count: line.returnableQuantity })}</p>
              </div>
              <div>
                <label htmlFor={`qty-${line.orderLineId}`} className="mb-1 block text-sm font-medium text-stone-700">
                  <span className="sr-only">{line.productName}: </span>
                  {t('quantity')}
                </label>
                <select
                  id={`qty-${line.orderLineId}`}
                  name="quantity"
                  defaultValue="0"
                  aria-invalid={errors.quantity ? true : undefined}
                  className={`${inputClass} min-h-11`}
                >
                  {Array.from({ length: line.returnableQuantity + 1 }, (_, n) => (
                    <option key={n} value={n}>
                      {n}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <label htmlFor={`reason-${line.orderLineId}`} className="mb-1 block text-sm font-medium text-stone-700">
                  <span className="sr-only">{line.productName}: </span>
                  {t('reason')}
                </label>
                <select
                  id={`reason-${line.orderLineId}`}
                  name="reason"
                  defaultValue=""
                  aria-invalid={errors.reason ? true : undefined}
                  className={`${inputClass} min-h-11`}
                >
                  <option value="">{t('chooseReason')}</option>
                  {reasons.map((r) => (
                    <option key={r.value} value={r.value}>
                      {r.label}
                    </option>
                  ))}
                </select>
              </div>
            </li>
          ))}
        </ul>
        <FieldError id="return-lines-error" errors={lineError} />
      </fieldset>

      <fieldset className="space-y-3">
        <legend className="text-lg font-semibold">{t('how')}</legend>
        <div className="grid gap-3 sm:grid-cols-2">
          {(['post', 'store'] as const).map((m) => (
            <label
              key={m}
              className={`flex min-h-11 cursor-pointer gap-3 rounded-2xl bg-white p-4 ring-1 ${method === m ? 'ring-2 ring-brand-600' : 'ring-stone-200'}`}
            >
              <input
                type="radio"
                name="method"
                value={m}
                checked={method === m}
                onChange={() => setMethod(m)}
                className="mt-1 size-5 text-brand-600 focus:ring-brand-600"
              />
              <span className="text-sm">
                <span className="block font-medium text-stone-900">{t(`methods.${m}`)}</span>
                <span className="block text-stone-600">{t(`methodHints.${m}`)}</span>
              </span>
            </label>
          ))}
        </div>
        <FieldError id="return-method-error" errors={errors.method} />
      </fieldset>

      {extraField && (
        <div>
          <label htmlFor={`return-${extraField.name}`} className="mb-1.5 block text-sm font-medium text-stone-700">
            {extraField.label}
          </label>
          <textarea
            id={`return-${extraField.name}`}
            name={extraField.name}
            rows={2}
            maxLength={500}
            aria-describedby={`return-${extraField.name}-hint return-${extraField.name}-error`}
            aria-invalid={errors[extraField.name] ? true : undefined}
            className={inputClass}
          />
          <p id={`return-${extraField.name}-hint`} className="mt-1 text-sm text-stone-500">
            {extraField.hint}
          </p>
          <FieldError id={`return-${extraField.name}-error`} errors={errors[extraField.name]} />
        </div>
      )}

      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" size="lg" disabled={pending} aria-disabled={pending}>
          {pending && <Spinner />}
          {submitLabel ?? t('submit')}
        </Button>
        <div className="min-w-0 flex-1">
          <FormMessage state={state} />
        </div>
      </div>
    </form>
  );
}
