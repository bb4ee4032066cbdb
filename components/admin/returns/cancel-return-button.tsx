'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { cancelReturnAction } from '@/lib/returns/admin-actions';

/** A requested return that never arrived: cancelled, its units returnable again. */
export function CancelReturnButton({ returnId, number }: { returnId: string; number: string }) {
  const t = useTranslations('admin.returns');
  const [state, formAction] = useActionState(cancelReturnAction, null);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="returnId" value={returnId} />
      <p className="text-sm text-stone-600">{t('cancelHint')}</p>
      <SubmitButton variant="secondary">{t('cancel', { number })}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
