'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';

const EVENT = 'omnishop:cart-merge';
const KEY = 'omnishop.cartMergeNotice';

/** Hands the merge message to the notice; kept in sessionStorage until shown, so a reload cannot lose it. */
export function announceCartMerge(message: string): void {
  sessionStorage.setItem(KEY, message);
  window.dispatchEvent(new Event(EVENT));
}

/** Shows, once, which cart lines did not follow the shopper into their account's cart. */
export function CartMergeNotice() {
  const t = useTranslations('shop.cartMerge');
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    const take = () => {
      const text = sessionStorage.getItem(KEY);
      if (!text) return;
      sessionStorage.removeItem(KEY); // shown once
      setMessage(text);
    };
    take();
    window.addEventListener(EVENT, take);
    return () => window.removeEventListener(EVENT, take);
  }, []);
  return (
    <div role="status" aria-live="polite" className="empty:hidden">
      {message && (
        <div className="fixed inset-x-4 top-20 z-50 mx-auto flex max-w-lg items-start gap-3 rounded-xl bg-amber-50 p-4 text-sm text-amber-900 shadow-lg ring-1 ring-amber-200">
          <p className="flex-1">{message}</p>
          <button type="button" onClick={() => setMessage(null)} className="min-h-11 rounded-lg px-3 font-medium hover:bg-amber-100">
            {t('dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}
