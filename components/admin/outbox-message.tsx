import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { Card } from '@/components/ui/card';
import type { Locale } from '@/lib/i18n/config';
import { formatDateTime } from '@/lib/i18n/format';
import type { OutboxMessage } from '@/lib/notifications/queries';
import { OutboxStatusBadge } from './outbox-status-badge';

/**
 * The detail of one outbox message. The HTML is shown in an iframe with an empty `sandbox` (no
 * scripts, no forms, no same-origin access), loaded from its own route with a CSP for email HTML
 * (app/api/admin/outbox/[id]/preview): the templates escape what customers wrote, and this keeps the
 * admin page safe even if one did not.
 */
export async function OutboxMessageView({ message: m, locale }: { message: OutboxMessage; locale: Locale }) {
  const t = await getTranslations('admin.outbox');
  const when = (d: Date | null) => (d ? formatDateTime(d, locale, { timeStyle: 'medium' }) : '—');
  const facts: [string, ReactNode][] = [
    [t('columns.status'), <OutboxStatusBadge key="status" message={m} t={t} />],
    [t('columns.channel'), t(`channels.${m.channel}`)],
    [t('columns.recipient'), <span key="recipient" className="break-all">{m.recipient}</span>],
    [t('detail.template'), <code key="template" className="font-mono text-xs">{m.templateKey}</code>],
    [t('detail.language'), m.locale.toUpperCase()],
    [t('detail.cause'), <code key="cause" className="font-mono text-xs break-all">{m.causeKey}</code>],
    [t('columns.attempts'), m.attempts],
    [t('detail.created'), when(m.createdAt)],
    [t('detail.sent'), when(m.sentAt)],
  ];
  if (m.status === 'failed' || m.status === 'pending') facts.push([t('detail.nextAttempt'), when(m.nextAttemptAt)]);
  if (m.status === 'sending') facts.push([t('detail.lockedUntil'), when(m.lockedUntil)]);
  if (m.providerMessageId) facts.push([t('detail.provider'), <code key="provider" className="font-mono text-xs break-all">{m.providerMessageId}</code>]);

  return (
    <div className="space-y-6">
      <Card>
        <h2 className="sr-only">{t('detail.facts')}</h2>
        <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[max-content_1fr]">
          {facts.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="font-medium text-stone-600">{label}</dt>
              <dd className="text-stone-900">{value}</dd>
            </div>
          ))}
        </dl>
        {m.lastError && m.status !== 'sent' && (
          <div className="mt-4 rounded-lg bg-red-50 px-4 py-3 text-sm text-red-900 ring-1 ring-red-200">
            <p className="font-medium">{t('detail.lastError')}</p>
            <p className="mt-1 font-mono text-xs break-words whitespace-pre-wrap">{m.lastError}</p>
          </div>
        )}
      </Card>

      {m.bodyText === null ? (
        <Card>
          <p className="text-stone-600">{t('detail.notRendered')}</p>
        </Card>
      ) : (
        <>
          <Card>
            <h2 className="mb-3 text-base font-semibold text-stone-900">{t('detail.text')}</h2>
            <pre className="overflow-x-auto rounded-lg bg-stone-50 p-4 font-mono text-sm whitespace-pre-wrap text-stone-800 ring-1 ring-stone-200">
              {m.bodyText}
            </pre>
          </Card>
          {m.bodyHtml && (
            <Card>
              <h2 className="mb-3 text-base font-semibold text-stone-900">{t('detail.html')}</h2>
              <iframe
                title={t('detail.htmlFrame')}
                sandbox=""
                referrerPolicy="no-referrer"
                src={`/api/admin/outbox/${m.id}/preview`}
                className="h-[40rem] w-full rounded-lg bg-white ring-1 ring-stone-200"
              />
            </Card>
          )}
        </>
      )}
    </div>
  );
}
