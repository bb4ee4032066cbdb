'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { adjustLoyaltyAction } from '@/lib/loyalty/actions';

/** Points (+/−) and a reason; the answer (new balance or what is wrong) in a status region. */
export function LoyaltyAdjustFields({
  customerId,
  idempotencyKey,
}: {
  customerId: number;
  idempotencyKey: string;
}) {
  const t = useTranslations('admin.loyalty');
  const [state, formAction] = useActionState(adjustLoyaltyAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const values = state && !state.ok ? state.values : undefined;
  return (
    <form action={formAction} noValidate className="space-y-3">
      <input type="hidden" name="customerId" value={customerId} />
      {/* After a success the page is revalidated and renders a new key: the next adjustment is a new one. */}
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <Field
        label={t('points')}
        name="points"
        inputMode="numeric"
        hint={t('pointsHint')}
        errors={errors?.points ?? errors?.loyaltyPoints}
        defaultValue={values?.points}
        required
      />
      <Field
        label={t('reason')}
        name="reason"
        maxLength={200}
        hint={t('reasonHint')}
        errors={errors?.reason}
        defaultValue={values?.reason}
        required
      />
      <div>
        <SubmitButton pendingLabel={t('pending')}>{t('submit')}</SubmitButton>
      </div>
      <div>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
