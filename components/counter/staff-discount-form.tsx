'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState, useTransition } from 'react';
import { FieldError, inputClass } from '@/components/ui/field';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions/action-state';
import { giveStaffDiscountAction, removeStaffDiscountAction } from '@/lib/staff-discounts/actions';

export interface StaffDiscountTarget {
  /** null = the whole sale. */
  variantId: number | null;
  name: string;
}

/**
 * "Give a discount": on one line or the whole sale, a percentage or an amount, with a reason. The
 * clerk's maximum is shown; the server checks it again (lib/staff-discounts) and priceCart prices it.
 */
export function StaffDiscountForm({
  lines,
  given,
  maxPercent,
}: {
  lines: StaffDiscountTarget[];
  /** The staff discounts on the cart now, each with a remove button. */
  given: StaffDiscountTarget[];
  maxPercent: number;
}) {
  const t = useTranslations('counter.staffDiscount');
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<'percentage' | 'fixed_amount'>('percentage');
  const [state, formAction] = useActionState<ActionState | null, FormData>(giveStaffDiscountAction, null);
  const [removing, startRemove] = useTransition();
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const formError = state && !state.ok ? state.formError : undefined;

  return (
    <div className="space-y-2">
      {given.length > 0 && (
        <ul aria-label={t('title')} className="flex flex-wrap gap-2">
          {given.map((g) => (
            <li key={g.variantId ?? 'cart'}>
              <button
                type="button"
                disabled={removing}
                onClick={() => startRemove(async () => void (await removeStaffDiscountAction({ variantId: g.variantId ?? '' })))}
                aria-label={g.variantId === null ? t('removeCart') : t('remove', { name: g.name })}
                className="inline-flex min-h-11 items-center gap-2 rounded-full bg-orange-50 px-4 text-sm font-medium text-orange-900 ring-1 ring-orange-200 active:bg-orange-100 disabled:opacity-50"
              >
                {t('title')}: {g.name}
                <svg viewBox="0 0 24 24" aria-hidden="true" className="size-4">
                  <path d="M6 6l12 12M18 6L6 18" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" />
                </svg>
              </button>
            </li>
          ))}
        </ul>
      )}
      {!open ? (
        <button
          type="button"
          onClick={() => setOpen(true)}
          aria-expanded={false}
          className="min-h-11 text-sm font-semibold text-brand-700 underline-offset-2 hover:underline"
        >
          {t('open')}
        </button>
      ) : (
        <form action={formAction} noValidate aria-label={t('title')} className="space-y-3 rounded-xl bg-white p-3 ring-1 ring-stone-200">
          <div className="flex items-baseline justify-between gap-2">
            <p className="font-semibold text-stone-900">{t('title')}</p>
            <p className="text-sm text-stone-600">{t('max', { max: maxPercent })}</p>
          </div>
          <div>
            <label htmlFor="staff-discount-on" className="mb-1 block text-sm font-medium text-stone-700">
              {t('on')}
            </label>
            <select id="staff-discount-on" name="variantId" className={`${inputClass} h-12`} defaultValue="">
              <option value="">{t('wholeSale')}</option>
              {lines.map((l) => (
                <option key={l.variantId} value={l.variantId ?? ''}>
                  {l.name}
                </option>
              ))}
            </select>
          </div>
          <fieldset>
            <legend className="mb-1 block text-sm font-medium text-stone-700">{t('kind')}</legend>
            <div className="flex flex-wrap gap-2">
              {(['percentage', 'fixed_amount'] as const).map((k) => (
                <label
                  key={k}
                  className="flex min-h-12 cursor-pointer items-center gap-2 rounded-lg px-3 text-sm ring-1 ring-stone-300 has-checked:bg-brand-50 has-checked:ring-2 has-checked:ring-brand-600"
                >
                  <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} className="size-5 accent-brand-600" />
                  {t(k === 'percentage' ? 'percentage' : 'amount')}
                </label>
              ))}
            </div>
          </fieldset>
          <div>
            <label htmlFor="staff-discount-value" className="mb-1 block text-sm font-medium text-stone-700">
              {t('value')} ({kind === 'percentage' ? '%' : '€'})
            </label>
            <input
              id="staff-discount-value"
              name="value"
              inputMode={kind === 'percentage' ? 'numeric' : 'decimal'}
              autoComplete="off"
              aria-invalid={errors?.value ? true : undefined}
              aria-describedby="staff-discount-value-error"
              className={`${inputClass} h-12 tabular-nums`}
            />
            <FieldError id="staff-discount-value-error" errors={errors?.value} />
          </div>
          <div>
            <label htmlFor="staff-discount-reason" className="mb-1 block text-sm font-medium text-stone-700">
              {t('reason')}
            </label>
            <input
              id="staff-discount-reason"
              name="reason"
              maxLength={200}
              autoComplete="off"
              aria-invalid={errors?.reason ? true : undefined}
              aria-describedby="staff-discount-reason-hint staff-discount-reason-error"
              className={`${inputClass} h-12`}
            />
            <p id="staff-discount-reason-hint" className="mt-1 text-xs text-stone-500">
              {t('reasonHint')}
            </p>
            <FieldError id="staff-discount-reason-error" errors={errors?.reason} />
          </div>
          <div role="status" aria-live="polite" className="text-sm empty:hidden">
            {formError ? <p className="text-red-700">{formError}</p> : state?.ok ? <p className="text-brand-800">{state.message}</p> : null}
          </div>
          <div className="flex gap-2">
            <SubmitButton size="lg" className="flex-1">
              {t('apply')}
            </SubmitButton>
            <button
              type="button"
              onClick={() => setOpen(false)}
              className="min-h-12 rounded-lg px-4 text-sm font-medium text-stone-700 ring-1 ring-stone-300"
            >
              {t('cancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
