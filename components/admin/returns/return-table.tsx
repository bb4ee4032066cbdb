import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ReturnStatusBadge } from '@/components/shop/returns/return-status-badge';
import { DataTable } from '@/components/ui/data-table';
import type { Locale } from '@/lib/i18n/config';
import { formatDateTime, formatMoney } from '@/lib/i18n/format';
import type { ReturnListPage } from '@/lib/returns/queries';

/** The admin's returns: RMA, order, customer, how and where it comes back, status, units, refund, requested. */
export async function ReturnTable({ rows, locale, filtered }: { rows: ReturnListPage['rows']; locale: Locale; filtered: boolean }) {
  const t = await getTranslations('admin.returns');
  return (
    <DataTable
      caption={t('title')}
      rows={rows}
      rowKey={(r) => r.id}
      empty={filtered ? t('emptyFiltered') : t('empty')}
      columns={[
        {
          key: 'number',
          header: t('columns.number'),
          cell: (r) => (
            <Link href={`/admin/returns/${r.id}`} className="font-mono font-medium text-brand-700 hover:underline">
              {r.number}
            </Link>
          ),
        },
        {
          key: 'order',
          header: t('columns.order'),
          cell: (r) => (
            <Link href={`/admin/orders/${r.orderId}`} className="font-mono text-brand-700 hover:underline">
              {r.orderNumber}
            </Link>
          ),
        },
        { key: 'customer', header: t('columns.customer'), cell: (r) => r.customer ?? t('guest') },
        { key: 'method', header: t('columns.method'), cell: (r) => t(`methods.${r.method}`) },
        { key: 'location', header: t('columns.location'), cell: (r) => r.locationName ?? t('anyStore') },
        { key: 'status', header: t('columns.status'), cell: (r) => <ReturnStatusBadge status={r.status} /> },
        { key: 'units', header: t('columns.units'), numeric: true, cell: (r) => r.units },
        { key: 'refund', header: t('columns.refund'), numeric: true, cell: (r) => formatMoney(r.refundTotalCents, locale) },
        { key: 'requested', header: t('columns.requested'), cell: (r) => <span className="whitespace-nowrap">{formatDateTime(r.requestedAt, locale)}</span> },
      ]}
    />
  );
}
