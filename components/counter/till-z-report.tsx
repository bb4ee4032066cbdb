import { useTranslations } from 'next-intl';
import { DataTable } from '@/components/ui/data-table';
import type { Locale } from '@/lib/i18n/config';
import { formatMoney } from '@/lib/i18n/format';
import type { SalesSummary } from '@/lib/till/reports';

/** The figures of a Z report (one till session or a store's day), printable on one page. */
export function TillZReport({ summary, locale }: { summary: SalesSummary; locale: Locale }) {
  const t = useTranslations('counter.zReport');
  const money = (c: number) => formatMoney(c, locale);
  const methodName = (m: string) => (t.has(`methods.${m}` as never) ? t(`methods.${m}` as never) : m);
  const channelName = (c: string) => (t.has(`channels.${c}` as never) ? t(`channels.${c}` as never) : c);
  return (
    <div className="space-y-5">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3">
        <div className="rounded-xl bg-white p-4 ring-1 ring-stone-200 print:ring-0">
          <dt className="text-sm text-stone-600">{t('salesCount')}</dt>
          <dd className="text-2xl font-semibold tabular-nums" data-testid="z-sales-count">
            {summary.salesCount}
          </dd>
        </div>
        <div className="rounded-xl bg-white p-4 ring-1 ring-stone-200 print:ring-0">
          <dt className="text-sm text-stone-600">{t('total')}</dt>
          <dd className="text-2xl font-semibold tabular-nums" data-testid="z-total">
            {money(summary.totalCents)}
          </dd>
        </div>
        <div className="rounded-xl bg-white p-4 ring-1 ring-stone-200 print:ring-0">
          <dt className="text-sm text-stone-600">{t('refunds')}</dt>
          <dd className="text-2xl font-semibold tabular-nums">
            {summary.refunds.count} · {money(summary.refunds.amountCents)}
          </dd>
        </div>
        {summary.exchanges.count > 0 && (
          <div className="rounded-xl bg-white p-4 ring-1 ring-stone-200 print:ring-0">
            <dt className="text-sm text-stone-600">{t('exchanges')}</dt>
            <dd className="text-2xl font-semibold tabular-nums" data-testid="z-exchanges">
              {summary.exchanges.count} · {money(summary.exchanges.amountCents)}
            </dd>
          </div>
        )}
      </dl>
      <section aria-labelledby="z-methods" className="space-y-2 break-inside-avoid">
        <h2 id="z-methods" className="font-semibold">
          {t('byMethod')}
        </h2>
        <DataTable
          caption={t('byMethod')}
          rows={summary.byMethod}
          rowKey={(r) => r.method}
          empty={t('noSales')}
          columns={[
            { key: 'method', header: t('method'), cell: (r) => methodName(r.method) },
            { key: 'count', header: t('count'), numeric: true, cell: (r) => r.count },
            { key: 'amount', header: t('amount'), numeric: true, cell: (r) => money(r.amountCents) },
          ]}
        />
      </section>
      <section aria-labelledby="z-refunds" className="space-y-2 break-inside-avoid">
        <h2 id="z-refunds" className="font-semibold">
          {t('refundsByMethod')}
        </h2>
        <DataTable
          caption={t('refundsByMethod')}
          rows={summary.refunds.byMethod}
          rowKey={(r) => r.method}
          empty={t('noRefunds')}
          columns={[
            { key: 'method', header: t('method'), cell: (r) => methodName(r.method) },
            { key: 'count', header: t('count'), numeric: true, cell: (r) => r.count },
            { key: 'amount', header: t('amount'), numeric: true, cell: (r) => `−${money(r.amountCents)}` },
          ]}
        />
      </section>
      <section aria-labelledby="z-channels" className="space-y-2 break-inside-avoid">
        <h2 id="z-channels" className="font-semibold">
          {t('byChannel')}
        </h2>
        <DataTable
          caption={t('byChannel')}
          rows={summary.byChannel}
          rowKey={(r) => r.channel}
          empty={t('noSales')}
          columns={[
            { key: 'channel', header: t('channel'), cell: (r) => channelName(r.channel) },
            { key: 'count', header: t('count'), numeric: true, cell: (r) => r.count },
            { key: 'amount', header: t('amount'), numeric: true, cell: (r) => money(r.amountCents) },
          ]}
        />
      </section>
      <section aria-labelledby="z-vat" className="space-y-2 break-inside-avoid">
        <h2 id="z-vat" className="font-semibold">
          {t('vat')}
        </h2>
        <DataTable
          caption={t('vat')}
          rows={summary.vat}
          rowKey={(r) => r.rateBp}
          empty={t('noSales')}
          columns={[
            { key: 'rate', header: t('rate'), cell: (r) => t('rateValue', { rate: r.rateBp / 100 }) },
            { key: 'net', header: t('net'), numeric: true, cell: (r) => money(r.grossCents - r.vatCents) },
            { key: 'vat', header: t('vatAmount'), numeric: true, cell: (r) => money(r.vatCents) },
            { key: 'gross', header: t('gross'), numeric: true, cell: (r) => money(r.grossCents) },
          ]}
        />
      </section>
    </div>
  );
}
