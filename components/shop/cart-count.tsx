'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';

// Adding to the cart answers with the cart's new size instead of re-rendering the whole page; the
// header's link shows it. A later server render (another change, a reload) brings its own count, which
// then wins again.
const listeners = new Set<(count: number) => void>();

/** Tells the header's cart link how many items the cart now holds. */
export function announceCartCount(count: number): void {
  for (const listener of listeners) listener(count);
}

/**
 * The header's cart link with its item count: the server's, or the one announced since that server
 * render (`renderId` is new with each one, so an announcement never outlives the render it corrected).
 */
export function CartCountLink({ count: rendered, renderId }: { count: number; renderId: string }) {
  const t = useTranslations('shop.nav');
  const [announced, setAnnounced] = useState<{ count: number; over: string } | null>(null);
  useEffect(() => {
    const listener = (count: number) => setAnnounced({ count, over: renderId });
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }, [renderId]);
  const count = announced?.over === renderId ? announced.count : rendered;
  return (
    <Link
      href="/cart"
      aria-label={t('cartWithCount', { count })}
      className="relative inline-flex min-h-11 items-center gap-2 rounded-lg px-3 text-sm font-medium text-stone-800 hover:bg-stone-100"
    >
      <svg viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor" strokeWidth="1.8" aria-hidden="true">
        <path d="M3 4h2l2.4 11.2a2 2 0 0 0 2 1.6h7.7a2 2 0 0 0 2-1.5L21 8H6.2" strokeLinecap="round" strokeLinejoin="round" />
        <circle cx="10" cy="20.5" r="1.3" />
        <circle cx="17" cy="20.5" r="1.3" />
      </svg>
      {/* Visible: "Cart" (from a small screen up) and the count; the name says the same in words, so it
          contains what is seen ("Cart, 2 items" ⊃ "Cart 2"). */}
      <span className="hidden sm:inline">{t('cart')}</span>
      {count > 0 && (
        <span
          aria-hidden="true"
          className="absolute -top-0.5 left-6 min-w-5 rounded-full bg-accent-600 px-1.5 text-center text-xs leading-5 font-semibold text-white sm:static sm:left-auto"
        >
          {count}
        </span>
      )}
    </Link>
  );
}
