'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { cancelTransferAction, shipTransferAction } from '@/lib/transfers/actions';

const ACTIONS = { ship: shipTransferAction, cancel: cancelTransferAction };

/** "Ship" or "Cancel" for one transfer, with the outcome announced next to it. */
export function TransferActionButton({
  transferId,
  kind,
  label,
  size = 'md',
  surface = 'admin',
}: {
  transferId: number;
  kind: keyof typeof ACTIONS;
  /** Visible text, naming the transfer for screen readers in `aria-label` via the caller. */
  label: string;
  size?: 'md' | 'lg';
  surface?: 'admin' | 'counter';
}) {
  const [state, formAction] = useActionState(ACTIONS[kind], null);
  return (
    <form action={formAction} className="flex flex-col items-start gap-1">
      <input type="hidden" name="transferId" value={transferId} />
      <input type="hidden" name="surface" value={surface} />
      <SubmitButton variant={kind === 'cancel' ? 'secondary' : 'primary'} size={size}>
        {label}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
