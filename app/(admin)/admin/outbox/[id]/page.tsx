import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { OutboxMessageView } from '@/components/admin/outbox-message';
import { OutboxRetryButton } from '@/components/admin/outbox-retry-button';
import { PageHeader } from '@/components/admin/page-header';
import { ADMIN_ROLES, requirePageRole } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { getOutboxMessage } from '@/lib/notifications/queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.outbox'))('title') };
}

/** One message: its facts, the text and the HTML as rendered at its last attempt, and "Retry". */
export default async function OutboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageRole(ADMIN_ROLES, `/admin/outbox/${encodeURIComponent(id)}`);
  const [t, locale] = await Promise.all([getTranslations('admin.outbox'), getLocale()]);
  const message = await getOutboxMessage(getDb(), actor, id);
  if (!message) notFound();
  return (
    <div className="mx-auto max-w-5xl">
      <PageHeader
        title={t('detail.title', { recipient: message.recipient })}
        description={message.subject ?? t('noSubject')}
        back={{ href: '/admin/outbox', label: t('detail.back') }}
        actions={
          <OutboxRetryButton id={message.id} recipient={message.recipient} retryable={message.status === 'failed' || message.status === 'dead'} />
        }
      />
      <OutboxMessageView message={message} locale={locale} />
    </div>
  );
}
