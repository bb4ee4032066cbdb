'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions/action-state';
import { generateCampaignCodesAction } from '@/lib/promotions/actions';
import { fieldErrors, startValue } from './product-field';

/** How many single-use codes to add to the promotion, with an optional prefix. */
export function CampaignCodesForm({ promotionId }: { promotionId: number }) {
  const t = useTranslations('admin.promotions.campaignCodes');
  const [state, formAction] = useActionState<ActionState | null, FormData>(generateCampaignCodesAction, null);
  const value = (name: string) => startValue(state, { count: '100', prefix: '' }, name);
  return (
    <form action={formAction} noValidate className="space-y-4">
      <input type="hidden" name="promotionId" value={promotionId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id="campaign-codes-count"
          label={t('count')}
          name="count"
          inputMode="numeric"
          hint={t('countHint')}
          defaultValue={value('count')}
          required
          errors={fieldErrors(state, 'count')}
        />
        <Field
          id="campaign-codes-prefix"
          label={t('prefix')}
          name="prefix"
          maxLength={12}
          autoCapitalize="characters"
          autoComplete="off"
          hint={t('prefixHint')}
          defaultValue={value('prefix')}
          errors={fieldErrors(state, 'prefix')}
        />
      </div>
      <FormMessage state={state} />
      <SubmitButton pendingLabel={t('generating')}>{t('generate')}</SubmitButton>
    </form>
  );
}
