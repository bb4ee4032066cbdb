import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/admin/page-header';
import { Card } from '@/components/ui/card';
import { ADMIN_ROLES, requirePageRole } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { formatDateTime, formatMoney } from '@/lib/i18n/format';
import { getOrderById } from '@/lib/orders/queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.order'))('pageTitle') };
}

/**
 * One order for an admin, read-only: status, payments and timeline — where the dashboard's
 * "Payments needing attention" links to.
 */
export default async function AdminOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePageRole(ADMIN_ROLES, `/admin/orders/${encodeURIComponent(id)}`);
  const order = await getOrderById(getDb(), id);
  if (!order) notFound();
  const [t, tOrder, locale] = await Promise.all([
    getTranslations('admin.order'),
    getTranslations('shop.order'),
    getLocale(),
  ]);

  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader
        title={t('title', { number: order.number })}
        description={t('summary', {
          status: tOrder(`statuses.${order.status}`),
          total: formatMoney(order.totalCents, locale),
          date: formatDateTime(order.placedAt, locale),
        })}
        back={{ href: '/admin', label: t('back') }}
      />
      <div className="grid gap-4 md:grid-cols-2">
        <Card>
          <h2 className="text-sm font-medium text-stone-600">{t('payments')}</h2>
          {order.payments.length === 0 ? (
            <p className="mt-3 text-sm text-stone-600">{t('noPayments')}</p>
          ) : (
            <ul className="mt-3 divide-y divide-stone-100 text-sm">
              {order.payments.map((p) => (
                <li key={p.id} className="flex justify-between gap-3 py-2">
                  <span>
                    {t(`methods.${p.method}`)} · {t(`paymentStatus.${p.status}`)}
                  </span>
                  <span className="tabular-nums">{formatMoney(p.amountCents, locale)}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card>
          <h2 className="text-sm font-medium text-stone-600">{t('timeline')}</h2>
          <ol className="mt-3 space-y-2 text-sm">
            {order.events.map((event, i) => (
              <li key={i}>
                <p className="font-medium">{tOrder(`events.${event.type as 'placed'}`)}</p>
                <p className="text-stone-500">
                  <time dateTime={event.createdAt.toISOString()}>
                    {formatDateTime(event.createdAt, locale)}
                  </time>
                </p>
              </li>
            ))}
          </ol>
        </Card>
      </div>
    </div>
  );
}
