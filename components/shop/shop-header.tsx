import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { LanguageSwitcher } from '@/components/ui/language-switcher';
import { Logo } from '@/components/ui/logo';
import { SignOutButton } from '@/components/ui/sign-out-button';
import { getActor } from '@/lib/auth/session';
import { homeFor } from '@/lib/identity/home';
import { CartLink } from './cart-link';
import { HeaderSearch, HeaderSearchFallback, type HeaderSearchLabels } from './header-search';

// Display is set per use: a `hidden` next to an `inline-flex` would lose to it in the stylesheet order.
const linkLook =
  'min-h-11 items-center rounded-md px-3 text-sm font-medium whitespace-nowrap text-stone-700 hover:bg-stone-100';
const navLink = `inline-flex ${linkLook}`;

export async function ShopHeader({ cartSlot }: { cartSlot?: React.ReactNode }) {
  const t = await getTranslations('shop.nav');
  const tc = await getTranslations('common');
  const ts = await getTranslations('search.header');
  const actor = await getActor();
  const searchLabels: HeaderSearchLabels = {
    label: ts('label'),
    placeholder: ts('placeholder'),
    submit: ts('submit'),
    suggestions: ts('suggestions'),
    didYouMean: ts.raw('didYouMean') as string,
  };
  return (
    <header className="sticky top-0 z-30 border-b border-stone-200 bg-white/90 backdrop-blur">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2 sm:py-3">
        <Logo />
        {/* On a phone the links (and the language switch) move to a second row. */}
        <div className="order-3 -mx-3 flex w-full items-center gap-2 sm:order-none sm:mx-0 sm:w-auto">
          <nav aria-label={tc('nav.mainNavigation')} className="flex min-w-0 gap-1 overflow-x-auto">
            <Link href="/products" className={navLink}>
              {t('products')}
            </Link>
            <Link href="/stores" className={navLink}>
              {t('stores')}
            </Link>
            {actor?.role === 'customer' && (
              <Link href="/account" className={`hidden sm:inline-flex ${linkLook}`}>
                {t('orders')}
              </Link>
            )}
            {actor && actor.role !== 'customer' && (
              <Link href={homeFor(actor.role)} className={`${navLink} text-brand-700 hover:bg-brand-50`}>
                {actor.role === 'admin' ? tc('nav.admin') : tc('nav.counter')}
              </Link>
            )}
          </nav>
          <div className="ml-auto pr-3 sm:hidden">
            <LanguageSwitcher />
          </div>
        </div>
        {/* Phone: its own full-width row under the links; wider screens: beside them. */}
        <div className="order-4 w-full pb-1 sm:order-none sm:ml-auto sm:w-auto sm:pb-0">
          {/* useSearchParams needs a boundary; without JavaScript the plain form is the same one. */}
          <Suspense fallback={<HeaderSearchFallback labels={searchLabels} />}>
            <HeaderSearch labels={searchLabels} />
          </Suspense>
        </div>
        <div className="ml-auto flex items-center gap-1 sm:ml-0 sm:gap-2">
          {actor ? (
            <>
              {/* Phone: room for one link; signing out is on the account page. */}
              {actor.role === 'customer' && (
                <Link href="/account" className={`inline-flex sm:hidden ${linkLook}`}>
                  {t('account')}
                </Link>
              )}
              <div className={actor.role === 'customer' ? 'hidden sm:block' : ''}>
                <SignOutButton />
              </div>
            </>
          ) : (
            <Link href="/sign-in" className={navLink}>
              {tc('nav.signIn')}
            </Link>
          )}
          {cartSlot ?? <CartLink />}
          <div className="hidden sm:block">
            <LanguageSwitcher />
          </div>
        </div>
      </div>
    </header>
  );
}
