'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { applyPromotionCodeAction } from '@/lib/carts/actions';

export function PromotionCodeForm() {
  const t = useTranslations('shop.cart');
  const [state, formAction] = useActionState(applyPromotionCodeAction, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={formAction} className="space-y-2" noValidate>
      <Field
        label={t('promotionCode')}
        name="code"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={32}
        defaultValue={failed?.values?.code}
        errors={failed?.fieldErrors?.code}
      />
      <SubmitButton variant="secondary" className="w-full">
        {t('apply')}
      </SubmitButton>
      {/* Field errors show at the field; only other outcomes here. */}
      <FormMessage state={failed?.fieldErrors?.code ? null : state} />
    </form>
  );
}
