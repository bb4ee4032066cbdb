'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { retryNotificationAction } from '@/lib/notifications/actions';

/**
 * "Retry" for a failed or dead message. Rendered for every message so its outcome stays on screen
 * after the list refreshes and the button itself goes (the message is queued again).
 */
export function OutboxRetryButton({ id, recipient, retryable }: { id: string; recipient: string; retryable: boolean }) {
  const t = useTranslations('admin.outbox');
  const [state, formAction] = useActionState(retryNotificationAction, null);
  if (!retryable && !state) return null;
  return (
    <form action={formAction} className="flex flex-col items-start gap-2">
      <input type="hidden" name="id" value={id} />
      {retryable && (
        <SubmitButton variant="secondary" size="sm" aria-label={t('retryLabel', { recipient })} pendingLabel={t('retrying')}>
          {t('retry')}
        </SubmitButton>
      )}
      <FormMessage state={state} />
    </form>
  );
}
