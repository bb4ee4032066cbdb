'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { buttonClass } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import type { ActionState } from '@/lib/actions/action-state';
import { attachCustomerToSaleAction, detachCustomerFromSaleAction } from '@/lib/customers/counter-actions';

/** "Attach to sale" in one tap, or — when this customer is the sale's — "Detach" and a way back to the sale. */
export function CustomerSaleControls({ customerId, attached }: { customerId: number; attached: boolean }) {
  const t = useTranslations('customers.counter');
  const [attachState, attach] = useActionState<ActionState | null, FormData>(
    attachCustomerToSaleAction,
    null,
  );
  const [detachState, detach] = useActionState<ActionState | null, FormData>(
    detachCustomerFromSaleAction,
    null,
  );
  return (
    <div className="space-y-2 border-t border-stone-200 pt-4">
      <FormMessage state={attached ? attachState : (detachState ?? attachState)} />
      {attached ? (
        <>
          <p className="font-medium text-brand-800">{t('attachedHere')}</p>
          <div className="flex flex-wrap gap-2">
            <Link href="/counter" className={buttonClass('primary', 'lg', 'flex-1')}>
              {t('toSale')}
            </Link>
            <form action={detach}>
              <SubmitButton variant="secondary" size="lg">
                {t('detach')}
              </SubmitButton>
            </form>
          </div>
        </>
      ) : (
        <form action={attach}>
          <input type="hidden" name="customerId" value={customerId} />
          <SubmitButton size="xl" className="w-full">
            {t('attach')}
          </SubmitButton>
        </form>
      )}
    </div>
  );
}
