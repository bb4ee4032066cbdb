import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { OrderLookupForm } from '@/components/counter/order-lookup-form';
import { OrderStatusBadge } from '@/components/shop/order-status-badge';
import { DataTable } from '@/components/ui/data-table';
import { COUNTER_ROLES, requirePageRole } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { formatDateTime, formatMoney } from '@/lib/i18n/format';
import { getLocale } from '@/lib/i18n/locale';
import { lookUpOrdersForCounter } from '@/lib/order-admin/queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('counter.orderLookup'))('title') };
}

/** Any order of any channel and store, found by its number, email or phone: to help the customer at the counter. */
export default async function CounterOrdersPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const actor = await requirePageRole(COUNTER_ROLES, '/counter/orders');
  const [t, tOrders, locale, params] = await Promise.all([getTranslations('counter.orderLookup'), getTranslations('admin.orders'), getLocale(), searchParams]);
  const term = (typeof params.q === 'string' ? params.q : '').trim().slice(0, 100);
  const found = term ? await lookUpOrdersForCounter(getDb(), actor, term) : [];

  return (
    <div className="mx-auto max-w-5xl space-y-4">
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <OrderLookupForm term={term} />
      {term && (
        <section aria-labelledby="lookup-results" className="space-y-2">
          <h2 id="lookup-results" className="text-lg font-semibold">
            {t('results', { term, count: found.length })}
          </h2>
          <DataTable
            caption={t('resultsLabel')}
            rows={found}
            rowKey={(o) => o.id}
            empty={t('notFound', { term })}
            columns={[
              {
                key: 'number',
                header: t('columns.number'),
                cell: (o) => (
                  // No prefetch: opening an order is a recorded look-up, a prefetch must not count as one.
                  <Link href={`/counter/orders/${o.id}`} prefetch={false} className="inline-flex min-h-11 items-center text-base font-semibold whitespace-nowrap text-brand-700 hover:underline">
                    {o.number}
                  </Link>
                ),
              },
              { key: 'placed', header: t('columns.placed'), cell: (o) => <span className="whitespace-nowrap">{formatDateTime(o.placedAt, locale)}</span> },
              { key: 'customer', header: t('columns.customer'), cell: (o) => o.customerName ?? tOrders('guest') },
              {
                key: 'location',
                header: t('columns.location'),
                cell: (o) => (
                  <>
                    <span className="block">{o.locationName}</span>
                    <span className="block text-sm text-stone-500">
                      {tOrders(`channels.${o.channel}`)} · {tOrders(`fulfilments.${o.fulfilment}`)}
                    </span>
                  </>
                ),
              },
              { key: 'status', header: t('columns.status'), cell: (o) => <OrderStatusBadge status={o.status} /> },
              { key: 'total', header: t('columns.total'), numeric: true, cell: (o) => <span className="whitespace-nowrap">{formatMoney(o.totalCents, locale)}</span> },
            ]}
          />
        </section>
      )}
    </div>
  );
}
