import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { buttonClass } from '@/components/ui/button';
import type { Locale } from '@/lib/i18n/config';
import { formatDateTime } from '@/lib/i18n/format';
import type { OutboxListItem } from '@/lib/notifications/queries';
import { OutboxRetryButton } from './outbox-retry-button';
import { OutboxStatusBadge } from './outbox-status-badge';

const th = 'px-3 py-3';

/** The admin outbox list: when, which channel, to whom, what, how it went, and the way to retry it. */
export async function OutboxTable({ messages, locale }: { messages: OutboxListItem[]; locale: Locale }) {
  const t = await getTranslations('admin.outbox');
  return (
    <div className="relative overflow-x-auto rounded-2xl bg-white shadow-sm ring-1 ring-stone-200">
      <table className="w-full min-w-[64rem] text-left text-sm">
        <caption className="sr-only">{t('listLabel')}</caption>
        <thead className="border-b border-stone-200 bg-stone-50 text-xs font-semibold tracking-wide whitespace-nowrap text-stone-600 uppercase">
          <tr>
            <th scope="col" className={th}>{t('columns.time')}</th>
            <th scope="col" className={th}>{t('columns.channel')}</th>
            <th scope="col" className={th}>{t('columns.recipient')}</th>
            <th scope="col" className={th}>{t('columns.subject')}</th>
            <th scope="col" className={th}>{t('columns.status')}</th>
            <th scope="col" className={`${th} text-right`}>{t('columns.attempts')}</th>
            <th scope="col" className={th}>{t('columns.error')}</th>
            <th scope="col" className={th}>
              <span className="sr-only">{t('columns.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {messages.map((m) => (
            <tr key={m.id} className="align-top">
              <td className="px-3 py-3 whitespace-nowrap tabular-nums">{formatDateTime(m.createdAt, locale)}</td>
              <td className="px-3 py-3">{t(`channels.${m.channel}`)}</td>
              <th scope="row" className="max-w-56 px-3 py-3 font-medium break-all text-stone-900">
                {m.recipient}
              </th>
              <td className="max-w-72 px-3 py-3">
                {m.subject ?? <span className="text-stone-500">{t('noSubject')}</span>}
                <span className="block font-mono text-xs text-stone-500">{m.templateKey}</span>
              </td>
              <td className="px-3 py-3">
                <OutboxStatusBadge message={m} t={t} />
              </td>
              <td className="px-3 py-3 text-right tabular-nums">{m.attempts}</td>
              <td className="max-w-80 px-3 py-3 text-stone-700">
                {m.lastError && m.status !== 'sent' && <span className="line-clamp-3 break-words" title={m.lastError}>{m.lastError}</span>}
                {m.status === 'failed' && (
                  <span className="mt-1 block text-xs whitespace-nowrap text-stone-500">
                    {t('nextAttempt', { time: formatDateTime(m.nextAttemptAt, locale) })}
                  </span>
                )}
              </td>
              <td className="px-3 py-3">
                <div className="flex flex-col items-stretch gap-2">
                  <Link href={`/admin/outbox/${m.id}`} aria-label={t('viewLabel', { recipient: m.recipient })} className={buttonClass('secondary', 'sm')}>
                    {t('view')}
                  </Link>
                  <OutboxRetryButton id={m.id} recipient={m.recipient} retryable={m.status === 'failed' || m.status === 'dead'} />
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
