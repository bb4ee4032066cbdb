'use client';

import { useActionState } from 'react';
import { SubmitButton } from '@/components/ui/submit-button';
import { advancePickupAction } from '@/lib/orders/counter-actions';

/** "Mark ready" or "Hand over" for one pickup; the server checks it is this store's order. */
export function PickupStepButton({ orderId, to, label }: { orderId: string; to: 'ready_for_pickup' | 'collected'; label: string }) {
  const [state, formAction] = useActionState(advancePickupAction, null);
  return (
    <form action={formAction} className="flex flex-col items-stretch gap-1">
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="to" value={to} />
      <SubmitButton size="xl" className="min-w-44">
        {label}
      </SubmitButton>
      <p role="status" className={`text-sm empty:hidden ${state?.ok ? 'text-brand-800' : 'text-red-700'}`}>
        {state ? (state.ok ? state.message : state.formError) : ''}
      </p>
    </form>
  );
}
