import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { TransferNotice } from '@/components/admin/transfer-notice';
import { StoreGate } from '@/components/counter/store-gate';
import { TransferCard } from '@/components/counter/transfer-card';
import { DataTable } from '@/components/ui/data-table';
import { COUNTER_ROLES, requirePageRole } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { formatDateTime } from '@/lib/i18n/format';
import { getLocale } from '@/lib/i18n/locale';
import { getCounterStore } from '@/lib/orders/counter-session';
import { listStoreTransfers } from '@/lib/transfers/queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('counter.transfers'))('title') };
}

/** This store's transfers: incoming (receive with counts), outgoing (ship), and the last ones received. */
export default async function CounterTransfersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageRole(COUNTER_ROLES, '/counter/transfers');
  const db = getDb();
  const store = await getCounterStore(db, actor);
  if (!store) return <StoreGate actor={actor} />;
  const [t, locale, params] = await Promise.all([getTranslations('counter.transfers'), getLocale(), searchParams]);
  const { incoming, outgoing, received } = await listStoreTransfers(db, store.id, locale);

  return (
    <div className="mx-auto max-w-5xl space-y-8">
      <h1 className="text-2xl font-semibold text-stone-900">{t('title')}</h1>
      <TransferNotice params={params} />
      <section aria-labelledby="incoming-title">
        <h2 id="incoming-title" className="mb-3 text-lg font-semibold text-stone-800">
          {t('incoming', { count: incoming.length })}
        </h2>
        {incoming.length === 0 ? (
          <p role="status" className="rounded-2xl border-2 border-dashed border-stone-300 px-6 py-8 text-center text-stone-600">
            {t('noIncoming')}
          </p>
        ) : (
          <div className="grid gap-4 lg:grid-cols-2">
            {incoming.map((tr) => (
              <TransferCard key={tr.id} transfer={tr} direction="incoming" />
            ))}
          </div>
        )}
      </section>
      <section aria-labelledby="outgoing-title">
        <h2 id="outgoing-title" className="mb-3 text-lg font-semibold text-stone-800">
          {t('outgoing', { count: outgoing.length })}
        </h2>
        {outgoing.length === 0 ? (
          <p role="status" className="rounded-2xl border-2 border-dashed border-stone-300 px-6 py-8 text-center text-stone-600">
            {t('noOutgoing')}
          </p>
        ) : (
          <div className="grid gap-4 lg:grid-cols-2">
            {outgoing.map((tr) => (
              <TransferCard key={tr.id} transfer={tr} direction="outgoing" />
            ))}
          </div>
        )}
      </section>
      <section aria-labelledby="received-title">
        <h2 id="received-title" className="mb-3 text-lg font-semibold text-stone-800">
          {t('recentlyReceived')}
        </h2>
        <DataTable
          caption={t('recentlyReceived')}
          rows={received}
          rowKey={(r) => r.id}
          empty={t('noneReceived')}
          columns={[
            { key: 'number', header: t('columns.number'), cell: (r) => <span className="font-mono">{r.number}</span> },
            { key: 'from', header: t('columns.from'), cell: (r) => r.fromName },
            { key: 'units', header: t('columns.units'), numeric: true, cell: (r) => t('unitsReceived', { received: r.receivedUnits ?? 0, units: r.units }) },
            { key: 'when', header: t('columns.when'), cell: (r) => (r.receivedAt ? formatDateTime(r.receivedAt, locale) : '—') },
          ]}
        />
      </section>
    </div>
  );
}
