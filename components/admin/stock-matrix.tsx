import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/card';
import { DataTable, type DataColumn } from '@/components/ui/data-table';
import type { AdminStockRow } from '@/lib/inventory/admin-stock';
import { StockCell } from './stock-cell';

export interface StockMatrixColumn {
  id: number;
  /** Short header ("Warehouse", "Utrecht"); the full name goes in the cell labels. */
  label: string;
  name: string;
}

/**
 * The per-location stock matrix: one row per variant, a column per location (available units; a cell
 * opens its adjustment dialog), what is in transit, and the total available.
 */
export async function StockMatrix({
  rows,
  columns,
  defaultThreshold,
}: {
  rows: AdminStockRow[];
  columns: StockMatrixColumn[];
  defaultThreshold: number;
}) {
  const t = await getTranslations('admin.stock');
  const tColor = await getTranslations('shop.colors');
  const colour = (c: string | null) => (c && tColor.has(c as never) ? tColor(c as never) : c);
  const tableColumns: DataColumn<AdminStockRow>[] = [
    {
      key: 'product',
      header: t('columns.product'),
      cell: (r) => (
        <div className="min-w-40">
          <span className="block font-medium text-stone-900">{r.productName}</span>
          <span className="block text-xs text-stone-500">
            {[r.size, colour(r.color)].filter(Boolean).join(' / ') || '—'} · {r.brand}
          </span>
          {!r.active && <Badge tone="neutral">{t('inactive')}</Badge>}
          {r.low && <span className="sr-only">, {t('lowStock')}</span>}
        </div>
      ),
    },
    { key: 'sku', header: t('columns.sku'), cell: (r) => <span className="font-mono text-xs whitespace-nowrap">{r.sku}</span> },
    ...columns.map(
      (c): DataColumn<AdminStockRow> => ({
        key: `loc-${c.id}`,
        header: <span title={c.name}>{c.label}</span>,
        numeric: true,
        cell: (r) => {
          const level = r.levels[c.id];
          return (
            <StockCell
              defaultThreshold={defaultThreshold}
              position={{
                variantId: r.variantId,
                locationId: c.id,
                sku: r.sku,
                locationName: c.name,
                onHand: level?.onHand ?? 0,
                reserved: level?.reserved ?? 0,
                available: level?.available ?? 0,
                threshold: level?.threshold ?? null,
                status: level?.status ?? 'none',
              }}
            />
          );
        },
      }),
    ),
    {
      key: 'transit',
      header: t('columns.inTransit'),
      numeric: true,
      cell: (r) => (r.inTransit > 0 ? <span className="font-medium text-sky-800">{r.inTransit}</span> : <span className="text-stone-400">0</span>),
    },
    {
      key: 'total',
      header: t('columns.total'),
      numeric: true,
      cell: (r) => <span className={`font-semibold ${r.totalAvailable <= 0 ? 'text-red-700' : ''}`}>{r.totalAvailable}</span>,
    },
  ];
  return (
    <DataTable
      caption={t('tableLabel')}
      columns={tableColumns}
      rows={rows}
      rowKey={(r) => r.variantId}
      rowClassName={(r) => (r.active ? undefined : 'text-stone-500')}
      empty={t('empty')}
    />
  );
}
