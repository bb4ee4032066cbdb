import { getTranslations } from 'next-intl/server';
import { DataTable, type DataColumn } from '@/components/ui/data-table';
import type { Locale } from '@/lib/i18n/config';
import { formatMoney } from '@/lib/i18n/format';
import type { ChannelFunnelRow, FunnelCounts, SourceFunnelRow } from '@/lib/insight/analytics-funnel';
import type { SalesRow } from '@/lib/insight/analytics-sales';
import { AnalyticsChart } from './analytics-chart';
import { SERIES_COLOURS } from './analytics-colours';
import { AnalyticsSection } from './analytics-section';

const CHANNEL_COLOUR = { web: SERIES_COLOURS[0], store: SERIES_COLOURS[1] } as const;

/** Net sales per day as bars stacked per channel and store, and the table per day, channel and store. */
export async function AnalyticsSales({ rows, locale, query }: { rows: SalesRow[]; locale: Locale; query: string }) {
  const [t, tc] = await Promise.all([getTranslations('analytics.sales'), getTranslations('analytics')]);
  const money = (cents: number) => formatMoney(cents, locale);
  // Pivot only (no sums): one bar segment per channel and store.
  const seriesKeys = [...new Map(rows.map((r) => [`${r.channel}-${r.locationId}`, r])).values()];
  const series = seriesKeys.map((r, i) => ({
    key: `${r.channel}-${r.locationId}`,
    label: `${tc(`channels.${r.channel}`)} · ${r.locationName}`,
    colour: SERIES_COLOURS[i % SERIES_COLOURS.length],
  }));
  const days = new Map<string, Record<string, string | number>>();
  for (const r of rows) {
    const day = days.get(r.day) ?? { x: r.day };
    day[`${r.channel}-${r.locationId}`] = r.netCents;
    days.set(r.day, day);
  }
  const columns: DataColumn<SalesRow>[] = [
    { key: 'day', header: t('day'), cell: (r) => r.day },
    { key: 'channel', header: t('channel'), cell: (r) => tc(`channels.${r.channel}`) },
    { key: 'location', header: t('location'), cell: (r) => r.locationName },
    { key: 'orders', header: t('orders'), numeric: true, cell: (r) => r.orders },
    { key: 'exchanges', header: t('exchanges'), numeric: true, cell: (r) => r.exchanges },
    { key: 'sold', header: t('sold'), numeric: true, cell: (r) => money(r.soldCents) },
    { key: 'refunded', header: t('refunded'), numeric: true, cell: (r) => money(r.refundedCents) },
    { key: 'exchanged', header: t('exchanged'), numeric: true, cell: (r) => money(r.exchangedCents) },
    { key: 'net', header: t('net'), numeric: true, cell: (r) => <strong>{money(r.netCents)}</strong> },
  ];
  return (
    <AnalyticsSection
      id="sales"
      title={t('title')}
      intro={t('intro')}
      downloads={[{ href: `/api/admin/analytics/sales?${query}`, label: tc('downloadCsv'), name: t('caption') }]}
    >
      {rows.length > 0 && (
        <AnalyticsChart
          kind="bar"
          stacked
          value="money"
          locale={locale}
          data={[...days.values()]}
          series={series}
          xLabel={tc('axisDay')}
          yLabel={t('axisY')}
          description={tc('chartNote', { title: t('title') })}
        />
      )}
      <DataTable caption={t('caption')} captionHidden={false} columns={columns} rows={rows} rowKey={(r) => `${r.day}-${r.channel}-${r.locationId}`} empty={t('empty')} />
    </AnalyticsSection>
  );
}

/** The funnel per channel (chart and table) and per source and campaign (table). */
export async function AnalyticsFunnel({
  byChannel,
  bySource,
  locale,
  query,
}: {
  byChannel: ChannelFunnelRow[];
  bySource: SourceFunnelRow[];
  locale: Locale;
  query: string;
}) {
  const [t, tc] = await Promise.all([getTranslations('analytics.funnel'), getTranslations('analytics')]);
  const pct = new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  const drop = (v: number | null) => (v === null ? '—' : `${pct.format(v)}%`);
  const steps = ['views', 'carts', 'checkouts', 'orders'] as const;
  const stepColumns = <Row extends FunnelCounts>(): DataColumn<Row>[] => [
    { key: 'views', header: t('views'), numeric: true, cell: (r) => r.views },
    { key: 'carts', header: t('carts'), numeric: true, cell: (r) => r.carts },
    { key: 'cartDrop', header: t('dropOff', { step: t('carts') }), numeric: true, cell: (r) => drop(r.cartDropOff) },
    { key: 'checkouts', header: t('checkouts'), numeric: true, cell: (r) => r.checkouts },
    { key: 'checkoutDrop', header: t('dropOff', { step: t('checkouts') }), numeric: true, cell: (r) => drop(r.checkoutDropOff) },
    { key: 'orders', header: t('orders'), numeric: true, cell: (r) => r.orders },
    { key: 'orderDrop', header: t('dropOff', { step: t('orders') }), numeric: true, cell: (r) => drop(r.orderDropOff) },
  ];
  const chartData = steps.map((step) => ({ x: t(step), ...Object.fromEntries(byChannel.map((r) => [r.channel, r[step]])) }));
  return (
    <AnalyticsSection
      id="funnel"
      title={t('title')}
      intro={t('intro')}
      downloads={[
        { href: `/api/admin/analytics/funnel-channel?${query}`, label: tc('downloadCsv'), name: t('captionChannel') },
        { href: `/api/admin/analytics/funnel-source?${query}`, label: tc('downloadCsv'), name: t('captionSource') },
      ]}
    >
      {byChannel.length > 0 && (
        <AnalyticsChart
          kind="bar"
          locale={locale}
          data={chartData}
          series={byChannel.map((r) => ({ key: r.channel, label: tc(`channels.${r.channel}`), colour: CHANNEL_COLOUR[r.channel] }))}
          xLabel={t('axisX')}
          yLabel={t('axisY')}
          description={tc('chartNote', { title: t('title') })}
        />
      )}
      <DataTable
        caption={t('captionChannel')}
        captionHidden={false}
        columns={[{ key: 'channel', header: t('channel'), cell: (r: ChannelFunnelRow) => tc(`channels.${r.channel}`) }, ...stepColumns<ChannelFunnelRow>()]}
        rows={byChannel}
        rowKey={(r) => r.channel}
        empty={t('empty')}
      />
      <DataTable
        caption={t('captionSource')}
        captionHidden={false}
        columns={[
          { key: 'source', header: t('source'), cell: (r: SourceFunnelRow) => r.source || t('direct') },
          { key: 'campaign', header: t('campaign'), cell: (r: SourceFunnelRow) => r.campaign || t('noCampaign') },
          ...stepColumns<SourceFunnelRow>(),
        ]}
        rows={bySource}
        rowKey={(r) => `${r.source}\u0000${r.campaign}`}
        empty={t('empty')}
      />
    </AnalyticsSection>
  );
}
