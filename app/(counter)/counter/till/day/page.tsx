import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PrintButton } from '@/components/counter/print-button';
import { StoreGate } from '@/components/counter/store-gate';
import { TillZReport } from '@/components/counter/till-z-report';
import { Button, ButtonLink } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table';
import { inputClass } from '@/components/ui/field';
import { COUNTER_ROLES, requirePageRole } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { formatDate, formatDateTime, formatMoney } from '@/lib/i18n/format';
import { getLocale } from '@/lib/i18n/locale';
import { getCounterStore } from '@/lib/orders/counter-session';
import { utcToZonedLocal, zonedLocalToUtc } from '@/lib/time/zoned';
import { getStoreDaySummary } from '@/lib/till/reports';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('counter.zReport'))('pageTitle') };
}

/** A valid "YYYY-MM-DD" from the query, else today in Amsterdam. */
function dayFrom(value: string | string[] | undefined): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    try {
      zonedLocalToUtc(`${value}T12:00`);
      return value;
    } catch {
      // not a calendar day: fall back to today
    }
  }
  return utcToZonedLocal(new Date()).slice(0, 10);
}

/** The store's Z report of one day: all its tills together, and each till's count. */
export default async function StoreDayReportPage({ searchParams }: { searchParams: Promise<{ date?: string | string[] }> }) {
  const actor = await requirePageRole(COUNTER_ROLES, '/counter/till/day');
  const db = getDb();
  const store = await getCounterStore(db, actor);
  if (!store) return <StoreGate actor={actor} />;
  const date = dayFrom((await searchParams).date);
  const [t, tTill, locale, report] = await Promise.all([
    getTranslations('counter.zReport'),
    getTranslations('counter.till'),
    getLocale(),
    getStoreDaySummary(db, store.id, date),
  ]);
  const money = (c: number) => formatMoney(c, locale);
  return (
    <div className="mx-auto max-w-4xl space-y-5">
      <div className="flex flex-wrap items-end gap-3 print:hidden">
        <ButtonLink href="/counter/till" variant="secondary" size="lg">
          <span aria-hidden="true">←</span> {t('back')}
        </ButtonLink>
        <form method="get" className="flex items-end gap-2">
          <div>
            <label htmlFor="z-day" className="mb-1 block text-sm font-medium text-stone-700">
              {t('day')}
            </label>
            <input id="z-day" type="date" name="date" defaultValue={date} className={`${inputClass} h-12`} />
          </div>
          <Button type="submit" variant="secondary" size="lg">
            {t('show')}
          </Button>
        </form>
        <div className="ml-auto flex gap-3">
          <PrintButton label={t('print')} />
        </div>
      </div>
      <h1 className="text-2xl font-semibold">{t('dayTitle', { store: store.name, date: formatDate(zonedLocalToUtc(`${date}T12:00`), locale) })}</h1>
      {report.paymentsWithoutTill > 0 && <p className="text-sm text-stone-600">{t('withoutTill', { count: report.paymentsWithoutTill })}</p>}
      <TillZReport summary={report.summary} locale={locale} />
      <section aria-labelledby="z-tills" className="space-y-2 break-inside-avoid">
        <h2 id="z-tills" className="font-semibold">
          {t('tills')}
        </h2>
        <DataTable
          caption={t('tills')}
          rows={report.sessions}
          rowKey={(s) => s.id}
          empty={t('noTills')}
          columns={[
            {
              key: 'till',
              header: tTill('till'),
              cell: (s) => (
                <Link href={`/counter/till/sessions/${s.id}`} className="font-medium text-brand-700 hover:underline">
                  {s.tillName}
                </Link>
              ),
            },
            { key: 'state', header: tTill('state'), cell: (s) => tTill(`status.${s.status}`) },
            { key: 'opened', header: tTill('openedAt'), cell: (s) => formatDateTime(s.openedAt, locale) },
            { key: 'float', header: tTill('float'), numeric: true, cell: (s) => money(s.openingFloatCents) },
            { key: 'expected', header: tTill('expected'), numeric: true, cell: (s) => (s.expectedCashCents === null ? '—' : money(s.expectedCashCents)) },
            { key: 'counted', header: tTill('counted'), numeric: true, cell: (s) => (s.countedCashCents === null ? '—' : money(s.countedCashCents)) },
            {
              key: 'difference',
              header: tTill('difference'),
              numeric: true,
              cell: (s) => (s.countedCashCents === null || s.expectedCashCents === null ? '—' : money(s.countedCashCents - s.expectedCashCents)),
            },
          ]}
        />
      </section>
    </div>
  );
}
