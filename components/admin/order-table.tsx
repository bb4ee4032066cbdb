import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AfterSalesBadge } from '@/components/admin/after-sales-badge';
import { OrderStatusBadge } from '@/components/shop/order-status-badge';
import { DataTable, type DataColumn } from '@/components/ui/data-table';
import type { Locale } from '@/lib/i18n/config';
import { formatDateTime, formatMoney } from '@/lib/i18n/format';
import { sortHref } from '@/lib/order-admin/list-url';
import type { AdminOrderRow } from '@/lib/order-admin/queries';
import type { OrderListFilter, OrderSort, PaymentState } from '@/lib/order-admin/schemas';

const PAYMENT_TONES: Record<PaymentState, string> = {
  unpaid: 'bg-amber-100 text-amber-900',
  paid: 'bg-brand-100 text-brand-800',
  refund_due: 'bg-orange-100 text-orange-900',
};

export function PaymentStateBadge({ state, label }: { state: PaymentState; label: string }) {
  return <span className={`inline-flex rounded-full px-2.5 py-0.5 text-xs font-medium whitespace-nowrap ${PAYMENT_TONES[state]}`}>{label}</span>;
}

/** The admin's list of orders of every channel; the sortable columns' headers are links. */
export async function OrderTable({ rows, filter, locale, empty }: { rows: AdminOrderRow[]; filter: OrderListFilter; locale: Locale; empty: string }) {
  const t = await getTranslations('admin.orders');
  const sortable = (sort: OrderSort, text: string) => {
    const active = filter.sort === sort;
    const arrow = active ? (filter.dir === 'asc' ? '↑' : '↓') : '';
    return (
      <Link
        href={sortHref(filter, sort)}
        aria-label={t('sortBy', { column: text })}
        className="inline-flex min-h-8 items-center gap-1 uppercase underline decoration-stone-300 decoration-dotted underline-offset-4 hover:text-stone-900 hover:decoration-solid"
      >
        {text}
        {active && (
          <>
            <span aria-hidden="true">{arrow}</span>
            <span className="sr-only">{filter.dir === 'asc' ? t('sortedAsc') : t('sortedDesc')}</span>
          </>
        )}
      </Link>
    );
  };
  const columns: DataColumn<AdminOrderRow>[] = [
    {
      key: 'number',
      header: sortable('number', t('columns.number')),
      cell: (o) => (
        <Link href={`/admin/orders/${o.id}`} className="font-medium whitespace-nowrap text-brand-700 hover:underline">
          {o.number}
        </Link>
      ),
    },
    { key: 'placed', header: sortable('placed', t('columns.placed')), cell: (o) => <span className="whitespace-nowrap tabular-nums">{formatDateTime(o.placedAt, locale)}</span> },
    {
      key: 'customer',
      header: t('columns.customer'),
      cell: (o) => (
        <span className="block max-w-64">
          <span className="block font-medium text-stone-900">{o.customerName ?? t('guest')}</span>
          {o.email && <span className="block text-xs break-all text-stone-500">{o.email}</span>}
        </span>
      ),
    },
    {
      key: 'channel',
      header: t('columns.channel'),
      cell: (o) => (
        <span className="whitespace-nowrap">
          {t(`channels.${o.channel}`)} · {t(`fulfilments.${o.fulfilment}`)}
        </span>
      ),
    },
    { key: 'location', header: t('columns.location'), cell: (o) => o.locationName },
    {
      key: 'status',
      header: t('columns.status'),
      cell: (o) => (
        <span className="flex flex-wrap gap-1">
          <OrderStatusBadge status={o.status} />
          <AfterSalesBadge state={o.afterSales} />
        </span>
      ),
    },
    { key: 'payment', header: t('columns.payment'), cell: (o) => <PaymentStateBadge state={o.paymentState} label={t(`paymentStates.${o.paymentState}`)} /> },
    { key: 'total', header: sortable('total', t('columns.total')), numeric: true, cell: (o) => formatMoney(o.totalCents, locale) },
  ];
  return <DataTable caption={t('listLabel')} columns={columns} rows={rows} rowKey={(o) => o.id} empty={empty} />;
}
