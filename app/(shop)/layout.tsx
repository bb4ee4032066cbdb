import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { ClientMessages } from '@/components/i18n/client-messages';
import { ConsentBanner } from '@/components/shop/consent-banner';
import { ShopHeader } from '@/components/shop/shop-header';
import { getActor } from '@/lib/auth/session';
import { trackLandingVisit } from '@/lib/insight/page-events';
import { readVisitor } from '@/lib/insight/visitor';

export default async function ShopLayout({ children }: { children: ReactNode }) {
  const [t, visitor, actor] = await Promise.all([getTranslations('shop.footer'), readVisitor(), getActor()]);
  // A visit that starts with this page (proxy.ts decided, with consent) is recorded after the response.
  await trackLandingVisit(actor?.role === 'customer' ? actor.customerId : null);
  return (
    <ClientMessages surface="shop">
      <div className="flex min-h-dvh flex-col">
        <ShopHeader />
        {visitor.decided ? null : <ConsentBanner />}
        <main id="main" className="flex-1">
          {children}
        </main>
        <footer className="border-t border-stone-200 bg-white">
          <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-8 text-sm text-stone-500">
            <p>{t('about')}</p>
            <Link href="/stores" className="font-medium text-stone-700 hover:underline">
              {t('stores')}
            </Link>
            <Link href="/cookies" className="inline-flex min-h-11 items-center font-medium text-stone-700 hover:underline">
              {t('cookieSettings')}
            </Link>
          </div>
        </footer>
      </div>
    </ClientMessages>
  );
}
