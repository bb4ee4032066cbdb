import { useTranslations } from 'next-intl';
import { LiveRefresh } from '@/components/shop/live-refresh';
import type { LocationStock } from '@/lib/inventory/queries';

/**
 * Stock of the chosen variant: home delivery (the warehouse) and every store. Pushed live: a unit sold
 * at a counter disappears here without a reload (S5), and nothing is fetched while nothing changes.
 */
export function Availability({ locations, variantIds }: { locations: LocationStock[]; variantIds: number[] }) {
  const t = useTranslations('shop.product');
  const warehouseAvailable = locations
    .filter((l) => l.kind === 'warehouse')
    .reduce((sum, l) => sum + Math.max(0, l.available), 0);
  const stores = locations.filter((l) => l.kind === 'store');
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
      </h3>
      <ul aria-labelledby="store-availability-title" className="mt-2 divide-y divide-stone-100 text-sm">
        {stores.map((store) => (
          <li key={store.locationId} className="flex items-center justify-between gap-3 py-2">
            <span className="flex items-center gap-2">
              <StockDot ok={store.available > 0} />
              {store.name}
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
    </section>
  );
}

function StockDot({ ok }: { ok: boolean }) {
  return (
    <span
      aria-hidden="true"
      className={`size-2.5 shrink-0 rounded-full ${ok ? 'bg-brand-500' : 'bg-stone-300'}`}
    />
  );
}
