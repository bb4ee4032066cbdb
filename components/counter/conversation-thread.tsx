import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { LiveRefresh } from '@/components/shop/live-refresh';
import { ChatLog, type ChatLogItem } from '@/components/ui/chat-log';
import { MessageComposer } from '@/components/ui/message-composer';
import { replyToThreadAction } from '@/lib/conversations/actions';
import { threadTopic } from '@/lib/conversations/live';
import type { StaffThreadDto } from '@/lib/conversations/queries';
import { MESSAGE_MAX } from '@/lib/conversations/schemas';
import type { Locale } from '@/lib/i18n/config';
import { formatDateTime } from '@/lib/i18n/format';
import { ConversationNoteForm } from './conversation-note-form';
import { ConversationStaffSeen } from './conversation-staff-seen';
import { ConversationThreadActions } from './conversation-thread-actions';

/**
 * One conversation for a clerk or admin (shared by the counter inbox and the admin inbox): who the
 * customer is, the messages and notes, the answer box, a note of a call or talk, assign and close.
 * `orderHref` links a guest's order to where this surface shows it.
 */
export function ConversationThread({
  thread,
  actorUserId,
  locale,
  orderHref,
  size = 'lg',
}: {
  thread: StaffThreadDto;
  actorUserId: number;
  locale: Locale;
  orderHref?: (order: { id: string; number: string }) => string;
  size?: 'md' | 'lg';
}) {
  const t = useTranslations('conversations');
  const lastCustomer = thread.messages.findLast((m) => m.author === 'customer');
  const items: ChatLogItem[] = thread.messages.map((m) => {
    const note = m.channel === 'phone_note' || m.channel === 'in_store_note';
    return {
      id: m.id,
      side: m.author === 'staff' ? 'mine' : 'theirs',
      tone: note ? 'note' : 'message',
      author: note
        ? `${t('staff.note', { channel: t(`channels.${m.channel}`) })} · ${m.authorName ?? '—'}`
        : m.author === 'customer'
          ? thread.customer.name
          : (m.authorName ?? '—'),
      at: m.createdAt.toISOString(),
      atLabel: formatDateTime(m.createdAt, locale),
      body: m.body,
      meta:
        [
          // A guest's thread is about its one order (shown above); a customer's may span several.
          m.orderNumber && !thread.guestOrder ? t('shop.aboutOrder', { number: m.orderNumber }) : null,
          !note && m.author === 'staff' && m.readByCustomerAt ? t('staff.seenByCustomer') : null,
        ]
          .filter(Boolean)
          .join(' · ') || undefined,
      highlight:
        m.author === 'customer' && m.readByStaffAt === null ? (
          <span className="rounded-full bg-orange-100 px-2 py-0.5 font-semibold text-orange-800">{t('staff.new')}</span>
        ) : undefined,
    };
  });
  const contact: [string, string | null][] = [
    [t('staff.email'), thread.customer.email],
    [t('staff.phone'), thread.customer.phone],
    [t('staff.preferredStore'), thread.customer.preferredStore],
  ];

  return (
    <article aria-labelledby="thread-title" className="space-y-4">
      <LiveRefresh topics={[threadTopic(thread.id)]} />
      {thread.unread > 0 && <ConversationStaffSeen threadId={thread.id} token={`${thread.id}:${lastCustomer?.id}`} />}
      <header className="space-y-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-stone-200">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0">
            <p className="text-sm font-medium text-stone-500">{t('staff.customerTitle')}</p>
            <h2 id="thread-title" className="text-xl font-semibold break-words text-stone-900">
              {thread.customer.name}
            </h2>
            {thread.guestOrder && (
              <p className="text-sm text-stone-600">
                {orderHref ? (
                  <Link href={orderHref(thread.guestOrder)} className="font-medium text-brand-700 underline">
                    {t('staff.guest', { number: thread.guestOrder.number })}
                  </Link>
                ) : (
                  t('staff.guest', { number: thread.guestOrder.number })
                )}
              </p>
            )}
          </div>
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <span className="rounded-full bg-stone-100 px-3 py-1 font-medium text-stone-700">
              {t('staff.store')}: {thread.storeName ?? t('staff.noStore')}
            </span>
            <span className="rounded-full bg-stone-100 px-3 py-1 font-medium text-stone-700">
              {thread.assignedName ? t('staff.assignedTo', { name: thread.assignedName }) : t('staff.notAssigned')}
            </span>
            {thread.status === 'closed' && (
              <span className="rounded-full bg-stone-800 px-3 py-1 font-medium text-white">{t('staff.closedBadge')}</span>
            )}
          </div>
        </div>
        <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-3">
          {contact
            .filter(([, value]) => value)
            .map(([label, value]) => (
              <div key={label} className="min-w-0">
                <dt className="text-stone-500">{label}</dt>
                <dd className="font-medium break-words text-stone-900">{value}</dd>
              </div>
            ))}
        </dl>
        <ConversationThreadActions
          threadId={thread.id}
          assignedToMe={thread.assignedUserId === actorUserId}
          status={thread.status}
          size={size}
        />
      </header>

      <ChatLog
        items={items}
        label={t('staff.logLabel', { name: thread.customer.name })}
        empty={t('staff.noMessages')}
        maxHeightClass={size === 'lg' ? 'max-h-[26rem]' : 'max-h-[32rem]'}
      />

      <section aria-labelledby="reply-title" className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-stone-200">
        <h3 id="reply-title" className="mb-2 text-lg font-semibold">
          {t('staff.replyTitle')}
        </h3>
        <MessageComposer
          action={replyToThreadAction}
          hidden={{ threadId: thread.id }}
          max={MESSAGE_MAX}
          label={t('form.message')}
          submitLabel={t('form.send')}
          pendingLabel={t('form.sending')}
          hint={t('staff.replyHint')}
          size={size}
          idPrefix="reply"
        />
      </section>

      <ConversationNoteForm target={{ threadId: thread.id }} size={size} />
    </article>
  );
}
