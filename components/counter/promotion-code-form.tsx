'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useTransition } from 'react';
import { inputClass } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import { applyCounterCodeAction, removeCounterCodeAction } from '@/lib/carts/counter-actions';

/** A code handed out online works here too: the cart is priced by the same promotions. */
export function PromotionCodeForm({ codes }: { codes: string[] }) {
  const t = useTranslations('counter.cart');
  const [state, formAction] = useActionState(applyCounterCodeAction, null);
  const [removing, startRemove] = useTransition();
  const error = state && !state.ok ? (state.fieldErrors?.code?.[0] ?? state.formError) : undefined;
  const typed = state && !state.ok ? state.values?.code : undefined;
  return (
    <div className="space-y-2">
      <form action={formAction} noValidate>
        <label htmlFor="counter-code" className="mb-1 block text-sm font-medium text-stone-700">
          {t('codeLabel')}
        </label>
        <div className="flex gap-2">
          <input
            id="counter-code"
            name="code"
            defaultValue={typed}
            key={typed}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            aria-invalid={error ? true : undefined}
            aria-describedby="counter-code-error"
            className={`${inputClass} h-12 uppercase placeholder:normal-case`}
          />
          <SubmitButton variant="secondary" size="lg">
            {t('apply')}
          </SubmitButton>
        </div>
        <div id="counter-code-error" role="status" aria-live="polite" className="text-sm empty:hidden">
          {error ? (
            <p className="mt-1 text-red-700">{error}</p>
          ) : state?.ok ? (
            <p className="mt-1 text-brand-800">{state.message}</p>
          ) : null}
        </div>
      </form>
      {codes.length > 0 && (
        <ul aria-label={t('codes')} className="flex flex-wrap gap-2">
          {codes.map((code) => (
            <li
              key={code}
              className="inline-flex items-center gap-1 rounded-full bg-orange-100 pl-4 text-sm font-semibold text-orange-900"
            >
              {code}
              <button
                type="button"
                disabled={removing}
                onClick={() => startRemove(async () => void (await removeCounterCodeAction({ code })))}
                aria-label={t('removeCode', { code })}
                className="inline-flex size-12 items-center justify-center rounded-full active:bg-orange-200 disabled:opacity-50"
              >
                <svg viewBox="0 0 24 24" aria-hidden="true" className="size-4">
                  <path
                    d="M6 6l12 12M18 6L6 18"
                    stroke="currentColor"
                    strokeWidth="2.5"
                    strokeLinecap="round"
                  />
                </svg>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
