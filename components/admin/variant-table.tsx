import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import type { AdminVariantDto } from '@/lib/catalog/admin-queries';
import { setVariantActiveAction } from '@/lib/catalog/product-actions';
import { formatDateTime, formatMoney } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/config';
import { ProductInlineAction } from './product-inline-action';

/** A product's variants: codes, options, the price in effect now and the next scheduled one, status. */
export async function VariantsTable({
  productId,
  variants,
  locale,
  colorLabel,
}: {
  productId: number;
  variants: AdminVariantDto[];
  locale: Locale;
  colorLabel: (color: string) => string;
}) {
  const t = await getTranslations('admin.catalog');
  const editHref = (v: AdminVariantDto) => `/admin/products/${productId}/variants/${v.id}`;
  return (
    <DataTable
      caption={t('variant.caption')}
      rows={variants}
      rowKey={(v) => v.id}
      empty={t('variant.empty')}
      rowClassName={(v) => (v.active ? undefined : 'bg-stone-50 text-stone-500')}
      columns={[
        {
          key: 'sku',
          header: t('variant.columns.sku'),
          cell: (v) => (
            <Link href={editHref(v)} className="font-mono font-medium text-stone-900 hover:underline">
              {v.sku}
            </Link>
          ),
        },
        { key: 'ean', header: t('variant.columns.ean'), cell: (v) => <span className="font-mono">{v.ean}</span> },
        { key: 'size', header: t('variant.columns.size'), cell: (v) => v.size ?? t('variant.none') },
        { key: 'color', header: t('variant.columns.color'), cell: (v) => (v.color ? colorLabel(v.color) : t('variant.none')) },
        { key: 'price', header: t('variant.columns.price'), numeric: true, cell: (v) => formatMoney(v.priceCents, locale) },
        {
          key: 'next',
          header: t('variant.columns.next'),
          cell: (v) =>
            v.next
              ? t('variant.nextPrice', { price: formatMoney(v.next.priceCents, locale), date: formatDateTime(v.next.startsAt, locale) })
              : t('variant.none'),
        },
        {
          key: 'status',
          header: t('variant.columns.status'),
          cell: (v) => <Badge tone={v.active ? 'brand' : 'neutral'}>{v.active ? t('status.active') : t('status.inactive')}</Badge>,
        },
        {
          key: 'actions',
          header: t('variant.columns.actions'),
          headerHidden: true,
          className: 'text-right whitespace-nowrap',
          cell: (v) => (
            <div className="flex items-start justify-end gap-2">
              <Link
                href={editHref(v)}
                aria-label={t('variant.editLabel', { sku: v.sku })}
                className="inline-flex min-h-11 items-center px-2 text-sm font-medium text-brand-700 hover:underline"
              >
                {t('variant.edit')}
              </Link>
              <ProductInlineAction
                action={setVariantActiveAction}
                fields={{ id: String(v.id), active: String(!v.active) }}
                label={v.active ? t('variant.deactivate') : t('variant.activate')}
                ariaLabel={v.active ? t('variant.deactivateLabel', { sku: v.sku }) : t('variant.activateLabel', { sku: v.sku })}
                tone={v.active ? 'danger' : 'secondary'}
              />
            </div>
          ),
        },
      ]}
    />
  );
}
