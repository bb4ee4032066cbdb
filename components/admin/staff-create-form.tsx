'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Card } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions/action-state';
import { createStaffAction } from '@/lib/staff/actions';
import { StaffRoleFields, type StoreOption } from './staff-fields';

/** A new clerk or admin; on success the action redirects to the list, which says the link was sent. */
export function StaffCreateForm({ stores }: { stores: StoreOption[] }) {
  const t = useTranslations('admin.staff');
  const [state, formAction] = useActionState<ActionState | null, FormData>(createStaffAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  return (
    <form action={formAction} noValidate className="max-w-2xl space-y-5">
      <FormMessage state={state} />
      <Card className="space-y-5">
        <div className="grid gap-5 sm:grid-cols-2">
          <Field label={t('name')} name="name" defaultValue={values?.name} autoComplete="off" maxLength={120} required errors={errors?.name} />
          <Field label={t('email')} name="email" type="email" defaultValue={values?.email} autoComplete="off" required errors={errors?.email} />
        </div>
        <StaffRoleFields
          idPrefix="new-staff"
          stores={stores}
          initialRole={values?.role === 'admin' ? 'admin' : 'clerk'}
          initialStoreId={values?.storeId ? Number(values.storeId) : null}
          errors={errors}
        />
      </Card>
      <SubmitButton pendingLabel={t('creating')}>{t('create')}</SubmitButton>
    </form>
  );
}
