'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { SubmitButton } from '@/components/ui/submit-button';
import { addToCounterCartAction } from '@/lib/carts/counter-actions';

/** "Add" on a search result; its accessible name says what is added (several sizes look alike). */
export function AddToCartButton({ variantId, item }: { variantId: number; item: string }) {
  const t = useTranslations('counter.sale');
  const [state, formAction] = useActionState(addToCounterCartAction, null);
  return (
    <form action={formAction} className="flex shrink-0 flex-col items-end gap-1">
      <input type="hidden" name="variantId" value={variantId} />
      <input type="hidden" name="quantity" value="1" />
      <SubmitButton size="lg" className="min-w-24" aria-label={t('addLabel', { item })}>
        <svg viewBox="0 0 24 24" aria-hidden="true" className="size-5">
          <path d="M12 5v14M5 12h14" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" />
        </svg>
        {t('add')}
      </SubmitButton>
      <span role="status" className={state?.ok ? 'sr-only' : 'max-w-40 text-right text-sm text-red-700'}>
        {state ? (state.ok ? state.message : state.formError) : ''}
      </span>
    </form>
  );
}
