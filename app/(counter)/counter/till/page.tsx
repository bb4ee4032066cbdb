import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { StoreGate } from '@/components/counter/store-gate';
import { TillCashSummary } from '@/components/counter/till-cash-summary';
import { TillContinueButton, TillMovementForm, TillOpenForm } from '@/components/counter/till-forms';
import { ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import { COUNTER_ROLES, requirePageRole } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { formatDateTime, formatMoney } from '@/lib/i18n/format';
import { getLocale } from '@/lib/i18n/locale';
import { getCounterStore } from '@/lib/orders/counter-session';
import { getDeviceTill } from '@/lib/till/device';
import { getTillSessionDetail, listTillSessions } from '@/lib/till/queries';
import { SUGGESTED_TILL_COUNT } from '@/lib/till/schemas';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('counter.till'))('pageTitle') };
}

/** The till of this tablet: open it with a float, move cash in or out, then count and close it. */
export default async function TillPage() {
  const actor = await requirePageRole(COUNTER_ROLES, '/counter/till');
  const db = getDb();
  const store = await getCounterStore(db, actor);
  if (!store) return <StoreGate actor={actor} />;
  const [t, locale, device, sessions] = await Promise.all([
    getTranslations('counter.till'),
    getLocale(),
    getDeviceTill(db, actor.userId),
    listTillSessions(db, store.id),
  ]);
  const detail = device ? await getTillSessionDetail(db, device.id, store.id) : null;
  const money = (c: number) => formatMoney(c, locale);
  const openElsewhere = sessions.filter((s) => s.status === 'open' && s.id !== device?.id);
  const numbered = Array.from({ length: SUGGESTED_TILL_COUNT }, (_, i) => t('suggestedName', { n: i + 1 }));
  const names = [...new Set([...numbered, ...sessions.map((s) => s.tillName)])].filter(
    (n) => !sessions.some((s) => s.status === 'open' && s.tillName === n),
  );

  return (
    <div className="mx-auto max-w-5xl space-y-5">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{detail ? detail.session.tillName : t('title')}</h1>
        <ButtonLink href="/counter/till/day" variant="secondary" size="lg">
          {t('dayReport')}
        </ButtonLink>
      </div>

      {detail ? (
        <div className="grid gap-4 lg:grid-cols-2 lg:items-start">
          <Card className="space-y-4">
            <div>
              <h2 className="text-lg font-semibold">{t('cashTitle')}</h2>
              <p className="text-sm text-stone-600">
                {t('openSince', { time: formatDateTime(detail.session.openedAt, locale), name: detail.session.openedByName ?? '—' })}
              </p>
            </div>
            <TillCashSummary expected={detail.expected} locale={locale} />
            <div className="flex flex-wrap gap-3">
              <ButtonLink href="/counter/till/close" size="xl" className="flex-1">
                {t('closeLink')}
              </ButtonLink>
              <ButtonLink href={`/counter/till/sessions/${detail.session.id}`} variant="secondary" size="xl">
                {t('zReport')}
              </ButtonLink>
            </div>
          </Card>
          <Card className="space-y-4">
            <h2 className="text-lg font-semibold">{t('movementTitle')}</h2>
            <TillMovementForm />
          </Card>
          <section aria-labelledby="till-movements" className="space-y-2 lg:col-span-2">
            <h2 id="till-movements" className="text-lg font-semibold">
              {t('movements')}
            </h2>
            <DataTable
              caption={t('movements')}
              rows={detail.movements}
              rowKey={(m) => m.id}
              empty={t('noMovements')}
              columns={[
                { key: 'time', header: t('time'), cell: (m) => formatDateTime(m.createdAt, locale) },
                { key: 'kind', header: t('kind'), cell: (m) => t(m.kind === 'cash_in' ? 'cashIn' : 'cashOut') },
                { key: 'reason', header: t('reason'), cell: (m) => m.reason },
                { key: 'by', header: t('by'), cell: (m) => m.actorName ?? '—' },
                { key: 'amount', header: t('amount'), numeric: true, cell: (m) => (m.kind === 'cash_in' ? '+ ' : '− ') + money(m.amountCents) },
              ]}
            />
          </section>
        </div>
      ) : (
        <div className="grid gap-4 lg:grid-cols-2 lg:items-start">
          <Card className="space-y-4">
            <h2 className="text-lg font-semibold">{t('openTitle')}</h2>
            <TillOpenForm suggestions={names} />
          </Card>
          <Card className="space-y-3">
            <h2 className="text-lg font-semibold">{t('openElsewhere')}</h2>
            {openElsewhere.length === 0 ? (
              <p className="text-stone-600">{t('noOpenTills')}</p>
            ) : (
              <ul className="space-y-3">
                {openElsewhere.map((s) => (
                  <li key={s.id} className="flex flex-wrap items-center justify-between gap-3">
                    <span>
                      <span className="font-medium">{s.tillName}</span>
                      <span className="block text-sm text-stone-600">
                        {t('openSince', { time: formatDateTime(s.openedAt, locale), name: s.openedByName ?? '—' })}
                      </span>
                    </span>
                    <TillContinueButton sessionId={s.id} tillName={s.tillName} />
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
      )}

      <section aria-labelledby="till-sessions" className="space-y-2">
        <h2 id="till-sessions" className="text-lg font-semibold">
          {t('sessionsTitle')}
        </h2>
        <DataTable
          caption={t('sessionsTitle')}
          rows={sessions}
          rowKey={(s) => s.id}
          empty={t('noSessions')}
          columns={[
            { key: 'till', header: t('till'), cell: (s) => s.tillName },
            { key: 'state', header: t('state'), cell: (s) => t(`status.${s.status}`) },
            { key: 'opened', header: t('openedAt'), cell: (s) => formatDateTime(s.openedAt, locale) },
            { key: 'closed', header: t('closedAt'), cell: (s) => (s.closedAt ? formatDateTime(s.closedAt, locale) : '—') },
            { key: 'expected', header: t('expected'), numeric: true, cell: (s) => (s.expectedCashCents === null ? '—' : money(s.expectedCashCents)) },
            { key: 'counted', header: t('counted'), numeric: true, cell: (s) => (s.countedCashCents === null ? '—' : money(s.countedCashCents)) },
            {
              key: 'difference',
              header: t('difference'),
              numeric: true,
              cell: (s) => (s.countedCashCents === null || s.expectedCashCents === null ? '—' : money(s.countedCashCents - s.expectedCashCents)),
            },
            {
              key: 'report',
              header: t('zReport'),
              headerHidden: true,
              cell: (s) => (
                <Link href={`/counter/till/sessions/${s.id}`} className="inline-flex min-h-11 items-center font-medium text-brand-700 hover:underline">
                  {t('zReportOf', { till: s.tillName })}
                </Link>
              ),
            },
          ]}
        />
      </section>
    </div>
  );
}
