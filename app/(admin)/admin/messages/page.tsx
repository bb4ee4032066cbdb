import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ConversationInboxFrame, inboxViewOf, NoThreadChosen } from '@/components/counter/conversation-inbox-frame';
import { ADMIN_ROLES, requirePageRole } from '@/lib/auth/session';
import { FindCustomer } from './_components/find-customer';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('conversations.staff'))('adminTitle') };
}

type Params = { view?: string | string[]; email?: string | string[] };

/** Every conversation of every store, and a way to any customer's. */
export default async function AdminMessagesPage({ searchParams }: { searchParams: Promise<Params> }) {
  const actor = await requirePageRole(ADMIN_ROLES, '/admin/messages');
  const [t, params] = await Promise.all([getTranslations('conversations.staff'), searchParams]);
  const email = (typeof params.email === 'string' ? params.email : '').trim().slice(0, 254);
  return (
    <ConversationInboxFrame
      scope={{ kind: 'all' }}
      surface="admin"
      basePath="/admin/messages"
      view={inboxViewOf(params.view)}
      selected={false}
      title={t('adminTitle')}
      intro={t('adminIntro')}
      aside={<FindCustomer email={email} actor={actor} />}
    >
      <NoThreadChosen text={t('pickThread')} />
    </ConversationInboxFrame>
  );
}
