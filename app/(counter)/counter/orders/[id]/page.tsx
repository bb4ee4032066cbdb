import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { OrderLookupDetail } from '@/components/counter/order-lookup-detail';
import { ButtonLink } from '@/components/ui/button';
import { COUNTER_ROLES, requirePageRole } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { formatDateTime } from '@/lib/i18n/format';
import { getLocale } from '@/lib/i18n/locale';
import { getCounterOrderDetail } from '@/lib/order-admin/detail-queries';
import { recordOrderLookup } from '@/lib/order-admin/mutations';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('counter.orderLookup'))('title') };
}

/**
 * Any order, read-only, for the clerk helping its customer (a web order, another store's sale).
 * Opening it is recorded in the audit log: who looked at whose order, and when.
 */
export default async function CounterOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageRole(COUNTER_ROLES, `/counter/orders/${encodeURIComponent(id)}`);
  const db = getDb();
  const order = await getCounterOrderDetail(db, actor, id);
  if (!order) notFound();
  await recordOrderLookup(db, actor, order);
  const [t, locale] = await Promise.all([getTranslations('counter.orderLookup'), getLocale()]);
  return (
    <div className="mx-auto max-w-5xl space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t('orderTitle', { number: order.number })}</h1>
          <p className="text-stone-600">{t('placedOn', { date: formatDateTime(order.placedAt, locale) })}</p>
        </div>
        <ButtonLink href="/counter/orders" variant="secondary" size="lg">
          {t('back')}
        </ButtonLink>
      </div>
      <OrderLookupDetail order={order} locale={locale} />
    </div>
  );
}
