import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { PrintButton } from '@/components/counter/print-button';
import { StoreGate } from '@/components/counter/store-gate';
import { TillCashSummary } from '@/components/counter/till-cash-summary';
import { TillZReport } from '@/components/counter/till-z-report';
import { ButtonLink } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table';
import { COUNTER_ROLES, requirePageRole } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { formatDateTime, formatMoney } from '@/lib/i18n/format';
import { getLocale } from '@/lib/i18n/locale';
import { getCounterStore } from '@/lib/orders/counter-session';
import { getTillSessionDetail } from '@/lib/till/queries';
import { getTillSalesSummary } from '@/lib/till/reports';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('counter.zReport'))('pageTitle') };
}

/** The Z report of one till session: cash expected vs counted and what it took; only this store's tills. */
export default async function TillSessionReportPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ closed?: string }>;
}) {
  const { id } = await params;
  const actor = await requirePageRole(COUNTER_ROLES, `/counter/till/sessions/${encodeURIComponent(id)}`);
  const db = getDb();
  const store = await getCounterStore(db, actor);
  if (!store) return <StoreGate actor={actor} />;
  const sessionId = Number(id);
  if (!Number.isSafeInteger(sessionId) || sessionId < 1 || sessionId > 2_147_483_647) notFound();
  const detail = await getTillSessionDetail(db, sessionId, store.id);
  if (!detail) notFound();
  const [t, tTill, locale, summary, query] = await Promise.all([
    getTranslations('counter.zReport'),
    getTranslations('counter.till'),
    getLocale(),
    getTillSalesSummary(db, sessionId),
    searchParams,
  ]);
  const { session } = detail;
  const money = (c: number) => formatMoney(c, locale);
  const closed = session.status === 'closed' && session.countedCashCents !== null && session.expectedCashCents !== null;
  const counts = Object.entries(session.denominations ?? {})
    .map(([cents, n]) => ({ cents: Number(cents), n }))
    .sort((a, b) => b.cents - a.cents);

  return (
    <div className="mx-auto max-w-4xl space-y-5">
      <div className="flex flex-wrap items-center gap-3 print:hidden">
        <ButtonLink href="/counter/till" variant="secondary" size="lg">
          <span aria-hidden="true">←</span> {t('back')}
        </ButtonLink>
        <div className="ml-auto flex gap-3">
          <PrintButton label={t('print')} />
        </div>
      </div>
      {closed && query.closed === '1' && (
        <p role="status" className="rounded-xl bg-brand-50 px-4 py-3 font-medium text-brand-900 ring-1 ring-brand-200 print:hidden">
          {t('closedNotice', { till: session.tillName, counted: money(session.countedCashCents!), expected: money(session.expectedCashCents!) })}
        </p>
      )}
      <header>
        <h1 className="text-2xl font-semibold">{t('title', { till: session.tillName })}</h1>
        <p className="text-stone-600">
          {store.name} · {t('openedBy', { name: session.openedByName ?? '—', time: formatDateTime(session.openedAt, locale) })}
          {session.closedAt && <> · {t('closedAt', { time: formatDateTime(session.closedAt, locale) })}</>}
        </p>
        {!closed && <p className="mt-1 text-sm text-amber-800">{t('openNotice')}</p>}
      </header>

      <section aria-labelledby="z-cash" className="grid gap-4 rounded-2xl bg-white p-5 ring-1 ring-stone-200 sm:grid-cols-2 print:ring-0">
        <div>
          <h2 id="z-cash" className="mb-2 font-semibold">
            {t('cash')}
          </h2>
          <TillCashSummary expected={closed ? { ...detail.expected, expectedCents: session.expectedCashCents! } : detail.expected} locale={locale} />
          {closed && (
            <dl className="mt-2 grid grid-cols-[1fr_auto] gap-x-6 gap-y-1.5 border-t border-stone-200 pt-2 text-base">
              <dt>{tTill('counted')}</dt>
              <dd className="text-right tabular-nums" data-testid="z-counted">
                {money(session.countedCashCents!)}
              </dd>
              <dt className="font-semibold">{tTill('difference')}</dt>
              <dd className="text-right font-semibold tabular-nums" data-testid="z-difference">
                {money(session.countedCashCents! - session.expectedCashCents!)}
              </dd>
            </dl>
          )}
          {session.closingNote && <p className="mt-2 text-sm text-stone-700">{t('closingNote', { note: session.closingNote })}</p>}
        </div>
        {closed && (
          <div>
            <h2 className="mb-2 font-semibold">{t('denominations')}</h2>
            <DataTable
              caption={t('denominations')}
              rows={counts}
              rowKey={(r) => r.cents}
              empty="—"
              columns={[
                { key: 'value', header: t('amount'), cell: (r) => money(r.cents) },
                { key: 'n', header: t('count'), numeric: true, cell: (r) => r.n },
                { key: 'sum', header: tTill('counted'), numeric: true, cell: (r) => money(r.cents * r.n) },
              ]}
            />
          </div>
        )}
      </section>

      <TillZReport summary={summary} locale={locale} />
    </div>
  );
}
