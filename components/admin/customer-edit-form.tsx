'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Card } from '@/components/ui/card';
import { Field, FieldError, inputClass } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions/action-state';
import { updateCustomerAction } from '@/lib/customers/actions';
import type { CustomerProfileDto } from '@/lib/customers/queries';

/** The admin's edit of a profile: name, email, phone and preferences (validated and audited on the server). */
export function CustomerEditForm({
  profile,
  stores,
}: {
  profile: CustomerProfileDto;
  stores: { id: number; name: string }[];
}) {
  const t = useTranslations('customers.edit');
  const [state, formAction] = useActionState<ActionState | null, FormData>(updateCustomerAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const v = state && !state.ok ? state.values : undefined;
  const checkbox = (name: 'notifyByEmail' | 'notifyBySms' | 'marketingOptIn') => (
    <label className="flex min-h-11 items-center gap-3 text-sm text-stone-800">
      <input
        type="checkbox"
        name={name}
        defaultChecked={v ? v[name] === 'on' : profile[name]}
        className="size-5 rounded border-stone-300 text-brand-600"
      />
      {t(name)}
    </label>
  );
  return (
    <Card>
      <h2 className="mb-3 text-base font-semibold text-stone-900">{t('title')}</h2>
      <form action={formAction} noValidate className="space-y-4">
        <FormMessage state={state} />
        <input type="hidden" name="customerId" value={profile.id} />
        <Field
          label={t('name')}
          name="name"
          id="edit-name"
          defaultValue={v?.name ?? profile.name}
          maxLength={120}
          required
          errors={errors?.name}
        />
        <Field
          label={t('email')}
          name="email"
          id="edit-email"
          type="email"
          defaultValue={v?.email ?? profile.email ?? ''}
          errors={errors?.email}
        />
        <Field
          label={t('phone')}
          name="phone"
          id="edit-phone"
          type="tel"
          defaultValue={v?.phone ?? profile.phone ?? ''}
          errors={errors?.phone}
        />
        <div>
          <label htmlFor="edit-store" className="mb-1.5 block text-sm font-medium text-stone-700">
            {t('preferredStore')}
          </label>
          <select
            id="edit-store"
            name="preferredLocationId"
            defaultValue={v?.preferredLocationId ?? String(profile.preferredLocationId ?? '')}
            className={inputClass}
            aria-describedby="edit-store-error"
          >
            <option value="">{t('noStore')}</option>
            {stores.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          <FieldError id="edit-store-error" errors={errors?.preferredLocationId} />
        </div>
        <div>
          <label htmlFor="edit-locale" className="mb-1.5 block text-sm font-medium text-stone-700">
            {t('locale')}
          </label>
          <select
            id="edit-locale"
            name="locale"
            defaultValue={v?.locale ?? profile.locale ?? ''}
            className={inputClass}
            aria-describedby="edit-locale-error"
          >
            <option value="">{t('localeNone')}</option>
            <option value="nl">{t('localeNl')}</option>
            <option value="en">{t('localeEn')}</option>
          </select>
          <FieldError id="edit-locale-error" errors={errors?.locale} />
        </div>
        <div className="space-y-1">
          {checkbox('notifyByEmail')}
          {checkbox('notifyBySms')}
          {checkbox('marketingOptIn')}
        </div>
        <SubmitButton pendingLabel={t('saving')}>{t('save')}</SubmitButton>
      </form>
    </Card>
  );
}
