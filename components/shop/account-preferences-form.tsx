'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FieldError, inputClass } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { updatePreferencesAction } from '@/lib/identity/account-actions';

export interface PreferenceValues {
  notifyByEmail: boolean;
  notifyBySms: boolean;
  marketingOptIn: boolean;
  preferredLocationId: number | null;
  locale: 'nl' | 'en';
  hasPhone: boolean;
}

function Check({ name, label, defaultChecked, hint }: { name: string; label: string; defaultChecked: boolean; hint?: string }) {
  return (
    <label className="flex min-h-11 items-start gap-3">
      <input type="checkbox" name={name} defaultChecked={defaultChecked} className="mt-1 size-5 accent-brand-600" />
      <span>
        <span className="font-medium">{label}</span>
        {hint && <span className="block text-sm text-stone-600">{hint}</span>}
      </span>
    </label>
  );
}

/** How we reach the customer, their store (default pickup store, first in stock lists), language, consent. */
export function AccountPreferencesForm({ values, stores }: { values: PreferenceValues; stores: { id: number; name: string }[] }) {
  const t = useTranslations('shop.accountEdit');
  const [state, formAction] = useActionState(updatePreferencesAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={formAction} noValidate className="space-y-4">
      <fieldset className="space-y-1">
        <legend className="mb-1 font-medium">{t('channels')}</legend>
        <Check name="notifyByEmail" label={t('notifyByEmail')} defaultChecked={values.notifyByEmail} />
        <Check name="notifyBySms" label={t('notifyBySms')} defaultChecked={values.notifyBySms} hint={values.hasPhone ? undefined : t('smsNeedsPhone')} />
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="pref-store" className="mb-1.5 block text-sm font-medium text-stone-700">
            {t('preferredStore')}
          </label>
          <select
            id="pref-store"
            name="preferredLocationId"
            defaultValue={values.preferredLocationId ?? ''}
            aria-describedby="pref-store-hint pref-store-error"
            className={inputClass}
          >
            <option value="">{t('noStore')}</option>
            {stores.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          <p id="pref-store-hint" className="mt-1 text-sm text-stone-500">
            {t('preferredStoreHint')}
          </p>
          <FieldError id="pref-store-error" errors={errors?.preferredLocationId} />
        </div>
        <div>
          <label htmlFor="pref-locale" className="mb-1.5 block text-sm font-medium text-stone-700">
            {t('language')}
          </label>
          <select id="pref-locale" name="locale" defaultValue={values.locale} aria-describedby="pref-locale-error" className={inputClass}>
            <option value="nl">Nederlands</option>
            <option value="en">English</option>
          </select>
          <FieldError id="pref-locale-error" errors={errors?.locale} />
        </div>
      </div>
      <Check name="marketingOptIn" label={t('marketing')} defaultChecked={values.marketingOptIn} hint={t('marketingHint')} />
      <FormMessage state={state} />
      <SubmitButton>{t('savePreferences')}</SubmitButton>
    </form>
  );
}
