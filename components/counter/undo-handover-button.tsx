'use client';

import { useActionState } from 'react';
import { SubmitButton } from '@/components/ui/submit-button';
import { undoHandoverAction } from '@/lib/orders/counter-actions';

/** Undoes a hand-over made a few minutes ago; the server checks the time and the store. */
export function UndoHandoverButton({
  orderId,
  label,
  view,
  variant = 'secondary',
}: {
  orderId: string;
  label: string;
  view: 'prepare' | 'ready' | 'collected';
  variant?: 'secondary' | 'ghost';
}) {
  const [state, formAction] = useActionState(undoHandoverAction, null);
  return (
    <form action={formAction} className="flex flex-col items-stretch gap-1">
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="view" value={view} />
      <SubmitButton size="lg" variant={variant} className="min-w-32">
        {label}
      </SubmitButton>
      {/* Success goes back to the list with a notice; only a refusal is shown here. */}
      <p role="status" className="max-w-60 text-sm font-medium text-red-700 empty:hidden">
        {state && !state.ok ? state.formError : ''}
      </p>
    </form>
  );
}
