import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import type { AdminProductRow } from '@/lib/catalog/admin-queries';
import { formatMoney } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/config';

/** The admin product list: name and brand, category, variants, price range (in effect now), status. */
export async function ProductsTable({ rows, locale }: { rows: AdminProductRow[]; locale: Locale }) {
  const t = await getTranslations('admin.catalog');
  const price = (r: AdminProductRow) => {
    if (r.minPriceCents === null || r.maxPriceCents === null) return '—';
    const min = formatMoney(r.minPriceCents, locale);
    return r.minPriceCents === r.maxPriceCents ? min : `${min} – ${formatMoney(r.maxPriceCents, locale)}`;
  };
  return (
    <DataTable
      caption={t('list.caption')}
      rows={rows}
      rowKey={(r) => r.id}
      empty={t('list.empty')}
      columns={[
        {
          key: 'product',
          header: t('list.columns.product'),
          cell: (r) => (
            <Link href={`/admin/products/${r.id}`} className="font-medium text-stone-900 hover:underline">
              {r.name}
            </Link>
          ),
        },
        { key: 'brand', header: t('list.columns.brand'), cell: (r) => r.brand },
        { key: 'category', header: t('list.columns.category'), cell: (r) => r.categoryName },
        { key: 'variants', header: t('list.columns.variants'), numeric: true, cell: (r) => r.variantCount },
        { key: 'price', header: t('list.columns.price'), numeric: true, cell: price },
        {
          key: 'status',
          header: t('list.columns.status'),
          cell: (r) => <Badge tone={r.active ? 'brand' : 'neutral'}>{r.active ? t('status.active') : t('status.inactive')}</Badge>,
        },
        {
          key: 'actions',
          header: t('list.columns.actions'),
          headerHidden: true,
          className: 'text-right',
          cell: (r) => (
            <Link
              href={`/admin/products/${r.id}`}
              aria-label={t('list.editLabel', { name: r.name })}
              className="inline-flex min-h-11 items-center px-2 text-sm font-medium text-brand-700 hover:underline"
            >
              {t('list.edit')}
            </Link>
          ),
        },
      ]}
    />
  );
}
