import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ConversationInboxFrame, inboxViewOf } from '@/components/counter/conversation-inbox-frame';
import { ConversationThread } from '@/components/counter/conversation-thread';
import { ADMIN_ROLES, requirePageRole } from '@/lib/auth/session';
import { getStaffThread } from '@/lib/conversations/queries';
import { getDb } from '@/lib/db';
import { getLocale } from '@/lib/i18n/locale';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('conversations.staff'))('adminTitle') };
}

type Props = { params: Promise<{ threadId: string }>; searchParams: Promise<{ view?: string | string[] }> };

/** One conversation in the admin inbox. */
export default async function AdminThreadPage({ params, searchParams }: Props) {
  const { threadId } = await params;
  const actor = await requirePageRole(ADMIN_ROLES, `/admin/messages/${threadId}`);
  const [t, locale, { view }, thread] = await Promise.all([
    getTranslations('conversations.staff'),
    getLocale(),
    searchParams,
    getStaffThread(getDb(), threadId, actor),
  ]);
  if (!thread) notFound();
  return (
    <ConversationInboxFrame
      scope={{ kind: 'all' }}
      surface="admin"
      basePath="/admin/messages"
      view={inboxViewOf(view)}
      selectedId={thread.id}
      selected
      title={t('adminTitle')}
      intro={t('adminIntro')}
    >
      <ConversationThread thread={thread} actorUserId={actor.userId} locale={locale} size="md" orderHref={(order) => `/admin/orders/${order.id}`} />
    </ConversationInboxFrame>
  );
}
