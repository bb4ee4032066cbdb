import { getTranslations } from 'next-intl/server';
import { DataTable, type DataColumn } from '@/components/ui/data-table';
import type { Locale } from '@/lib/i18n/config';
import { formatMoney } from '@/lib/i18n/format';
import type { PromotionRow } from '@/lib/insight/analytics-promotions';
import type { SatisfactionRow } from '@/lib/insight/analytics-satisfaction';
import type { ChannelShareRow } from '@/lib/insight/analytics-share';
import { AnalyticsChart } from './analytics-chart';
import { SERIES_COLOURS } from './analytics-colours';
import { AnalyticsSection } from './analytics-section';

/** Web-only, store-only and omnichannel customers per week or month, stacked. */
export async function AnalyticsChannelShare({ rows, locale, query, period }: { rows: ChannelShareRow[]; locale: Locale; query: string; period: 'week' | 'month' }) {
  const [t, tc] = await Promise.all([getTranslations('analytics.share'), getTranslations('analytics')]);
  const columns: DataColumn<ChannelShareRow>[] = [
    { key: 'period', header: t('period'), cell: (r) => r.period },
    { key: 'webOnly', header: t('webOnly'), numeric: true, cell: (r) => r.webOnly },
    { key: 'storeOnly', header: t('storeOnly'), numeric: true, cell: (r) => r.storeOnly },
    { key: 'omnichannel', header: t('omnichannel'), numeric: true, cell: (r) => r.omnichannel },
    { key: 'customers', header: t('customers'), numeric: true, cell: (r) => r.customers },
  ];
  return (
    <AnalyticsSection
      id="share"
      title={t('title')}
      intro={t('intro')}
      downloads={[{ href: `/api/admin/analytics/channel-share?${query}&period=${period}`, label: tc('downloadCsv'), name: t('caption') }]}
    >
      {rows.length > 0 && (
        <AnalyticsChart
          kind="bar"
          stacked
          locale={locale}
          data={rows.map((r) => ({ x: r.period, webOnly: r.webOnly, storeOnly: r.storeOnly, omnichannel: r.omnichannel }))}
          series={[
            { key: 'webOnly', label: t('webOnly'), colour: SERIES_COLOURS[0] },
            { key: 'storeOnly', label: t('storeOnly'), colour: SERIES_COLOURS[1] },
            { key: 'omnichannel', label: t('omnichannel'), colour: SERIES_COLOURS[2] },
          ]}
          xLabel={tc('axisPeriod')}
          yLabel={t('axisY')}
          description={tc('chartNote', { title: t('title') })}
        />
      )}
      <DataTable caption={t('caption')} captionHidden={false} columns={columns} rows={rows} rowKey={(r) => r.period} empty={t('empty')} />
    </AnalyticsSection>
  );
}

/** Per promotion: orders, discount given and revenue. */
export async function AnalyticsPromotions({ rows, locale, query }: { rows: PromotionRow[]; locale: Locale; query: string }) {
  const [t, tc] = await Promise.all([getTranslations('analytics.promotions'), getTranslations('analytics')]);
  const money = (cents: number) => formatMoney(cents, locale);
  const columns: DataColumn<PromotionRow>[] = [
    { key: 'promotion', header: t('promotion'), cell: (r) => r.name },
    { key: 'orders', header: t('orders'), numeric: true, cell: (r) => r.orders },
    { key: 'discount', header: t('discount'), numeric: true, cell: (r) => money(r.discountCents) },
    { key: 'revenue', header: t('revenue'), numeric: true, cell: (r) => money(r.revenueCents) },
  ];
  return (
    <AnalyticsSection
      id="promotions"
      title={t('title')}
      intro={t('intro')}
      downloads={[{ href: `/api/admin/analytics/promotions?${query}`, label: tc('downloadCsv'), name: t('caption') }]}
    >
      {rows.length > 0 && (
        <AnalyticsChart
          kind="bar"
          value="money"
          locale={locale}
          data={rows.map((r) => ({ x: r.name, discount: r.discountCents, revenue: r.revenueCents }))}
          series={[
            { key: 'discount', label: t('discount'), colour: SERIES_COLOURS[4] },
            { key: 'revenue', label: t('revenue'), colour: SERIES_COLOURS[0] },
          ]}
          xLabel={t('axisX')}
          yLabel={t('axisY')}
          description={tc('chartNote', { title: t('title') })}
        />
      )}
      <DataTable caption={t('caption')} captionHidden={false} columns={columns} rows={rows} rowKey={(r) => r.promotionId} empty={t('empty')} />
    </AnalyticsSection>
  );
}

/** Average score per channel per week (lines) and the answers behind it. */
export async function AnalyticsSatisfaction({ rows, locale, query }: { rows: SatisfactionRow[]; locale: Locale; query: string }) {
  const [t, tc] = await Promise.all([getTranslations('analytics.satisfaction'), getTranslations('analytics')]);
  const score = new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const weeks = new Map<string, Record<string, string | number>>();
  for (const r of rows) weeks.set(r.week, { ...(weeks.get(r.week) ?? { x: r.week }), [r.channel]: r.averageScore });
  const channels = [...new Set(rows.map((r) => r.channel))];
  const columns: DataColumn<SatisfactionRow>[] = [
    { key: 'week', header: t('week'), cell: (r) => r.week },
    { key: 'channel', header: t('channel'), cell: (r) => tc(`channels.${r.channel}`) },
    { key: 'responses', header: t('responses'), numeric: true, cell: (r) => r.responses },
    { key: 'average', header: t('average'), numeric: true, cell: (r) => score.format(r.averageScore) },
  ];
  return (
    <AnalyticsSection
      id="satisfaction"
      title={t('title')}
      intro={t('intro')}
      downloads={[{ href: `/api/admin/analytics/satisfaction?${query}`, label: tc('downloadCsv'), name: t('caption') }]}
    >
      {rows.length > 0 && (
        <AnalyticsChart
          kind="line"
          value="score"
          locale={locale}
          data={[...weeks.values()]}
          series={channels.map((c) => ({ key: c, label: tc(`channels.${c}`), colour: c === 'web' ? SERIES_COLOURS[0] : SERIES_COLOURS[1] }))}
          xLabel={tc('axisPeriod')}
          yLabel={t('axisY')}
          description={tc('chartNote', { title: t('title') })}
        />
      )}
      <DataTable caption={t('caption')} captionHidden={false} columns={columns} rows={rows} rowKey={(r) => `${r.week}-${r.channel}`} empty={t('empty')} />
    </AnalyticsSection>
  );
}
