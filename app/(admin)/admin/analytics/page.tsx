import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { AnalyticsChannelShare, AnalyticsPromotions, AnalyticsSatisfaction } from '@/components/admin/analytics-customer-sections';
import { AnalyticsFilters } from '@/components/admin/analytics-filters';
import { AnalyticsFunnel, AnalyticsSales } from '@/components/admin/analytics-sales-funnel';
import { PageHeader } from '@/components/admin/page-header';
import { ADMIN_ROLES, requirePageRole } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import type { Locale } from '@/lib/i18n/config';
import { analyticsSearch, parseAnalyticsFilter } from '@/lib/insight/analytics-filter';
import { funnelByChannel, funnelBySource } from '@/lib/insight/analytics-funnel';
import { promotionPerformance } from '@/lib/insight/analytics-promotions';
import { salesByChannelStoreDay } from '@/lib/insight/analytics-sales';
import { satisfactionByChannelWeek } from '@/lib/insight/analytics-satisfaction';
import { channelShare } from '@/lib/insight/analytics-share';
import { listLocations } from '@/lib/locations/queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('analytics'))('title') };
}

type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Analytics over a date range (Amsterdam days) and store, from the URL; every figure grouped in SQL. */
export default async function AnalyticsPage({ searchParams }: { searchParams: Promise<Params> }) {
  const actor = await requirePageRole(ADMIN_ROLES, '/admin/analytics');
  const [t, locale, raw] = await Promise.all([getTranslations('analytics'), getLocale(), searchParams]);
  const params = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, one(v)]));
  const period = params.period === 'month' ? 'month' : 'week';
  const db = getDb();
  const parsed = parseAnalyticsFilter(params);
  const locations = (await listLocations(db)).map((l) => ({ id: l.id, name: l.name }));
  const header = (
    <PageHeader
      title={t('title')}
      description={t('intro')}
      actions={
        <Link href="/admin/analytics/satisfaction" className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 hover:underline">
          {t('satisfactionDetails')}
        </Link>
      }
    />
  );
  if (!parsed.ok) {
    // A reversed range: the message, the form as it was sent, nothing computed.
    return (
      <div className="mx-auto max-w-7xl">
        {header}
        <AnalyticsFilters from={String(params.from ?? '')} to={String(params.to ?? '')} storeId={null} period={period} locations={locations} error="analytics-range-error" />
        <p id="analytics-range-error" role="alert" className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-red-800">
          {t(`errors.${parsed.error}`)}
        </p>
      </div>
    );
  }
  const { filter } = parsed;
  const [sales, byChannel, bySource, share, promotions, satisfaction] = await Promise.all([
    salesByChannelStoreDay(db, actor, filter),
    funnelByChannel(db, actor, filter),
    funnelBySource(db, actor, filter),
    channelShare(db, actor, filter, period),
    promotionPerformance(db, actor, filter),
    satisfactionByChannelWeek(db, actor, filter),
  ]);
  const query = analyticsSearch(filter);
  const storeName = locations.find((l) => l.id === filter.storeId)?.name ?? t('filters.allStores');
  const loc = locale as Locale;
  return (
    <div className="mx-auto max-w-7xl">
      {header}
      <AnalyticsFilters from={filter.from} to={filter.to} storeId={filter.storeId} period={period} locations={locations} />
      <p aria-live="polite" className="mb-4 text-sm text-stone-600">
        {t('filters.showing', { from: filter.from, to: filter.to, store: storeName })}
      </p>
      <AnalyticsSales rows={sales} locale={loc} query={query} />
      <AnalyticsFunnel byChannel={byChannel} bySource={bySource} locale={loc} query={query} />
      <AnalyticsChannelShare rows={share} locale={loc} query={query} period={period} />
      <AnalyticsPromotions rows={promotions} locale={loc} query={query} />
      <AnalyticsSatisfaction rows={satisfaction} locale={loc} query={query} />
    </div>
  );
}
