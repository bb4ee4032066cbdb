'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { markSatisfactionFollowedUpAction } from '@/lib/insight/satisfaction-actions';

/** "Mark followed up" on a low satisfaction score; its outcome stays on screen after the list refreshes. */
export function SatisfactionFollowUpButton({ responseId, orderNumber, open }: { responseId: number; orderNumber: string; open: boolean }) {
  const t = useTranslations('satisfaction.admin');
  const [state, formAction] = useActionState(markSatisfactionFollowedUpAction, null);
  if (!open && !state) return null;
  return (
    <form action={formAction} className="flex flex-col items-start gap-2">
      <input type="hidden" name="responseId" value={responseId} />
      {open && (
        <SubmitButton variant="secondary" className="min-h-11" aria-label={t('markFollowedUpFor', { number: orderNumber })}>
          {t('markFollowedUp')}
        </SubmitButton>
      )}
      <FormMessage state={state} />
    </form>
  );
}
