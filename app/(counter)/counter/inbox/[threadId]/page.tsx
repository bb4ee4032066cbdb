import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ConversationInboxFrame, inboxViewOf } from '@/components/counter/conversation-inbox-frame';
import { ConversationThread } from '@/components/counter/conversation-thread';
import { StoreGate } from '@/components/counter/store-gate';
import { COUNTER_ROLES, requirePageRole } from '@/lib/auth/session';
import { getStaffThread } from '@/lib/conversations/queries';
import { getDb } from '@/lib/db';
import { getLocale } from '@/lib/i18n/locale';
import { getCounterStore } from '@/lib/orders/counter-session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('conversations.staff'))('counterTitle') };
}

type Props = { params: Promise<{ threadId: string }>; searchParams: Promise<{ view?: string | string[] }> };

/** One conversation at the counter; another store's thread answers 404 (getStaffThread checks the clerk). */
export default async function CounterThreadPage({ params, searchParams }: Props) {
  const { threadId } = await params;
  const actor = await requirePageRole(COUNTER_ROLES, `/counter/inbox/${threadId}`);
  const db = getDb();
  const store = await getCounterStore(db, actor);
  if (!store) return <StoreGate actor={actor} />;
  const [t, locale, { view }, thread] = await Promise.all([
    getTranslations('conversations.staff'),
    getLocale(),
    searchParams,
    getStaffThread(db, threadId, actor),
  ]);
  if (!thread) notFound();
  return (
    <ConversationInboxFrame
      scope={{ kind: 'store', storeId: store.id }}
      surface="counter"
      basePath="/counter/inbox"
      view={inboxViewOf(view)}
      selectedId={thread.id}
      selected
      title={t('counterTitle')}
      intro={t('counterIntro', { store: store.name })}
    >
      <ConversationThread
        thread={thread}
        actorUserId={actor.userId}
        locale={locale}
        orderHref={(order) => `/counter/pickups?find=${encodeURIComponent(order.number)}`}
      />
    </ConversationInboxFrame>
  );
}
