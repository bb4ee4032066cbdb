import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { buttonClass } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table';
import type { LocationStock } from '@/lib/inventory/queries';

/**
 * Each other location's available stock of the variant, with the two ways to sell it from there:
 * for delivery to the customer, or for pickup in this store (a transfer to here).
 */
export function EndlessAisleStock({ variantId, locations, chosen }: { variantId: number; locations: LocationStock[]; chosen?: { from: number; fulfilment: string } }) {
  const t = useTranslations('counter.endlessAisle');
  const href = (from: number, fulfilment: 'pickup' | 'delivery') => `/counter/endless-aisle?variant=${variantId}&from=${from}&fulfilment=${fulfilment}`;
  const name = (l: LocationStock) => (l.kind === 'warehouse' ? t('warehouse') : l.name);
  return (
    <DataTable
      caption={t('stockTitle')}
      captionHidden={false}
      rows={locations}
      rowKey={(l) => l.locationId}
      empty={t('noLocations')}
      rowClassName={(l) => (chosen?.from === l.locationId ? 'bg-brand-50' : undefined)}
      columns={[
        { key: 'location', header: t('columns.location'), cell: (l) => <span className="text-base font-medium text-stone-900">{name(l)}</span> },
        { key: 'available', header: t('columns.available'), numeric: true, cell: (l) => <span className="text-lg font-semibold">{l.available}</span> },
        {
          key: 'actions',
          header: t('columns.actions'),
          headerHidden: true,
          cell: (l) =>
            l.available > 0 ? (
              <div className="flex flex-wrap justify-end gap-2">
                <Link href={href(l.locationId, 'pickup')} aria-label={t('pickupFrom', { location: name(l) })} className={buttonClass('primary', 'lg')}>
                  {t('pickup')}
                </Link>
                <Link href={href(l.locationId, 'delivery')} aria-label={t('deliveryFrom', { location: name(l) })} className={buttonClass('secondary', 'lg')}>
                  {t('delivery')}
                </Link>
              </div>
            ) : (
              <span className="text-sm text-stone-500">{t('noneThere')}</span>
            ),
        },
      ]}
    />
  );
}
