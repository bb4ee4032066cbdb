'use client';

import { useTranslations } from 'next-intl';
import { useOptimistic, useState, useTransition } from 'react';
import { removeCounterLineAction, setCounterLineQuantityAction } from '@/lib/carts/counter-actions';

const MAX = 99;

/**
 * −/+ and Remove for one cart line. Taps are not blocked while a change is on its way: each tap sends
 * the absolute quantity it shows, the actions run in order, so three quick taps on "+" add three.
 */
export function CartLineControls({
  variantId,
  quantity,
  name,
}: {
  variantId: number;
  quantity: number;
  name: string;
}) {
  const t = useTranslations('counter.cart');
  const [shown, setShown] = useOptimistic(quantity);
  const [removing, startRemove] = useTransition();
  const [, startChange] = useTransition();
  const [error, setError] = useState<string | null>(null);

  function change(next: number) {
    setError(null);
    startChange(async () => {
      setShown(next);
      const result = await setCounterLineQuantityAction({ variantId, quantity: next });
      if (!result.ok) setError(result.formError ?? Object.values(result.fieldErrors ?? {})[0]?.[0] ?? null);
    });
  }

  function remove() {
    setError(null);
    startRemove(async () => {
      const result = await removeCounterLineAction({ variantId });
      if (!result.ok) setError(result.formError ?? null);
    });
  }

  const step =
    'inline-flex size-12 items-center justify-center rounded-xl bg-stone-100 text-2xl font-semibold text-stone-800 ring-1 ring-stone-300 active:bg-stone-200 disabled:opacity-40';
  return (
    <div>
      <div className="flex items-center gap-2">
        <button
          type="button"
          className={step}
          onClick={() => change(shown - 1)}
          disabled={shown <= 1 || removing}
          aria-label={t('decrease', { name })}
        >
          <span aria-hidden="true">−</span>
        </button>
        <output
          aria-label={t('quantity')}
          aria-live="polite"
          className="min-w-10 text-center text-xl font-semibold tabular-nums"
        >
          {shown}
        </output>
        <button
          type="button"
          className={step}
          onClick={() => change(shown + 1)}
          disabled={shown >= MAX || removing}
          aria-label={t('increase', { name })}
        >
          <span aria-hidden="true">+</span>
        </button>
        <button
          type="button"
          onClick={remove}
          disabled={removing}
          aria-label={t('removeLabel', { name })}
          className="ml-auto inline-flex h-12 items-center rounded-xl px-3 text-base font-medium text-red-700 active:bg-red-50 disabled:opacity-50"
        >
          {t('remove')}
        </button>
      </div>
      {error && (
        <p role="alert" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
