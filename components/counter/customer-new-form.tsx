'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions/action-state';
import { createCounterCustomerAction } from '@/lib/customers/counter-actions';

/** "New customer": name + email and/or phone. A known email or phone offers that profile instead. */
export function CustomerNewForm({ initial }: { initial: { name?: string; email?: string; phone?: string } }) {
  const t = useTranslations('customers.counter');
  const [state, formAction] = useActionState<
    ActionState<{ existingId?: number; existingName?: string }> | null,
    FormData
  >(createCounterCustomerAction, null);
  const values = state && !state.ok ? state.values : undefined;
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const existing = state?.ok ? state.data : undefined;
  return (
    <section
      aria-labelledby="new-customer"
      className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-stone-200"
    >
      <h2 id="new-customer" className="text-lg font-semibold text-stone-900">
        {t('newTitle')}
      </h2>
      <p className="mb-3 text-sm text-stone-600">{t('newIntro')}</p>
      <form action={formAction} noValidate className="space-y-3">
        <FormMessage state={state} />
        {existing?.existingId !== undefined && (
          <Link
            href={`/counter/customers/${existing.existingId}`}
            className="flex min-h-12 items-center font-medium text-brand-700 underline"
          >
            {t('openExisting', { name: existing.existingName ?? '' })}
          </Link>
        )}
        <Field
          label={t('name')}
          name="name"
          id="new-customer-name"
          defaultValue={values?.name ?? initial.name ?? ''}
          maxLength={120}
          autoComplete="off"
          required
          errors={errors?.name}
          className="[&_input]:min-h-12"
        />
        <Field
          label={t('email')}
          name="email"
          id="new-customer-email"
          type="email"
          defaultValue={values?.email ?? initial.email ?? ''}
          autoComplete="off"
          errors={errors?.email}
          className="[&_input]:min-h-12"
        />
        <Field
          label={t('phone')}
          name="phone"
          id="new-customer-phone"
          type="tel"
          defaultValue={values?.phone ?? initial.phone ?? ''}
          autoComplete="off"
          errors={errors?.phone}
          className="[&_input]:min-h-12"
        />
        <SubmitButton size="lg" className="w-full" pendingLabel={t('creating')}>
          {t('create')}
        </SubmitButton>
      </form>
    </section>
  );
}
