import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { StoreFinderForm } from '@/components/shop/store-finder-form';
import { getDb } from '@/lib/db';
import { storeClock, weekdayNames } from '@/lib/locations/opening-hours';
import { getActor } from '@/lib/auth/session';
import { preferredFirst, shopperPreferredStoreId } from '@/lib/identity/preferred-store';
import { listStores } from '@/lib/locations/queries';
import { rememberedShopperOrigin } from '@/lib/locations/shopper-origin';
import { findStores } from '@/lib/locations/store-finder';
import { StoreCard } from './_components/store-card';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('shop.stores'))('title'), alternates: { canonical: '/stores' } };
}

export default async function StoresPage() {
  const [t, locale, origin] = await Promise.all([getTranslations('shop.stores'), getLocale(), rememberedShopperOrigin()]);
  const db = getDb();
  // Nearest first once the shopper has searched; until then their own store first (account preference).
  const stores = preferredFirst(await listStores(db), await shopperPreferredStoreId(db, await getActor()), (s) => s.id);
  const now = new Date();
  const found = findStores(stores, origin, now);
  // "Today" and "open now" on the stores' own clock (Europe/Amsterdam), whatever the server's zone.
  const today = storeClock(now).weekday;
  const days = weekdayNames(locale);

  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:py-10">
      <h1 className="text-3xl font-semibold tracking-tight">{t('title')}</h1>
      <p className="mt-2 max-w-2xl text-stone-600">{t('intro')}</p>
      <section aria-labelledby="finder-title" className="mt-6 rounded-2xl bg-white p-5 ring-1 ring-stone-200">
        <h2 id="finder-title" className="mb-3 font-semibold">
          {t('finderTitle')}
        </h2>
        <StoreFinderForm defaultPostcode={origin?.kind === 'postcode' ? origin.postcode : undefined} />
      </section>
      {origin && (
        <div className="mt-6">
          <h2 className="text-lg font-semibold">
            {origin.kind === 'postcode' ? t('nearPostcode', { postcode: origin.postcode }) : t('nearLocation')}
          </h2>
          {origin.kind === 'postcode' && !origin.precise && <p className="mt-1 text-sm text-stone-500">{t('approximate')}</p>}
        </div>
      )}
      <ul aria-label={t('title')} className="mt-4 grid gap-4 md:grid-cols-2 lg:grid-cols-3">
        {found.map((store) => (
          <StoreCard key={store.id} store={store} today={today} days={days} />
        ))}
      </ul>
    </div>
  );
}
