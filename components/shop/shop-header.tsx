import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { LanguageSwitcher } from '@/components/ui/language-switcher';
import { Logo } from '@/components/ui/logo';
import { SignOutButton } from '@/components/ui/sign-out-button';
import { getActor } from '@/lib/auth/session';
import { homeFor } from '@/lib/identity/home';

export async function ShopHeader({ cartSlot }: { cartSlot?: React.ReactNode }) {
  const t = await getTranslations('shop.nav');
  const tc = await getTranslations('common');
  const actor = await getActor();
  return (
    <header className="sticky top-0 z-30 border-b border-stone-200 bg-white/90 backdrop-blur">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Logo />
        <nav aria-label={tc('nav.mainNavigation')} className="order-3 flex w-full gap-1 overflow-x-auto sm:order-none sm:w-auto">
          <Link href="/products" className="rounded-md px-3 py-2 text-sm font-medium text-stone-700 hover:bg-stone-100">
            {t('products')}
          </Link>
          <Link href="/stores" className="rounded-md px-3 py-2 text-sm font-medium text-stone-700 hover:bg-stone-100">
            {t('stores')}
          </Link>
          {actor && actor.role !== 'customer' && (
            <Link href={homeFor(actor.role)} className="rounded-md px-3 py-2 text-sm font-medium text-brand-700 hover:bg-brand-50">
              {actor.role === 'admin' ? tc('nav.admin') : tc('nav.counter')}
            </Link>
          )}
        </nav>
        <div className="ml-auto flex items-center gap-2">
          {actor ? (
            <>
              <Link href="/account" className="hidden rounded-md px-3 py-2 text-sm font-medium text-stone-700 hover:bg-stone-100 sm:inline-flex">
                {tc('nav.account')}
              </Link>
              <SignOutButton />
            </>
          ) : (
            <Link href="/sign-in" className="rounded-md px-3 py-2 text-sm font-medium text-stone-700 hover:bg-stone-100">
              {tc('nav.signIn')}
            </Link>
          )}
          {cartSlot}
          <LanguageSwitcher />
        </div>
      </div>
    </header>
  );
}
