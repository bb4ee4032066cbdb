'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions/action-state';
import { schedulePriceChangeAction } from '@/lib/catalog/price-change-actions';
import { fieldErrors, startValue } from './product-field';

/** "New price from" a date and time in Amsterdam, for one variant. */
export function VariantPriceScheduleForm({ variantId }: { variantId: number }) {
  const t = useTranslations('admin.catalog.schedule');
  const [state, formAction] = useActionState<ActionState | null, FormData>(schedulePriceChangeAction, null);
  const value = (name: string) => startValue(state, {}, name);
  return (
    <form action={formAction} noValidate className="space-y-4">
      <FormMessage state={state} />
      <input type="hidden" name="variantId" value={variantId} />
      <div className="grid gap-4 md:grid-cols-2">
        <Field
          // Own ids: this form shares the page with the variant form, which has a "price" field too.
          id="schedule-startsAt"
          label={t('startsAt')}
          name="startsAt"
          type="datetime-local"
          hint={t('startsAtHint')}
          defaultValue={value('startsAt')}
          required
          errors={fieldErrors(state, 'startsAt')}
        />
        <Field
          id="schedule-price"
          label={t('price')}
          name="price"
          inputMode="decimal"
          maxLength={12}
          defaultValue={value('price')}
          required
          errors={fieldErrors(state, 'price')}
        />
      </div>
      <SubmitButton>{t('submit')}</SubmitButton>
    </form>
  );
}
