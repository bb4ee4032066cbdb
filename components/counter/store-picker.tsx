'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FieldError, inputClass } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { chooseCounterStoreAction } from '@/lib/orders/counter-actions';

/** An admin has no store of their own: they pick the one whose stock, cart and pickups they use. */
export function StorePicker({ stores }: { stores: { id: number; name: string; city: string }[] }) {
  const t = useTranslations('counter.store');
  const [state, formAction] = useActionState(chooseCounterStoreAction, null);
  const errors = state && !state.ok ? state.fieldErrors?.storeId : undefined;
  return (
    <div className="mx-auto max-w-lg rounded-2xl bg-white p-6 shadow-sm ring-1 ring-stone-200">
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <p className="mt-2 text-stone-600">{t('body')}</p>
      <form action={formAction} className="mt-6 space-y-4" noValidate>
        <FormMessage state={state} />
        <div>
          <label htmlFor="counter-store" className="mb-1.5 block text-sm font-medium text-stone-700">
            {t('label')}
          </label>
          <select
            id="counter-store"
            name="storeId"
            required
            defaultValue=""
            aria-invalid={errors?.length ? true : undefined}
            aria-describedby="counter-store-error"
            className={`${inputClass} h-14 text-lg`}
          >
            <option value="" disabled>
              {t('placeholder')}
            </option>
            {stores.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          <FieldError id="counter-store-error" errors={errors} />
        </div>
        <SubmitButton size="xl" className="w-full">
          {t('submit')}
        </SubmitButton>
      </form>
    </div>
  );
}
