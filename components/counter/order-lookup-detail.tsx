import { getTranslations } from 'next-intl/server';
import { OrderStatusBadge } from '@/components/shop/order-status-badge';
import { DataTable } from '@/components/ui/data-table';
import type { Locale } from '@/lib/i18n/config';
import { formatDateTime, formatMoney } from '@/lib/i18n/format';
import type { CounterOrderDto } from '@/lib/order-admin/detail-queries';

const card = 'rounded-2xl bg-white p-4 shadow-sm ring-1 ring-stone-200';

/** A clerk's read-only view of any order: the goods, where they are to be collected or sent, what happened. */
export async function OrderLookupDetail({ order, locale }: { order: CounterOrderDto; locale: Locale }) {
  const [t, tOrders, tOrder] = await Promise.all([getTranslations('counter.orderLookup'), getTranslations('admin.orders'), getTranslations('shop.order')]);
  const money = (cents: number) => formatMoney(cents, locale);
  return (
    <div className="grid items-start gap-4 lg:grid-cols-[1fr_20rem]">
      <div className="space-y-4">
        <section aria-labelledby="lookup-lines" className="space-y-2">
          <h2 id="lookup-lines" className="text-lg font-semibold">
            {t('items')}
          </h2>
          <DataTable
            caption={t('items')}
            rows={order.lines}
            rowKey={(l) => l.id}
            empty={t('noItems')}
            columns={[
              {
                key: 'item',
                header: t('columns.item'),
                cell: (l) => (
                  <>
                    <span className="block text-base font-medium">{l.productName}</span>
                    <span className="block text-sm text-stone-500">{[l.variantLabel, l.sku].filter(Boolean).join(' · ')}</span>
                    {l.discountCents > 0 && l.promotionName && <span className="block text-sm text-accent-600">{l.promotionName}: −{money(l.discountCents)}</span>}
                  </>
                ),
              },
              { key: 'quantity', header: t('columns.quantity'), numeric: true, cell: (l) => l.quantity },
              { key: 'total', header: t('columns.total'), numeric: true, cell: (l) => money(l.lineTotalCents) },
            ]}
          />
          <p className="text-right text-base font-semibold">{t('orderTotal', { total: money(order.totalCents) })}</p>
        </section>

        <section aria-labelledby="lookup-timeline" className={card}>
          <h2 id="lookup-timeline" className="text-lg font-semibold">
            {tOrder('timeline')}
          </h2>
          <ol className="mt-3 space-y-3 border-l-2 border-stone-200 pl-4">
            {order.events.map((e, i) => (
              <li key={i}>
                <p className="font-medium">{tOrder(`events.${e.type as 'placed'}`)}</p>
                <p className="text-sm text-stone-500">
                  <time dateTime={e.createdAt.toISOString()}>{formatDateTime(e.createdAt, locale)}</time>
                </p>
              </li>
            ))}
          </ol>
        </section>
      </div>

      <aside className="space-y-4" aria-label={t('aboutOrder')}>
        <section className={card}>
          <p className="flex items-center gap-2">
            <span className="text-stone-600">{tOrder('status')}:</span> <OrderStatusBadge status={order.status} large />
          </p>
          <p className="mt-2 text-sm text-stone-600">
            {tOrders(`channels.${order.channel}`)} · {tOrders(`fulfilments.${order.fulfilment}`)} · {order.paid ? t('paid') : t('notPaid')}
          </p>
          <h2 className="mt-4 font-semibold">{order.fulfilment === 'pickup' ? t('collectAt') : order.fulfilment === 'delivery' ? t('deliveredTo') : t('soldAt')}</h2>
          {order.fulfilment === 'pickup' && order.pickupLocation ? (
            <address className="text-base not-italic">
              <span className="font-medium">{order.pickupLocation.name}</span>
              <br />
              {order.pickupLocation.street}, {order.pickupLocation.postcode} {order.pickupLocation.city}
            </address>
          ) : order.fulfilment === 'delivery' ? (
            <p>{t('deliveryFrom', { city: order.deliveryCity ?? '—', location: order.stockLocation.name })}</p>
          ) : (
            <p>{order.stockLocation.name}</p>
          )}
          {order.trackingNumber && (
            <p className="mt-3">
              <span className="font-medium">{t('tracking', { carrier: order.carrier ?? '—' })}</span>
              <br />
              {order.trackingUrl ? (
                <a href={order.trackingUrl} target="_blank" rel="noopener noreferrer" className="font-mono text-brand-700 hover:underline">
                  {order.trackingNumber}
                </a>
              ) : (
                <span className="font-mono">{order.trackingNumber}</span>
              )}
            </p>
          )}
        </section>
        <section className={card}>
          <h2 className="font-semibold">{t('customer')}</h2>
          <p className="mt-1 text-base">{order.customerName ?? tOrders('guest')}</p>
          <p className="text-sm break-all text-stone-600">{[order.email, order.phone].filter(Boolean).join(' · ')}</p>
        </section>
      </aside>
    </div>
  );
}
