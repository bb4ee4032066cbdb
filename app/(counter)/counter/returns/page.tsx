import type { Metadata } from 'next';
import Form from 'next/form';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ReturnBarcodeScanner } from '@/components/counter/returns/barcode-scanner';
import { OrderStatusBadge } from '@/components/shop/order-status-badge';
import { Button } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table';
import { inputClass } from '@/components/ui/field';
import { COUNTER_ROLES, requirePageRole } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { formatDateTime, formatMoney } from '@/lib/i18n/format';
import { getLocale } from '@/lib/i18n/locale';
import { lookUpOrdersForCounter } from '@/lib/order-admin/queries';
import { findOrderForReturn, getReturnByNumber } from '@/lib/returns/queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('counter.returns'))('title') };
}

/**
 * Returns at the counter: ANY order (web or counter, any store) found by its number, an RMA, the
 * barcode of the receipt / order page (a scanner types it + Enter), the customer's email or phone.
 * An exact number opens the order's return screen at once; an RMA started online opens that return.
 */
export default async function CounterReturnsPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const actor = await requirePageRole(COUNTER_ROLES, '/counter/returns');
  const [t, tOrders, locale, params] = await Promise.all([getTranslations('counter.returns'), getTranslations('admin.orders'), getLocale(), searchParams]);
  const term = (typeof params.q === 'string' ? params.q : '').trim().slice(0, 100);
  const db = getDb();
  let found: Awaited<ReturnType<typeof lookUpOrdersForCounter>> = [];
  if (term) {
    if (/^R-?\d{4,12}$/i.test(term)) {
      const rma = await getReturnByNumber(db, `R-${term.replace(/^R-?/i, '')}`);
      if (rma) redirect(`/counter/returns/${rma.id}`);
    }
    const orderId = await findOrderForReturn(db, term);
    if (orderId) redirect(`/counter/returns/orders/${orderId}`);
    found = await lookUpOrdersForCounter(db, actor, term);
  }

  return (
    <div className="mx-auto max-w-5xl space-y-4">
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <div className="grid gap-4 md:grid-cols-[minmax(0,1fr)_16rem] md:items-start">
        <Form action="/counter/returns" className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-stone-200">
          <label htmlFor="return-lookup" className="mb-1.5 block text-base font-semibold text-stone-800">
            {t('findLabel')}
          </label>
          <div className="flex gap-2">
            <input
              id="return-lookup"
              name="q"
              type="search"
              defaultValue={term}
              key={term}
              autoFocus
              autoComplete="off"
              spellCheck={false}
              enterKeyHint="search"
              aria-describedby="return-lookup-hint"
              className={`${inputClass} h-16 text-lg`}
            />
            <Button type="submit" size="xl">
              {t('find')}
            </Button>
          </div>
          <p id="return-lookup-hint" className="mt-1 text-sm text-stone-500">
            {t('findHint')}
          </p>
        </Form>
        <div className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-stone-200">
          <ReturnBarcodeScanner />
        </div>
      </div>

      {term && (
        <section aria-labelledby="return-results" className="space-y-2">
          <h2 id="return-results" className="text-lg font-semibold">
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
                  <Link href={`/counter/returns/orders/${o.id}`} prefetch={false} className="inline-flex min-h-11 items-center text-base font-semibold whitespace-nowrap text-brand-700 hover:underline">
                    {o.number}
                  </Link>
                ),
              },
              { key: 'placed', header: t('columns.placed'), cell: (o) => <span className="whitespace-nowrap">{formatDateTime(o.placedAt, locale)}</span> },
              { key: 'customer', header: t('columns.customer'), cell: (o) => o.customerName ?? tOrders('guest') },
              { key: 'channel', header: t('columns.channel'), cell: (o) => `${tOrders(`channels.${o.channel}`)} · ${o.locationName}` },
              { key: 'status', header: t('columns.status'), cell: (o) => <OrderStatusBadge status={o.status} /> },
              { key: 'total', header: t('columns.total'), numeric: true, cell: (o) => <span className="whitespace-nowrap">{formatMoney(o.totalCents, locale)}</span> },
            ]}
          />
        </section>
      )}
    </div>
  );
}
