'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { issueMyLoyaltyCardAction } from '@/lib/loyalty/actions';

/** "Get my loyalty card": for a profile that has no card number yet (made before cards existed). */
export function LoyaltyCardButton() {
  const t = useTranslations('shop.loyalty');
  const [state, formAction] = useActionState(issueMyLoyaltyCardAction, null);
  return (
    <form action={formAction} className="space-y-2">
      <SubmitButton pendingLabel={t('getCardPending')}>{t('getCard')}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
