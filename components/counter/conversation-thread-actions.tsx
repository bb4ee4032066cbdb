'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { assignThreadAction, setThreadStatusAction } from '@/lib/conversations/actions';

/** "Assign to me" / "Unassign" and "Close thread" / "Reopen", with their outcome announced. */
export function ConversationThreadActions({
  threadId,
  assignedToMe,
  status,
  size,
}: {
  threadId: string;
  assignedToMe: boolean;
  status: 'open' | 'closed';
  size: 'md' | 'lg';
}) {
  const t = useTranslations('conversations.staff');
  const [assignState, assign] = useActionState(assignThreadAction, null);
  const [statusState, setStatus] = useActionState(setThreadStatusAction, null);
  const buttonSize = size === 'lg' ? 'lg' : 'md';
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <form action={assign}>
          <input type="hidden" name="threadId" value={threadId} />
          <input type="hidden" name="assignee" value={assignedToMe ? 'nobody' : 'me'} />
          <SubmitButton variant="secondary" size={buttonSize}>
            {assignedToMe ? t('unassign') : t('assignToMe')}
          </SubmitButton>
        </form>
        <form action={setStatus}>
          <input type="hidden" name="threadId" value={threadId} />
          <input type="hidden" name="status" value={status === 'open' ? 'closed' : 'open'} />
          <SubmitButton variant="secondary" size={buttonSize}>
            {status === 'open' ? t('closeThread') : t('reopen')}
          </SubmitButton>
        </form>
      </div>
      <FormMessage state={assignState} />
      <FormMessage state={statusState} />
    </div>
  );
}
