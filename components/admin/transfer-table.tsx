import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/ui/data-table';
import type { Locale } from '@/lib/i18n/config';
import { formatDateTime } from '@/lib/i18n/format';
import type { TransferSummaryDto } from '@/lib/transfers/queries';
import { TransferActionButton } from './transfer-action-button';
import { TransferStatusBadge } from './transfer-status-badge';

/** The admin's transfer list: number, route, status, units (received where counted), order, and the next step. */
export async function TransferTable({ rows, locale, filtered = false }: { rows: TransferSummaryDto[]; locale: Locale; filtered?: boolean }) {
  const t = await getTranslations('admin.transfers');
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
            <Link href={`/admin/transfers/${r.id}`} className="font-mono font-medium text-brand-700 hover:underline">
              {r.number}
            </Link>
          ),
        },
        { key: 'route', header: t('columns.route'), cell: (r) => t('route', { from: r.fromName, to: r.toName }) },
        { key: 'status', header: t('columns.status'), cell: (r) => <TransferStatusBadge status={r.status} /> },
        {
          key: 'units',
          header: t('columns.units'),
          numeric: true,
          cell: (r) => (r.receivedUnits !== null && r.status === 'received' ? t('unitsReceived', { received: r.receivedUnits, units: r.units }) : r.units),
        },
        { key: 'order', header: t('columns.order'), cell: (r) => r.orderNumber ?? '—' },
        { key: 'created', header: t('columns.created'), cell: (r) => <span className="whitespace-nowrap">{formatDateTime(r.createdAt, locale)}</span> },
        {
          key: 'actions',
          header: t('columns.actions'),
          headerHidden: true,
          cell: (r) => (
            <div className="flex flex-wrap gap-2">
              {r.status === 'requested' && (
                <>
                  <TransferActionButton transferId={r.id} kind="ship" label={t('ship', { number: r.number })} />
                  <TransferActionButton transferId={r.id} kind="cancel" label={t('cancel', { number: r.number })} />
                </>
              )}
              {r.status === 'in_transit' && (
                <Link href={`/admin/transfers/${r.id}`} className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 hover:underline">
                  {t('receiveLink', { number: r.number })}
                </Link>
              )}
            </div>
          ),
        },
      ]}
    />
  );
}
