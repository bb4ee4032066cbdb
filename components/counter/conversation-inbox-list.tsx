import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { INBOX_VIEWS, type InboxThreadDto, type InboxView } from '@/lib/conversations/inbox-queries';
import type { Locale } from '@/lib/i18n/config';
import { formatDateTime } from '@/lib/i18n/format';

/**
 * The views of an inbox (this store / unassigned / closed, with unread counts) and the threads of one,
 * newest first; a thread with unread customer messages says how many. Shared by counter and admin.
 */
export function ConversationInboxList({
  threads,
  unread,
  view,
  basePath,
  selectedId,
  surface,
  locale,
}: {
  threads: InboxThreadDto[];
  unread: Record<InboxView, number>;
  view: InboxView;
  basePath: string;
  selectedId?: string;
  surface: 'counter' | 'admin';
  locale: Locale;
}) {
  const t = useTranslations('conversations');
  const viewLabel = (v: InboxView) => (surface === 'counter' ? t(`staff.views.${v}`) : t(`staff.adminViews.${v}`));
  return (
    <div className="space-y-3">
      <nav aria-label={t('staff.viewsLabel')} className="flex gap-1.5 rounded-2xl bg-stone-200 p-1.5">
        {INBOX_VIEWS.map((v) => (
          <Link
            key={v}
            href={`${basePath}?view=${v}`}
            aria-current={v === view ? 'page' : undefined}
            className="flex min-h-12 flex-auto items-center justify-center gap-1.5 rounded-xl px-2 text-center text-sm font-semibold whitespace-nowrap text-stone-700 active:bg-stone-300 aria-[current=page]:bg-white aria-[current=page]:text-stone-900 aria-[current=page]:shadow-sm"
          >
            {viewLabel(v)}
            {unread[v] > 0 && (
              <span className="rounded-full bg-orange-600 px-2 text-xs text-white tabular-nums">
                <span aria-hidden="true">{unread[v]}</span>
                <span className="sr-only">{t('nav.unread', { count: unread[v] })}</span>
              </span>
            )}
          </Link>
        ))}
      </nav>
      {threads.length === 0 ? (
        <p className="rounded-2xl border-2 border-dashed border-stone-300 px-4 py-8 text-center font-medium text-stone-600">
          {t(`staff.empty.${view}`)}
        </p>
      ) : (
        <ul aria-label={t('staff.listLabel')} className="divide-y divide-stone-100 overflow-hidden rounded-2xl bg-white shadow-sm ring-1 ring-stone-200">
          {threads.map((thread) => {
            const last = thread.lastMessage;
            const excerpt = !last ? t('staff.noMessages') : last.author === 'staff' ? t('staff.lastFromStaff', { body: last.body }) : last.body;
            return (
              <li key={thread.id}>
                <Link
                  href={`${basePath}/${thread.id}?view=${view}`}
                  aria-current={thread.id === selectedId ? 'page' : undefined}
                  className="block min-h-16 px-4 py-3 hover:bg-stone-50 aria-[current=page]:bg-brand-50 aria-[current=page]:ring-2 aria-[current=page]:ring-brand-600 aria-[current=page]:ring-inset"
                >
                  <span className="flex items-baseline justify-between gap-2">
                    <span className={`truncate text-base ${thread.unread > 0 ? 'font-bold text-stone-900' : 'font-medium text-stone-800'}`}>
                      {thread.customerName}
                    </span>
                    <time dateTime={thread.lastMessageAt.toISOString()} className="shrink-0 text-xs text-stone-500">
                      {formatDateTime(thread.lastMessageAt, locale, { dateStyle: 'short' })}
                    </time>
                  </span>
                  <span className="mt-0.5 block truncate text-sm text-stone-600">{excerpt}</span>
                  <span className="mt-1 flex flex-wrap items-center gap-1.5 text-xs">
                    {thread.unread > 0 && (
                      <span className="rounded-full bg-orange-600 px-2 py-0.5 font-semibold text-white">
                        {t('staff.unreadBadge', { count: thread.unread })}
                      </span>
                    )}
                    {thread.orderNumber && <span className="rounded-full bg-stone-100 px-2 py-0.5 text-stone-700">{t('staff.guest', { number: thread.orderNumber })}</span>}
                    {surface === 'admin' && (
                      <span className="rounded-full bg-stone-100 px-2 py-0.5 text-stone-700">{thread.storeName ?? t('staff.noStore')}</span>
                    )}
                    {thread.assignedName && (
                      <span className="rounded-full bg-sky-100 px-2 py-0.5 text-sky-900">{t('staff.assignedTo', { name: thread.assignedName })}</span>
                    )}
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
