import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import type { PriceChangeDto } from '@/lib/catalog/admin-queries';
import { cancelPriceChangeAction } from '@/lib/catalog/price-change-actions';
import { formatDateTime, formatMoney } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/config';
import { ProductInlineAction } from './product-inline-action';

const TONE = { scheduled: 'accent', in_effect: 'brand', past: 'neutral', cancelled: 'neutral', replaced: 'neutral' } as const;

/** A variant's scheduled price changes (newest start first); a pending one can be cancelled. */
export async function VariantPriceChanges({ changes, locale }: { changes: PriceChangeDto[]; locale: Locale }) {
  const t = await getTranslations('admin.catalog.schedule');
  return (
    <DataTable
      caption={t('caption')}
      rows={changes}
      rowKey={(c) => c.id}
      empty={t('empty')}
      columns={[
        { key: 'startsAt', header: t('columns.startsAt'), cell: (c) => formatDateTime(c.startsAt, locale) },
        { key: 'price', header: t('columns.price'), numeric: true, cell: (c) => formatMoney(c.priceCents, locale) },
        { key: 'status', header: t('columns.status'), cell: (c) => <Badge tone={TONE[c.status]}>{t(`statuses.${c.status}`)}</Badge> },
        {
          key: 'actions',
          header: t('columns.actions'),
          headerHidden: true,
          className: 'text-right',
          cell: (c) =>
            c.status === 'scheduled' ? (
              <ProductInlineAction
                action={cancelPriceChangeAction}
                fields={{ id: String(c.id) }}
                label={t('cancel')}
                ariaLabel={t('cancelLabel', { price: formatMoney(c.priceCents, locale), date: formatDateTime(c.startsAt, locale) })}
                tone="danger"
              />
            ) : null,
        },
      ]}
    />
  );
}
