'use client';

import { useTranslations } from 'next-intl';
import { useTransition } from 'react';
import { clearCounterStoreAction } from '@/lib/orders/counter-actions';

/** Admins only: back to the store picker. */
export function ChangeStoreButton() {
  const t = useTranslations('counter.store');
  const [pending, start] = useTransition();
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => start(async () => void (await clearCounterStoreAction({})))}
      className="inline-flex min-h-12 items-center rounded-lg px-3 text-sm font-medium text-stone-200 underline-offset-4 hover:underline active:bg-white/10 disabled:opacity-50"
    >
      {t('change')}
    </button>
  );
}
