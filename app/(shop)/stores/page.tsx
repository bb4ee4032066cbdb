import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/card';
import { getDb } from '@/lib/db';
import { ISO_WEEKDAYS, isOpenAt, storeClock, weekdayNames } from '@/lib/locations/opening-hours';
import { getActor } from '@/lib/auth/session';
import { preferredFirst, shopperPreferredStoreId } from '@/lib/identity/preferred-store';
import { listStores } from '@/lib/locations/queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('shop.stores'))('title') };
}

export default async function StoresPage() {
  const [t, locale] = await Promise.all([getTranslations('shop.stores'), getLocale()]);
  const db = getDb();
  // The shopper's own store first (their preference on the account page).
  const stores = preferredFirst(await listStores(db), await shopperPreferredStoreId(db, await getActor()), (s) => s.id);
  const now = new Date();
  // "Today" and "open now" on the stores' own clock (Europe/Amsterdam), whatever the server's zone.
  const today = storeClock(now).weekday;
  const days = weekdayNames(locale);

  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:py-10">
      <h1 className="text-3xl font-semibold tracking-tight">{t('title')}</h1>
      <p className="mt-2 max-w-2xl text-stone-600">{t('intro')}</p>
      <ul className="mt-6 grid gap-4 md:grid-cols-2 lg:grid-cols-3">
        {stores.map((store) => {
          const open = isOpenAt(store.openingHours, now);
          const mapsUrl = `https://www.openstreetmap.org/?mlat=${store.latitude}&mlon=${store.longitude}#map=16/${store.latitude}/${store.longitude}`;
          return (
            <li key={store.id} className="flex flex-col rounded-2xl bg-white p-5 ring-1 ring-stone-200">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <h2 className="text-lg font-semibold">{store.name}</h2>
                <span className={`text-sm font-medium ${open ? 'text-brand-700' : 'text-stone-500'}`}>
                  {open ? t('openNow') : t('closedNow')}
                </span>
              </div>
              {store.pickupEnabled && (
                <p className="mt-1">
                  <Badge tone="brand">{t('pickupAvailable')}</Badge>
                </p>
              )}
              <address className="mt-3 text-sm not-italic text-stone-700">
                {store.street}
                <br />
                {store.postcode} {store.city}
                {store.phone && (
                  <>
                    <br />
                    <span className="text-stone-500">{t('phone')}: </span>
                    <a
                      href={`tel:${store.phone.replace(/\s+/g, '')}`}
                      className="text-brand-700 hover:underline"
                    >
                      {store.phone}
                    </a>
                  </>
                )}
              </address>
              <h3 className="mt-4 text-sm font-medium text-stone-700">{t('openingHours')}</h3>
              <table className="mt-1 w-full text-sm">
                <tbody>
                  {ISO_WEEKDAYS.map((day) => {
                    const slots = store.openingHours[day] ?? [];
                    const isToday = day === today;
                    return (
                      <tr
                        key={day}
                        aria-current={isToday ? 'date' : undefined}
                        className={isToday ? 'bg-brand-50 font-semibold text-brand-900' : ''}
                      >
                        <th
                          scope="row"
                          className={`rounded-l-md py-1 pl-2 text-left ${isToday ? 'font-semibold' : 'font-normal'}`}
                        >
                          <span className="capitalize">{days[day]}</span>
                          {isToday && <span className="font-normal text-brand-700"> ({t('today')})</span>}
                        </th>
                        <td className="rounded-r-md py-1 pr-2 text-right tabular-nums">
                          {slots.length ? slots.map(([from, to]) => `${from}–${to}`).join(', ') : t('closed')}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              <a
                href={mapsUrl}
                target="_blank"
                rel="noreferrer"
                className="mt-4 inline-flex min-h-11 items-center self-start text-sm font-medium text-brand-700 hover:underline"
              >
                {t('directions')} ↗
              </a>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
