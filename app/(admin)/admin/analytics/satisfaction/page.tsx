import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/admin/page-header';
import { SatisfactionFollowUpButton } from '@/components/admin/satisfaction-follow-up-button';
import { DataTable, type DataColumn } from '@/components/ui/data-table';
import { inputClass } from '@/components/ui/field';
import { buttonClass } from '@/components/ui/button';
import { ADMIN_ROLES, requirePageRole } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import type { Locale } from '@/lib/i18n/config';
import { formatDate } from '@/lib/i18n/format';
import {
  channelFigures,
  listLowScores,
  parseSatisfactionRange,
  satisfactionByChannel,
  satisfactionByStore,
  type ChannelSatisfaction,
  type LowScoreDto,
  type SatisfactionFigures,
  type StoreSatisfaction,
} from '@/lib/insight/satisfaction-queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('satisfaction.admin'))('metaTitle') };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Satisfaction (S12): results per channel and per store for a date range, and the low scores to follow up. */
export default async function SatisfactionPage({ searchParams }: { searchParams: Promise<{ from?: string | string[]; to?: string | string[] }> }) {
  await requirePageRole(ADMIN_ROLES, '/admin/analytics/satisfaction');
  const [t, locale, params] = await Promise.all([getTranslations('satisfaction.admin'), getLocale(), searchParams]);
  const { range, error } = parseSatisfactionRange({ from: one(params.from), to: one(params.to) });
  const [byChannel, byStore, low] = await Promise.all([
    satisfactionByChannel(getDb(), range),
    satisfactionByStore(getDb(), range),
    listLowScores(getDb(), range),
  ]);
  const average = (f: SatisfactionFigures) => (f.average === null ? '—' : f.average.toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
  const distribution = (f: SatisfactionFigures) => f.distribution.map((count, i) => t('distributionOf', { score: i + 1, count })).join(' · ');
  const channelName = (c: 'web' | 'store') => t(`channels.${c}`);
  const figureColumns = <Row extends SatisfactionFigures>(): DataColumn<Row>[] => [
    { key: 'count', header: t('responses'), numeric: true, cell: (r) => r.count },
    { key: 'average', header: t('average'), numeric: true, cell: (r) => average(r) },
    { key: 'distribution', header: t('distribution'), cell: (r) => distribution(r) },
  ];
  const channelColumns: DataColumn<ChannelSatisfaction>[] = [{ key: 'channel', header: t('channel'), cell: (r) => channelName(r.channel) }, ...figureColumns<ChannelSatisfaction>()];
  const storeColumns: DataColumn<StoreSatisfaction>[] = [
    { key: 'store', header: t('store'), cell: (r) => r.storeName ?? t('noStore') },
    { key: 'channel', header: t('channel'), cell: (r) => channelName(r.channel) },
    ...figureColumns<StoreSatisfaction>(),
  ];
  const lowColumns: DataColumn<LowScoreDto>[] = [
    { key: 'date', header: t('date'), cell: (r) => formatDate(r.createdAt, locale as Locale) },
    { key: 'order', header: t('order'), cell: (r) => <span className="font-mono">{r.orderNumber}</span> },
    { key: 'channel', header: t('channel'), cell: (r) => [channelName(r.channel), r.storeName].filter(Boolean).join(' · ') },
    { key: 'customer', header: t('customer'), cell: (r) => (r.customerName || r.customerEmail ? [r.customerName, r.customerEmail].filter(Boolean).join(' · ') : t('anonymous')) },
    { key: 'score', header: t('score'), numeric: true, cell: (r) => r.score },
    { key: 'comment', header: t('commentCol'), className: 'max-w-sm', cell: (r) => <span className="whitespace-pre-wrap break-words">{r.comment ?? t('noComment')}</span> },
    {
      key: 'status',
      header: t('status'),
      cell: (r) => (
        <div className="space-y-1">
          {r.followedUpAt && <p className="text-stone-600">{t('followedUpOn', { date: formatDate(r.followedUpAt, locale as Locale) })}</p>}
          <SatisfactionFollowUpButton responseId={r.id} orderNumber={r.orderNumber} open={r.followedUpAt === null} />
        </div>
      ),
    },
  ];

  return (
    <div className="mx-auto max-w-7xl space-y-8">
      <PageHeader title={t('title')} description={t('intro')} back={{ href: '/admin/analytics', label: t('backToAnalytics') }} />
      <form method="get" className="flex flex-wrap items-end gap-3" aria-describedby={error ? 'satisfaction-range-error' : undefined}>
        <div>
          <label htmlFor="satisfaction-from" className="mb-1.5 block text-sm font-medium text-stone-700">
            {t('from')}
          </label>
          <input id="satisfaction-from" type="date" name="from" defaultValue={range.from} className={`${inputClass} min-h-11`} />
        </div>
        <div>
          <label htmlFor="satisfaction-to" className="mb-1.5 block text-sm font-medium text-stone-700">
            {t('to')}
          </label>
          <input id="satisfaction-to" type="date" name="to" defaultValue={range.to} className={`${inputClass} min-h-11`} />
        </div>
        <button type="submit" className={buttonClass('primary', 'lg')}>
          {t('apply')}
        </button>
      </form>
      {error && (
        <p id="satisfaction-range-error" role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">
          {t(error)}
        </p>
      )}
      <section aria-labelledby="satisfaction-by-channel" className="space-y-3">
        <h2 id="satisfaction-by-channel" className="text-lg font-semibold">
          {t('byChannel')}
        </h2>
        <DataTable
          caption={t('byChannel')}
          columns={channelColumns}
          rows={(['web', 'store'] as const).map((c) => channelFigures(byChannel, c))}
          rowKey={(r) => r.channel}
          empty={t('empty')}
        />
      </section>
      <section aria-labelledby="satisfaction-by-store" className="space-y-3">
        <h2 id="satisfaction-by-store" className="text-lg font-semibold">
          {t('byStore')}
        </h2>
        <DataTable caption={t('byStore')} columns={storeColumns} rows={byStore} rowKey={(r) => `${r.locationId}-${r.channel}`} empty={t('empty')} />
      </section>
      <section aria-labelledby="satisfaction-low" className="space-y-3">
        <h2 id="satisfaction-low" className="text-lg font-semibold">
          {t('lowScores')}
        </h2>
        <DataTable caption={t('lowScores')} columns={lowColumns} rows={low} rowKey={(r) => r.id} empty={t('lowEmpty')} />
      </section>
    </div>
  );
}
