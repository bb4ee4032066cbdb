import { getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/ui/data-table';
import type { Locale } from '@/lib/i18n/config';
import { formatDateTime } from '@/lib/i18n/format';
import type { LedgerRow } from '@/lib/inventory/ledger-queries';

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** The ledger's rows: when, what, where, why, the change to on hand and reserved, and who. */
export async function StockLedgerTable({ rows, locale }: { rows: LedgerRow[]; locale: Locale }) {
  const t = await getTranslations('admin.stockLedger');
  const tAdjust = await getTranslations('admin.stock.reasons');
  return (
    <DataTable
      caption={t('title')}
      rows={rows}
      rowKey={(r) => r.id}
      empty={t('empty')}
      columns={[
        { key: 'when', header: t('columns.when'), cell: (r) => <span className="whitespace-nowrap">{formatDateTime(r.createdAt, locale)}</span> },
        {
          key: 'item',
          header: t('columns.item'),
          cell: (r) => (
            <>
              <span className="block font-mono text-xs">{r.sku}</span>
              <span className="block text-xs text-stone-500">{r.productName}</span>
            </>
          ),
        },
        { key: 'location', header: t('columns.location'), cell: (r) => r.locationName },
        {
          key: 'reason',
          header: t('columns.reason'),
          cell: (r) => (
            <>
              <span className="block">{t(`reasons.${r.reason}`)}</span>
              {r.adjustmentReason && <span className="block text-xs text-stone-500">{tAdjust(r.adjustmentReason as 'count')}</span>}
            </>
          ),
        },
        { key: 'onHand', header: t('columns.onHand'), numeric: true, cell: (r) => (r.onHandDelta ? signed(r.onHandDelta) : '—') },
        { key: 'reserved', header: t('columns.reserved'), numeric: true, cell: (r) => (r.reservedDelta ? signed(r.reservedDelta) : '—') },
        {
          key: 'reference',
          header: t('columns.reference'),
          cell: (r) => (
            <>
              <span className="block font-mono text-xs">{r.reference ?? '—'}</span>
              {r.note && <span className="block text-xs text-stone-600">{r.note}</span>}
            </>
          ),
        },
        { key: 'actor', header: t('columns.actor'), cell: (r) => r.actorName ?? '—' },
      ]}
    />
  );
}
