import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { getDb } from '@/lib/db';
import { countUnreadThreads, INBOX_VIEWS, listInbox, type InboxScope, type InboxView } from '@/lib/conversations/inbox-queries';
import { getLocale } from '@/lib/i18n/locale';
import { ConversationInboxList } from './conversation-inbox-list';
import { ConversationInboxShell } from './conversation-inbox-shell';

/** The `view` search parameter, or the default view. */
export function inboxViewOf(value: string | string[] | undefined): InboxView {
  return INBOX_VIEWS.find((v) => v === value) ?? 'open';
}

/**
 * An inbox page around its content (the open thread, or a hint): title, the list of the chosen view
 * and, with `selected`, the thread beside it (wide screens) or instead of it (narrow ones). The scope
 * comes from the session (the counter's store, or all for the admin), never from the URL.
 */
export async function ConversationInboxFrame({
  scope,
  surface,
  basePath,
  view,
  selectedId,
  selected,
  title,
  intro,
  aside,
  children,
}: {
  scope: InboxScope;
  surface: 'counter' | 'admin';
  basePath: string;
  view: InboxView;
  selectedId?: string;
  selected: boolean;
  title: string;
  intro: string;
  aside?: ReactNode;
  children: ReactNode;
}) {
  const db = getDb();
  const [threads, unread, locale, t] = await Promise.all([
    listInbox(db, scope, view),
    countUnreadThreads(db, scope),
    getLocale(),
    getTranslations('conversations.staff'),
  ]);
  return (
    <div className="mx-auto max-w-6xl space-y-4">
      <div className={selected ? 'hidden lg:block' : ''}>
        <h1 className="text-2xl font-semibold tracking-tight text-stone-900">{title}</h1>
        <p className="mt-1 text-stone-600">{intro}</p>
      </div>
      {aside}
      <ConversationInboxShell
        selected={selected}
        back={{ href: `${basePath}?view=${view}`, label: t('backToInbox') }}
        list={
          <ConversationInboxList
            threads={threads}
            unread={unread}
            view={view}
            basePath={basePath}
            selectedId={selectedId}
            surface={surface}
            locale={locale}
          />
        }
      >
        {children}
      </ConversationInboxShell>
    </div>
  );
}

/** What the thread pane shows when nothing is open (wide screens only). */
export function NoThreadChosen({ text }: { text: string }) {
  return (
    <div className="rounded-2xl border-2 border-dashed border-stone-300 px-6 py-16 text-center text-lg font-medium text-stone-600">
      {text}
    </div>
  );
}
