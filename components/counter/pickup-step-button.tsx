'use client';

import { useActionState } from 'react';
import { SubmitButton } from '@/components/ui/submit-button';
import { advancePickupAction } from '@/lib/orders/counter-actions';

/** "Mark ready" for one pickup; the server checks it is this store's order. */
export function PickupStepButton({
  orderId,
  to,
  label,
  view,
}: {
  orderId: string;
  to: 'ready_for_pickup';
  label: string;
  view: 'prepare' | 'ready' | 'collected';
}) {
  const [state, formAction] = useActionState(advancePickupAction, null);
  return (
    <form action={formAction} className="flex flex-col items-stretch gap-1">
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="to" value={to} />
      <input type="hidden" name="view" value={view} />
      <SubmitButton size="xl" className="min-w-44">
        {label}
      </SubmitButton>
      {/* Success navigates back to the list with a notice; only a refusal is shown here. */}
      <p role="status" className="max-w-44 text-sm text-red-700 empty:hidden">
        {state && !state.ok ? state.formError : ''}
      </p>
    </form>
  );
}
