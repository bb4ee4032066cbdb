'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Field, FieldError } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { continueOnTillAction, openTillAction, recordCashMovementAction } from '@/lib/till/actions';

const errorsOf = (state: Awaited<ReturnType<typeof openTillAction>> | null) => (state && !state.ok ? state.fieldErrors : undefined);
const typedOf = (state: Awaited<ReturnType<typeof openTillAction>> | null) => (state && !state.ok ? state.values : undefined);

/** Open a till on this tablet: a name from the store's usual tills (or typed) and the float counted in. */
export function TillOpenForm({ suggestions }: { suggestions: string[] }) {
  const t = useTranslations('counter.till');
  const [state, formAction] = useActionState(openTillAction, null);
  const errors = errorsOf(state);
  const typed = typedOf(state);
  return (
    <form action={formAction} noValidate className="space-y-4" key={JSON.stringify(typed ?? {})}>
      <Field
        label={t('tillName')}
        name="tillName"
        id="till-name"
        hint={t('tillNameHint')}
        list="till-name-suggestions"
        defaultValue={typed?.tillName ?? suggestions[0] ?? ''}
        autoComplete="off"
        errors={errors?.tillName}
        className="[&_input]:h-12"
      />
      <datalist id="till-name-suggestions">
        {suggestions.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <Field
        label={t('openingFloat')}
        name="openingFloat"
        id="till-float"
        inputMode="decimal"
        autoComplete="off"
        defaultValue={typed?.openingFloat ?? ''}
        errors={errors?.openingFloat}
        className="[&_input]:h-12"
      />
      <SubmitButton size="xl" className="w-full">
        {t('open')}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

/** "Continue on Till 1": this tablet takes over a till that is already open at this store. */
export function TillContinueButton({ sessionId, tillName }: { sessionId: number; tillName: string }) {
  const t = useTranslations('counter.till');
  const [state, formAction] = useActionState(continueOnTillAction, null);
  return (
    <form action={formAction}>
      <input type="hidden" name="sessionId" value={sessionId} />
      <SubmitButton variant="secondary" size="lg">
        {t('continue', { till: tillName })}
      </SubmitButton>
      <FormMessage state={state && !state.ok ? state : null} />
    </form>
  );
}

/** Cash put in or taken out, with the reason; the page refreshes the expected cash. */
export function TillMovementForm() {
  const t = useTranslations('counter.till');
  const [state, formAction] = useActionState(recordCashMovementAction, null);
  const errors = errorsOf(state);
  const typed = typedOf(state);
  return (
    <form action={formAction} noValidate className="space-y-4" key={state?.ok ? 'done' : JSON.stringify(typed ?? {})}>
      <fieldset>
        <legend className="mb-1.5 block text-sm font-medium text-stone-700">{t('kind')}</legend>
        <div className="grid grid-cols-2 gap-2">
          {(['cash_in', 'cash_out'] as const).map((kind) => (
            <label
              key={kind}
              className="flex min-h-12 items-center gap-3 rounded-lg px-3 ring-1 ring-stone-300 has-checked:bg-brand-50 has-checked:ring-2 has-checked:ring-brand-600"
            >
              <input type="radio" name="kind" value={kind} defaultChecked={(typed?.kind ?? 'cash_in') === kind} className="size-5" />
              {t(kind === 'cash_in' ? 'cashIn' : 'cashOut')}
            </label>
          ))}
        </div>
        <FieldError id="till-kind-error" errors={errors?.kind} />
      </fieldset>
      <Field
        label={t('amount')}
        name="amount"
        id="till-amount"
        inputMode="decimal"
        autoComplete="off"
        defaultValue={typed?.amount ?? ''}
        errors={errors?.amount}
        className="[&_input]:h-12"
      />
      <Field
        label={t('reason')}
        name="reason"
        id="till-reason"
        hint={t('reasonHint')}
        autoComplete="off"
        maxLength={200}
        defaultValue={typed?.reason ?? ''}
        errors={errors?.reason}
        className="[&_input]:h-12"
      />
      <SubmitButton size="lg" variant="secondary" className="w-full">
        {t('record')}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
