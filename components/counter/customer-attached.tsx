'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions/action-state';
import { detachCustomerFromSaleAction } from '@/lib/customers/counter-actions';

/** The customer attached to the current sale, on the sale's cart panel, with "Detach". */
export function CustomerAttached({ customer }: { customer: { id: number; name: string } }) {
  const t = useTranslations('customers.counter');
  const [state, detach] = useActionState<ActionState | null, FormData>(detachCustomerFromSaleAction, null);
  return (
    <div
      aria-label={t('attachedLabel')}
      role="group"
      className="flex items-center justify-between gap-2 border-b border-stone-200 bg-brand-50 px-4 py-2"
    >
      <Link
        href={`/counter/customers/${customer.id}`}
        className="min-h-11 content-center truncate font-medium text-brand-800 underline-offset-2 hover:underline"
      >
        {t('attachedTo', { name: customer.name })}
      </Link>
      <form action={detach}>
        <SubmitButton variant="secondary" size="md" className="min-h-11">
          {t('detach')}
        </SubmitButton>
      </form>
      <FormMessage state={state && !state.ok ? state : null} />
    </div>
  );
}
