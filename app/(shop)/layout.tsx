import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { ShopHeader } from '@/components/shop/shop-header';

export default async function ShopLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations('shop.footer');
  return (
    <div className="flex min-h-dvh flex-col">
      <ShopHeader />
      <main id="main" className="flex-1">
        {children}
      </main>
      <footer className="border-t border-stone-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-8 text-sm text-stone-500">
          <p>{t('about')}</p>
          <Link href="/stores" className="font-medium text-stone-700 hover:underline">
            {t('stores')}
          </Link>
        </div>
      </footer>
    </div>
  );
}
