import { getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/ui/data-table';
import type { Locale } from '@/lib/i18n/config';
import { formatDate } from '@/lib/i18n/format';
import type { LoyaltyEntryDto } from '@/lib/loyalty/queries';

/**
 * The last ledger entries, newest first: when, what, which order, how many points (+/−). The order is
 * named, not linked: the page beside it (the account's order list) already links each order once.
 */
export async function LoyaltyEntries({ entries, locale }: { entries: LoyaltyEntryDto[]; locale: Locale }) {
  const t = await getTranslations('shop.loyalty');
  return (
    <DataTable
      caption={t('history')}
      rows={entries}
      rowKey={(e) => e.id}
      empty={t('empty')}
      columns={[
        { key: 'date', header: t('date'), cell: (e) => formatDate(e.createdAt, locale) },
        {
          key: 'what',
          header: t('what'),
          cell: (e) => (
            <>
              {t(`kinds.${e.kind}`)}
              {e.kind === 'adjustment' && e.reason && (
                <span className="block text-xs text-stone-500">{e.reason}</span>
              )}
            </>
          ),
        },
        {
          key: 'order',
          header: t('order'),
          cell: (e) => e.orderNumber ?? '—',
        },
        {
          key: 'points',
          header: t('change'),
          numeric: true,
          cell: (e) => (
            <span className={e.points > 0 ? 'font-semibold text-brand-700' : 'font-semibold text-stone-700'}>
              {e.points > 0 ? `+${e.points}` : `−${-e.points}`}
            </span>
          ),
        },
      ]}
    />
  );
}
