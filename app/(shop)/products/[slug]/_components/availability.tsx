import { useLocale, useTranslations } from 'next-intl';
import { LiveRefresh } from '@/components/shop/live-refresh';
import { StoreFinderForm } from '@/components/shop/store-finder-form';
import type { Locale } from '@/lib/i18n/config';
import { formatDistanceKm } from '@/lib/i18n/format';
import type { LocationStock } from '@/lib/inventory/queries';

/** A store's stock of the chosen variant, as the store finder lists it (nearest first once it is known). */
export type NearbyStock = LocationStock & { distanceKm: number | null; openNow: boolean; todayHours: [string, string][] };

/**
 * Stock of the chosen variant: home delivery (the warehouse) and every store. Pushed live: a unit sold
 * at a counter disappears here without a reload (S5), and nothing is fetched while nothing changes.
 * When the shopper has given a postcode or location, "N left in <nearest store>" comes first.
 */
export function Availability({
  locations,
  stores,
  origin,
  variantIds,
}: {
  locations: LocationStock[];
  stores: NearbyStock[];
  origin: { postcode?: string } | null;
  variantIds: number[];
}) {
  const t = useTranslations('shop.product');
  const tStores = useTranslations('shop.stores');
  const locale = useLocale() as Locale;
  const warehouseAvailable = locations
    .filter((l) => l.kind === 'warehouse')
    .reduce((sum, l) => sum + Math.max(0, l.available), 0);
  const nearest = origin ? stores[0] : undefined;
  const nearestWithStock = nearest && nearest.available <= 0 ? stores.find((s) => s.available > 0) : undefined;
  return (
    <section aria-labelledby="availability-title" className="rounded-2xl bg-white p-5 ring-1 ring-stone-200">
      <LiveRefresh topics={variantIds.map((id) => `stock:${id}`)} />
      <div className="flex items-baseline justify-between gap-3">
        <h2 id="availability-title" className="font-semibold">
          {t('availability')}
        </h2>
        <p className="flex items-center gap-1.5 text-xs whitespace-nowrap text-stone-500">
          <span className="size-1.5 animate-pulse rounded-full bg-brand-500" aria-hidden="true" />
          {t('updatedLive')}
        </p>
      </div>
      {nearest && (
        <p className="mt-3 flex items-center gap-2 text-sm font-medium" data-testid="nearest-store-stock">
          <StockDot ok={nearest.available > 0} />
          <span>
            {nearest.available > 0
              ? t('nearestLeft', { count: nearest.available, store: nearest.name })
              : t('nearestNone', { store: nearest.name })}
            {nearestWithStock && (
              <span className="block font-normal text-stone-600">
                {t('nearestOther', { store: nearestWithStock.name, count: nearestWithStock.available })}
              </span>
            )}
          </span>
        </p>
      )}
      <p className="mt-3 flex items-center gap-2 text-sm">
        <StockDot ok={warehouseAvailable > 0} />
        <span>
          {t('homeDelivery')}:{' '}
          <strong className="font-medium">
            {warehouseAvailable > 0 ? t('inStock') : t('outOfStockLower')}
          </strong>
        </span>
      </p>
      <h3 id="store-availability-title" className="mt-4 text-sm font-medium text-stone-700">
        {t('storesTitle')}
        {origin?.postcode && <span className="font-normal text-stone-500"> · {tStores('nearPostcode', { postcode: origin.postcode })}</span>}
      </h3>
      <ul aria-labelledby="store-availability-title" className="mt-2 divide-y divide-stone-100 text-sm">
        {stores.map((store) => (
          <li key={store.locationId} className="flex items-start justify-between gap-3 py-2">
            <span className="flex items-start gap-2">
              <span className="mt-1.5">
                <StockDot ok={store.available > 0} />
              </span>
              <span>
                {store.name}
                <span className="block text-xs text-stone-500 tabular-nums">
                  {[
                    store.distanceKm !== null ? tStores('distance', { km: formatDistanceKm(store.distanceKm, locale) }) : null,
                    store.openNow ? tStores('openNow') : tStores('closedNow'),
                    store.todayHours.length
                      ? tStores('todayHours', { hours: store.todayHours.map(([from, to]) => `${from}–${to}`).join(', ') })
                      : tStores('closedToday'),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              </span>
            </span>
            <span
              className={`text-right whitespace-nowrap ${store.available > 0 ? 'font-medium text-stone-900' : 'text-stone-500'}`}
            >
              {store.available > 0 ? t('available', { count: store.available }) : t('outOfStock')}
              {!store.pickupEnabled && <span className="text-stone-500"> · {t('noPickup')}</span>}
            </span>
          </li>
        ))}
      </ul>
      <details className="mt-3 text-sm" open={!origin}>
        <summary className="min-h-11 cursor-pointer py-2 font-medium text-brand-700">{t('storeFinderTitle')}</summary>
        <div className="mt-2">
          <StoreFinderForm idPrefix="product-store-finder" defaultPostcode={origin?.postcode} />
        </div>
      </details>
    </section>
  );
}

function StockDot({ ok }: { ok: boolean }) {
  return (
    <span
      aria-hidden="true"
      className={`inline-block size-2.5 shrink-0 rounded-full ${ok ? 'bg-brand-500' : 'bg-stone-300'}`}
    />
  );
}
