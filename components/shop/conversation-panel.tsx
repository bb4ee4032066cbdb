import { useTranslations } from 'next-intl';
import { LiveRefresh } from '@/components/shop/live-refresh';
import { ChatLog, type ChatLogItem } from '@/components/ui/chat-log';
import { MessageComposer } from '@/components/ui/message-composer';
import { sendMessageAction } from '@/lib/conversations/actions';
import { threadTopic } from '@/lib/conversations/live';
import type { ShopperThreadDto } from '@/lib/conversations/queries';
import { MESSAGE_MAX } from '@/lib/conversations/schemas';
import type { Locale } from '@/lib/i18n/config';
import { formatDateTime } from '@/lib/i18n/format';
import { ConversationSeen } from './conversation-seen';

/**
 * The shopper's chat with the shop: on the order page (`orderId`: questions about that order) and on the
 * account page. Answers appear by themselves (live topic of the thread); they count as read once shown.
 */
export function ConversationPanel({
  thread,
  orderId,
  storeName,
  locale,
}: {
  thread: ShopperThreadDto | null;
  orderId?: string;
  /** The store that will answer (order page), when known. */
  storeName?: string | null;
  locale: Locale;
}) {
  const t = useTranslations('conversations');
  const onOrder = orderId !== undefined;
  const items: ChatLogItem[] = (thread?.messages ?? []).map((m) => ({
    id: m.id,
    side: m.author === 'customer' ? 'mine' : 'theirs',
    author: m.author === 'customer' ? t('shop.you') : m.authorName ? t('shop.staff', { name: m.authorName }) : t('shop.staffNoName'),
    at: m.createdAt.toISOString(),
    atLabel: formatDateTime(m.createdAt, locale),
    body: m.body,
    meta: m.orderNumber && m.orderId !== orderId ? t('shop.aboutOrder', { number: m.orderNumber }) : undefined,
    highlight:
      m.author === 'staff' && m.readByCustomerAt === null ? (
        <span className="rounded-full bg-orange-100 px-2 py-0.5 font-semibold text-orange-800">{t('staff.new')}</span>
      ) : undefined,
  }));
  const store = storeName ?? thread?.storeName ?? null;
  const titleId = onOrder ? 'conversation-title' : 'messages-title';

  return (
    <section id="messages" aria-labelledby={titleId} className="scroll-mt-32 space-y-4 rounded-2xl bg-white p-5 ring-1 ring-stone-200">
      {thread && <LiveRefresh topics={[threadTopic(thread.id)]} />}
      {thread && thread.unread > 0 && <ConversationSeen orderId={orderId} token={`${thread.id}:${thread.unread}:${items.at(-1)?.id}`} />}
      <div>
        <h2 id={titleId} className="flex flex-wrap items-center gap-2 text-lg font-semibold">
          {onOrder ? t('shop.orderTitle') : t('shop.accountTitle')}
          {thread && thread.unread > 0 && (
            <span className="rounded-full bg-accent-600 px-2.5 py-0.5 text-xs font-semibold text-white">
              {t('shop.newAnswers', { count: thread.unread })}
            </span>
          )}
        </h2>
        <p className="mt-1 text-sm text-stone-600">
          {onOrder ? (store ? t('shop.orderIntro', { store }) : t('shop.orderIntroNoStore')) : t('shop.accountIntro')}
        </p>
      </div>
      {(items.length > 0 || !onOrder) && <ChatLog items={items} label={t('shop.logLabel')} empty={t('shop.empty')} />}
      {thread?.status === 'closed' && <p className="text-sm text-stone-600">{t('shop.closedNote')}</p>}
      <MessageComposer
        action={sendMessageAction}
        hidden={orderId ? { orderId } : {}}
        max={MESSAGE_MAX}
        label={t('form.message')}
        submitLabel={t('form.send')}
        pendingLabel={t('form.sending')}
        idPrefix={onOrder ? 'order-message' : 'account-message'}
      />
    </section>
  );
}
