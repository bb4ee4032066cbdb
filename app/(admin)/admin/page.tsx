import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { PageHeader } from '@/components/admin/page-header';
import { PaymentsAttention } from '@/components/admin/payments-attention';
import { Card } from '@/components/ui/card';
import { ADMIN_ROLES, requirePageRole } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { formatDate, formatMoney } from '@/lib/i18n/format';
import { countLowStock } from '@/lib/inventory/admin-stock';
import { ordersPerChannelSince, startOfShopDay } from '@/lib/orders/dashboard-queries';
import { listPaymentAnomalies } from '@/lib/payments/anomaly-queries';
import { listPromotions } from '@/lib/promotions/queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.dashboard'))('title') };
}

function StatCard({
  title,
  children,
  link,
}: {
  title: string;
  children: ReactNode;
  link?: { href: string; label: string };
}) {
  return (
    <Card className="flex flex-col">
      <h2 className="text-sm font-medium text-stone-600">{title}</h2>
      <div className="mt-3 flex-1">{children}</div>
      {link && (
        <Link
          href={link.href}
          className="mt-4 inline-flex min-h-11 items-center gap-1 self-start text-sm font-medium text-brand-700 hover:text-brand-900 hover:underline"
        >
          {link.label} <span aria-hidden="true">→</span>
        </Link>
      )}
    </Card>
  );
}

export default async function AdminDashboardPage() {
  const actor = await requirePageRole(ADMIN_ROLES, '/admin');
  const [t, locale] = await Promise.all([getTranslations('admin.dashboard'), getLocale()]);
  const db = getDb();
  const now = new Date();
  const [perChannel, promotions, stock, attention] = await Promise.all([
    ordersPerChannelSince(db, startOfShopDay(now)),
    listPromotions(db, { now, locale }),
    countLowStock(db),
    listPaymentAnomalies(db),
  ]);
  const active = promotions.filter((p) => p.status === 'active').length;
  const scheduled = promotions.filter((p) => p.status === 'scheduled').length;

  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title={t('title')}
        description={`${t('welcome', { name: actor.name })} · ${t('today', { date: formatDate(now, locale) })}`}
      />
      <div className="grid gap-4 md:grid-cols-3">
        <StatCard title={t('ordersToday')}>
          <dl className="grid grid-cols-2 gap-4">
            {(['web', 'store'] as const).map((channel) => (
              <div key={channel}>
                <dt className="text-sm text-stone-500">{t(channel)}</dt>
                <dd className="mt-1 text-stone-900 tabular-nums">
                  <span className="text-3xl font-semibold">{perChannel[channel].orders}</span>{' '}
                  <span className="text-sm text-stone-600">
                    {t('orderCount', { count: perChannel[channel].orders })}
                  </span>
                </dd>
                <dd className="text-sm text-stone-600 tabular-nums">
                  {t('revenue', { amount: formatMoney(perChannel[channel].revenueCents, locale) })}
                </dd>
                {perChannel[channel].refundedCents > 0 && (
                  <dd className="text-xs text-stone-500 tabular-nums">
                    {t('refundedToday', { amount: formatMoney(perChannel[channel].refundedCents, locale) })}
                  </dd>
                )}
                {perChannel[channel].exchangedCents > 0 && (
                  <dd className="text-xs text-stone-500 tabular-nums">
                    {t('exchangedToday', { amount: formatMoney(perChannel[channel].exchangedCents, locale) })}
                  </dd>
                )}
                {perChannel[channel].exchanges > 0 && (
                  <dd className="text-xs text-stone-500 tabular-nums">{t('exchangeCount', { count: perChannel[channel].exchanges })}</dd>
                )}
              </div>
            ))}
          </dl>
        </StatCard>
        <StatCard
          title={t('activePromotions')}
          link={{ href: '/admin/promotions', label: t('promotionsLink') }}
        >
          <p className="text-4xl font-semibold text-stone-900 tabular-nums">{active}</p>
          <p className="mt-1 text-sm text-stone-600">{t('promotionsDetail', { scheduled })}</p>
        </StatCard>
        <StatCard title={t('lowStock')} link={{ href: '/admin/stock?low=1', label: t('lowStockLink') }}>
          <p
            className={`text-4xl font-semibold tabular-nums ${stock.low > 0 ? 'text-amber-700' : 'text-stone-900'}`}
          >
            {stock.low}
          </p>
          <p className="mt-1 text-sm text-stone-600">
            {t('lowStockDetail', {
              threshold: stock.defaultThreshold,
              out: stock.out,
              outInAStore: stock.outInAStore,
            })}
          </p>
        </StatCard>
      </div>
      <PaymentsAttention items={attention} locale={locale} />
    </div>
  );
}
