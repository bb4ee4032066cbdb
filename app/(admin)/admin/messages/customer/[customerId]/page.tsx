import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ConversationInboxFrame } from '@/components/counter/conversation-inbox-frame';
import { ConversationNoteForm } from '@/components/counter/conversation-note-form';
import { ConversationThread } from '@/components/counter/conversation-thread';
import { ADMIN_ROLES, requirePageRole } from '@/lib/auth/session';
import { getNoteCustomer } from '@/lib/conversations/inbox-queries';
import { getStaffThread } from '@/lib/conversations/queries';
import { getDb } from '@/lib/db';
import { getLocale } from '@/lib/i18n/locale';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('conversations.staff'))('adminTitle') };
}

/** Any customer's conversation for an admin, or a note that starts it. */
export default async function AdminCustomerConversationPage({ params }: { params: Promise<{ customerId: string }> }) {
  const { customerId } = await params;
  const actor = await requirePageRole(ADMIN_ROLES, `/admin/messages/customer/${customerId}`);
  const db = getDb();
  const customer = /^\d{1,10}$/.test(customerId) ? await getNoteCustomer(db, Number(customerId), actor) : null;
  if (!customer) notFound();
  const [t, locale, thread] = await Promise.all([
    getTranslations('conversations.staff'),
    getLocale(),
    customer.threadId ? getStaffThread(db, customer.threadId, actor) : null,
  ]);
  return (
    <ConversationInboxFrame
      scope={{ kind: 'all' }}
      surface="admin"
      basePath="/admin/messages"
      view="open"
      selectedId={thread?.id}
      selected
      title={t('adminTitle')}
      intro={t('adminIntro')}
    >
      {thread ? (
        <ConversationThread thread={thread} actorUserId={actor.userId} locale={locale} size="md" />
      ) : (
        <div className="space-y-4">
          <h2 className="text-xl font-semibold">{customer.name}</h2>
          <p className="text-stone-600">{t('noThreadYet', { name: customer.name })}</p>
          <ConversationNoteForm target={{ customerId: customer.id }} size="md" />
        </div>
      )}
    </ConversationInboxFrame>
  );
}
