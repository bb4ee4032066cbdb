import { useLocale, useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/card';
import type { Locale } from '@/lib/i18n/config';
import { formatDistanceKm } from '@/lib/i18n/format';
import { ISO_WEEKDAYS, type IsoWeekday } from '@/lib/locations/opening-hours';
import type { LocationDto } from '@/lib/locations/queries';
import type { FoundStore } from '@/lib/locations/store-finder';

/** One store in the finder: distance, open now, today's hours, address and the week's hours. */
export function StoreCard({ store, today, days }: { store: FoundStore<LocationDto>; today: IsoWeekday; days: Record<IsoWeekday, string> }) {
  const t = useTranslations('shop.stores');
  const locale = useLocale() as Locale;
  const mapsUrl = `https://www.openstreetmap.org/?mlat=${store.latitude}&mlon=${store.longitude}#map=16/${store.latitude}/${store.longitude}`;
  const hoursText = (slots: [string, string][]) => slots.map(([from, to]) => `${from}–${to}`).join(', ');
  return (
    <li className="flex flex-col rounded-2xl bg-white p-5 ring-1 ring-stone-200">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h2 className="text-lg font-semibold">{store.name}</h2>
        <span className={`text-sm font-medium ${store.openNow ? 'text-brand-700' : 'text-stone-500'}`}>
          {store.openNow ? t('openNow') : t('closedNow')}
        </span>
      </div>
      <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-stone-700">
        {store.distanceKm !== null && (
          <span className="font-medium tabular-nums">{t('distance', { km: formatDistanceKm(store.distanceKm, locale) })}</span>
        )}
        <span className="tabular-nums">{store.todayHours.length ? t('todayHours', { hours: hoursText(store.todayHours) }) : t('closedToday')}</span>
        {store.pickupEnabled && <Badge tone="brand">{t('pickupAvailable')}</Badge>}
      </p>
      <address className="mt-3 text-sm not-italic text-stone-700">
        {store.street}
        <br />
        {store.postcode} {store.city}
        {store.phone && (
          <>
            <br />
            <span className="text-stone-500">{t('phone')}: </span>
            <a href={`tel:${store.phone.replace(/\s+/g, '')}`} className="text-brand-700 hover:underline">
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
              <tr key={day} aria-current={isToday ? 'date' : undefined} className={isToday ? 'bg-brand-50 font-semibold text-brand-900' : ''}>
                <th scope="row" className={`rounded-l-md py-1 pl-2 text-left ${isToday ? 'font-semibold' : 'font-normal'}`}>
                  <span className="capitalize">{days[day]}</span>
                  {isToday && <span className="font-normal text-brand-700"> ({t('today')})</span>}
                </th>
                <td className="rounded-r-md py-1 pr-2 text-right tabular-nums">{slots.length ? hoursText(slots) : t('closed')}</td>
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
}
