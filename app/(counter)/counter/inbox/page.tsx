import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ConversationInboxFrame, inboxViewOf, NoThreadChosen } from '@/components/counter/conversation-inbox-frame';
import { StoreGate } from '@/components/counter/store-gate';
import { COUNTER_ROLES, requirePageRole } from '@/lib/auth/session';
import { getCounterCustomer } from '@/lib/conversations/inbox-queries';
import { getDb } from '@/lib/db';
import { getCounterStore } from '@/lib/orders/counter-session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('conversations.staff'))('counterTitle') };
}

/** The counter's inbox: this store's conversations and the unassigned ones. */
export default async function CounterInboxPage({ searchParams }: { searchParams: Promise<{ view?: string | string[] }> }) {
  const actor = await requirePageRole(COUNTER_ROLES, '/counter/inbox');
  const db = getDb();
  const store = await getCounterStore(db, actor);
  if (!store) return <StoreGate actor={actor} />;
  const [t, { view }] = await Promise.all([getTranslations('conversations.staff'), searchParams]);
  const served = await getCounterCustomer(db, actor, store.id);
  return (
    <ConversationInboxFrame
      scope={{ kind: 'store', storeId: store.id }}
      surface="counter"
      basePath="/counter/inbox"
      view={inboxViewOf(view)}
      selected={false}
      title={t('counterTitle')}
      intro={t('counterIntro', { store: store.name })}
      aside={served && <ServedCustomer customer={served} label={t('atCounter', { name: served.name })} link={t('openCustomer', { name: served.name })} />}
    >
      <NoThreadChosen text={t('pickThread')} />
    </ConversationInboxFrame>
  );
}

/** The customer on this clerk's sale right now: one tap to their conversation (or to start one with a note). */
function ServedCustomer({ customer, label, link }: { customer: { id: number }; label: string; link: string }) {
  return (
    <p className="flex flex-wrap items-center justify-between gap-3 rounded-2xl bg-sky-50 px-4 py-3 text-base text-sky-950 ring-1 ring-sky-200">
      <span className="font-medium">{label}</span>
      <Link
        href={`/counter/inbox/customer/${customer.id}`}
        className="inline-flex min-h-12 items-center rounded-lg bg-white px-4 font-semibold text-sky-900 ring-1 ring-sky-300 hover:bg-sky-100"
      >
        {link}
      </Link>
    </p>
  );
}
