import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getActor } from '@/lib/auth/session';
import { countCartItems, currentWebCartId, hasUnclaimedCart } from '@/lib/carts/web-cart';
import { getDb } from '@/lib/db';
import { CartClaim } from './cart-claim';
import { CartMergeNotice } from './cart-merge-notice';

/** The header's cart link with the number of items; also merges an anonymous cart after sign-in. */
export async function CartLink() {
  const t = await getTranslations('shop.nav');
  const db = getDb();
  const actor = await getActor();
  const [count, unclaimed] = await Promise.all([
    currentWebCartId(db, actor).then((id) => countCartItems(db, id)),
    hasUnclaimedCart(db, actor),
  ]);
  return (
    <>
      {unclaimed && <CartClaim />}
      <CartMergeNotice />
      <Link
        href="/cart"
        aria-label={t('cartWithCount', { count })}
        className="relative inline-flex min-h-11 items-center gap-2 rounded-lg px-3 text-sm font-medium text-stone-800 hover:bg-stone-100"
      >
        <svg
          viewBox="0 0 24 24"
          className="size-6"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.8"
          aria-hidden="true"
        >
          <path
            d="M3 4h2l2.4 11.2a2 2 0 0 0 2 1.6h7.7a2 2 0 0 0 2-1.5L21 8H6.2"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
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
    </>
  );
}
