import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ConversationInboxFrame } from '@/components/counter/conversation-inbox-frame';
import { ConversationNoteForm } from '@/components/counter/conversation-note-form';
import { ConversationThread } from '@/components/counter/conversation-thread';
import { StoreGate } from '@/components/counter/store-gate';
import { COUNTER_ROLES, requirePageRole } from '@/lib/auth/session';
import { getNoteCustomer } from '@/lib/conversations/inbox-queries';
import { getStaffThread } from '@/lib/conversations/queries';
import { getDb } from '@/lib/db';
import { getLocale } from '@/lib/i18n/locale';
import { getCounterStore } from '@/lib/orders/counter-session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('conversations.staff'))('counterTitle') };
}

/**
 * A customer's conversation reached from the customer (the one served at the counter): their thread,
 * or — before they have one — a note that starts it. Not the clerk's customer → 404.
 */
export default async function CounterCustomerConversationPage({ params }: { params: Promise<{ customerId: string }> }) {
  const { customerId } = await params;
  const actor = await requirePageRole(COUNTER_ROLES, `/counter/inbox/customer/${customerId}`);
  const db = getDb();
  const store = await getCounterStore(db, actor);
  if (!store) return <StoreGate actor={actor} />;
  const customer = /^\d{1,10}$/.test(customerId) ? await getNoteCustomer(db, Number(customerId), actor) : null;
  if (!customer) notFound();
  const [t, locale, thread] = await Promise.all([
    getTranslations('conversations.staff'),
    getLocale(),
    customer.threadId ? getStaffThread(db, customer.threadId, actor) : null,
  ]);
  return (
    <ConversationInboxFrame
      scope={{ kind: 'store', storeId: store.id }}
      surface="counter"
      basePath="/counter/inbox"
      view="open"
      selectedId={thread?.id}
      selected
      title={t('counterTitle')}
      intro={t('counterIntro', { store: store.name })}
    >
      {thread ? (
        <ConversationThread thread={thread} actorUserId={actor.userId} locale={locale} />
      ) : (
        <div className="space-y-4">
          <h2 className="text-xl font-semibold">{customer.name}</h2>
          <p className="text-stone-600">{t('noThreadYet', { name: customer.name })}</p>
          <ConversationNoteForm target={{ customerId: customer.id }} />
        </div>
      )}
    </ConversationInboxFrame>
  );
}
