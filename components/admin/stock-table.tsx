import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/card';
import type { Locale } from '@/lib/i18n/config';
import { formatMoney } from '@/lib/i18n/format';
import { LOW_STOCK_THRESHOLD, type AdminStockRow } from '@/lib/inventory/admin-stock';

export interface StockColumn {
  id: number;
  /** Short header ("Warehouse", "Amsterdam"); the full name goes in the title. */
  label: string;
  name: string;
}

/** One stock number, marked when it is zero (out of stock) or low; the mark is also spoken. */
function StockCell({
  units,
  outLabel,
  lowLabel,
  strong = false,
}: {
  units: number;
  outLabel: string;
  lowLabel: string;
  strong?: boolean;
}) {
  const out = units <= 0;
  const low = !out && units <= LOW_STOCK_THRESHOLD;
  const tone = out ? 'bg-red-50 text-red-800' : low ? 'bg-amber-50 text-amber-900' : '';
  return (
    <td
      className={`px-2.5 py-2 text-right tabular-nums ${tone} ${strong ? 'border-l border-stone-200 font-semibold' : ''}`}
    >
      {out ? (
        <span className="inline-flex items-center justify-end gap-1">
          <span aria-hidden="true" className="size-1.5 rounded-full bg-red-600" />
          {units}
          <span className="sr-only">, {outLabel}</span>
        </span>
      ) : (
        <>
          {units}
          {low && <span className="sr-only">, {lowLabel}</span>}
        </>
      )}
    </td>
  );
}

/** Products & stock: one row per variant, a column per location, totals at the end. */
export async function StockTable({
  rows,
  columns,
  locale,
}: {
  rows: AdminStockRow[];
  columns: StockColumn[];
  locale: Locale;
}) {
  const t = await getTranslations('admin.products');
  const tColor = await getTranslations('shop.colors');
  const colour = (c: string | null) => (c && tColor.has(c as never) ? tColor(c as never) : c);
  return (
    <div className="relative overflow-x-auto rounded-2xl bg-white shadow-sm ring-1 ring-stone-200">
      <table className="w-full min-w-[56rem] text-left text-sm">
        <caption className="sr-only">{t('tableLabel')}</caption>
        <thead className="border-b border-stone-200 bg-stone-50 text-xs font-semibold whitespace-nowrap text-stone-600">
          <tr>
            <th scope="col" className="px-2.5 py-3">
              {t('columns.product')}
            </th>
            <th scope="col" className="px-2.5 py-3">
              {t('columns.sku')}
            </th>
            <th scope="col" className="px-2.5 py-3">
              {t('columns.ean')}
            </th>
            <th scope="col" className="px-2.5 py-3">
              {t('columns.variant')}
            </th>
            <th scope="col" className="px-2.5 py-3 text-right">
              {t('columns.price')}
            </th>
            {columns.map((c) => (
              <th key={c.id} scope="col" title={c.name} className="px-2.5 py-3 text-right">
                {c.label}
              </th>
            ))}
            <th scope="col" className="border-l border-stone-200 px-2.5 py-3 text-right">
              {t('columns.total')}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {rows.map((r, i) => {
            // Variants of one product sit together: the name is shown once, repeated only for screen readers.
            const first = i === 0 || rows[i - 1].productId !== r.productId;
            return (
              <tr
                key={r.variantId}
                className={`${r.active ? '' : 'text-stone-500'} ${first && i > 0 ? 'border-t border-t-stone-300' : ''}`}
              >
                <th scope="row" className="min-w-44 px-2.5 py-2 font-medium text-stone-900">
                  <span className={first ? 'block' : 'sr-only'}>{r.productName}</span>
                  {first && <span className="block text-xs font-normal text-stone-500">{r.brand}</span>}
                  {!r.active && <Badge tone="neutral">{t('inactive')}</Badge>}
                </th>
                <td className="px-2.5 py-2 font-mono text-xs whitespace-nowrap">{r.sku}</td>
                <td className="px-2.5 py-2 font-mono text-xs whitespace-nowrap text-stone-600">{r.ean}</td>
                <td className="px-2.5 py-2 whitespace-nowrap">
                  {[r.size, colour(r.color)].filter(Boolean).join(' / ') || '—'}
                </td>
                <td className="px-2.5 py-2 text-right whitespace-nowrap tabular-nums">
                  {formatMoney(r.priceCents, locale)}
                </td>
                {columns.map((c) => (
                  <StockCell
                    key={c.id}
                    units={r.available[c.id] ?? 0}
                    outLabel={t('outOfStock')}
                    lowLabel={t('lowStock')}
                  />
                ))}
                <StockCell
                  units={r.totalAvailable}
                  outLabel={t('outOfStock')}
                  lowLabel={t('lowStock')}
                  strong
                />
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
