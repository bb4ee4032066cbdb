import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ReturnForm } from '@/components/counter/returns/return-form';
import { StoreGate } from '@/components/counter/store-gate';
import { TillBanner } from '@/components/counter/till-banner';
import { OrderStatusBadge } from '@/components/shop/order-status-badge';
import { ButtonLink } from '@/components/ui/button';
import { COUNTER_ROLES, requirePageRole } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { formatDate, formatDateTime, formatMoney } from '@/lib/i18n/format';
import { getLocale } from '@/lib/i18n/locale';
import { recordOrderLookup } from '@/lib/order-admin/mutations';
import { getCounterStore } from '@/lib/orders/counter-session';
import { listExchangeOptions } from '@/lib/returns/counter-queries';
import { getReturnableOrder } from '@/lib/returns/queries';
import { EXCHANGE_PROVIDER_METHOD } from '@/lib/returns/exchange-payment';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('counter.returns'))('title') };
}

const card = 'rounded-2xl bg-white p-4 shadow-sm ring-1 ring-stone-200';

/**
 * One order's return at this counter: what can still come back (the domain says how many, and whether
 * the window is open), earlier returns, and the return/exchange form. Opening it is a recorded look-up.
 */
export default async function CounterReturnOrderPage({ params }: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await params;
  const actor = await requirePageRole(COUNTER_ROLES, `/counter/returns/orders/${encodeURIComponent(orderId)}`);
  if (!/^[0-9a-f-]{36}$/i.test(orderId)) notFound();
  const db = getDb();
  const store = await getCounterStore(db, actor);
  if (!store) return <StoreGate actor={actor} />;
  const [t, tErrors, tMethods, tOrders, locale] = await Promise.all([
    getTranslations('counter.returns'),
    getTranslations('errors'),
    getTranslations('counter.zReport.methods'),
    getTranslations('admin.orders'),
    getLocale(),
  ]);
  const data = await getReturnableOrder(db, orderId, new Date());
  if (!data) notFound();
  await recordOrderLookup(db, actor, data.order);
  const { order } = data;
  const options = data.returnable ? await listExchangeOptions(db, { productIds: data.lines.map((l) => l.productId), storeId: store.id, locale }) : [];
  const methodName = (m: string) => (tMethods.has(m as never) ? tMethods(m as never) : m);
  const originalMethods = [...new Set(data.payments.filter((p) => p.providerMethod !== EXCHANGE_PROVIDER_METHOD).map((p) => methodName(p.method)))];

  return (
    <div className="mx-auto max-w-5xl space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t('orderTitle', { number: order.number })}</h1>
          <p className="text-stone-600">
            {tOrders(`channels.${order.channel}`)} · {t('placedOn', { date: formatDateTime(order.placedAt, locale) })} · {order.customer ?? tOrders('guest')}
            {order.email ? ` · ${order.email}` : ''}
          </p>
        </div>
        <div className="flex items-center gap-3">
          <OrderStatusBadge status={order.status} large />
          <ButtonLink href="/counter/returns" variant="secondary" size="lg">
            {t('findAnother')}
          </ButtonLink>
        </div>
      </div>

      <p className={`${card} text-base`}>
        {data.window.endsAt
          ? data.window.open
            ? t('windowOpen', { date: formatDate(data.window.endsAt, locale) })
            : t('windowClosed', { date: formatDate(data.window.endsAt, locale) })
          : t('windowNotStarted')}
      </p>

      {data.returns.length > 0 && (
        <section aria-labelledby="earlier-returns" className={card}>
          <h2 id="earlier-returns" className="text-lg font-semibold">
            {t('earlierReturns')}
          </h2>
          <ul className="mt-2 divide-y divide-stone-100">
            {data.returns.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <Link href={`/counter/returns/${r.id}`} className="inline-flex min-h-11 items-center font-semibold text-brand-700 hover:underline">
                  {r.number}
                </Link>
                <span className="text-stone-600">
                  {t(`status.${r.status}`)} · {t('units', { count: r.units })} · {formatMoney(r.refundTotalCents, locale)}
                  {r.locationName ? ` · ${r.locationName}` : ''}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {data.returnable ? (
        <>
          <TillBanner actor={actor} />
          <ReturnForm
            orderId={order.id}
            lines={data.lines}
            options={options}
            hasCustomer={order.customerId !== null}
            originalMethods={originalMethods}
            keys={{ refund: randomUUID(), exchange: randomUUID() }}
          />
        </>
      ) : (
        <div role="status" className="rounded-2xl bg-amber-50 p-5 text-lg text-amber-900 ring-1 ring-amber-200">
          {tErrors.has((data.refusal ?? 'invalidState') as never) ? tErrors((data.refusal ?? 'invalidState') as never) : t('notReturnable')}
        </div>
      )}
    </div>
  );
}
