import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { formatDateTime, formatMoney } from '@/lib/i18n/format';
import type { Locale } from '@/lib/i18n/config';
import type { TimelineEntry, TouchChannel } from '@/lib/customers/timeline';
import { relativeTime } from './relative-time';

/**
 * The ONE timeline of a customer, newest first, as the counter's panel and the admin's page both show
 * it: orders of every channel with their live status, the conversation, loyalty points.
 * `links` says where an order or the conversation opens on this surface (none = plain text).
 */
export function CustomerTimeline({
  entries,
  locale,
  now,
  links = {},
}: {
  entries: TimelineEntry[];
  locale: Locale;
  now: Date;
  links?: { order?: (orderId: string) => string; thread?: (threadId: string) => string };
}) {
  const t = useTranslations('customers.timeline');
  if (entries.length === 0) {
    return (
      <p className="rounded-xl border border-dashed border-stone-300 bg-white px-4 py-8 text-center text-stone-600">
        {t('empty')}
      </p>
    );
  }
  return (
    <ol aria-label={t('label')} className="space-y-3">
      {entries.map((entry) => (
        <li
          key={
            entry.kind === 'order'
              ? entry.orderId
              : entry.kind === 'conversation'
                ? entry.threadId
                : `${entry.at.getTime()}-${entry.points}-${entry.entryKind}`
          }
          className="flex gap-3 rounded-xl bg-white p-4 ring-1 ring-stone-200"
        >
          <ChannelBadge channel={entry.channel} />
          <div className="min-w-0 flex-1">
            <Entry entry={entry} locale={locale} now={now} links={links} />
            <p className="mt-1 text-xs text-stone-500">
              <time dateTime={entry.at.toISOString()}>{formatDateTime(entry.at, locale)}</time>
            </p>
          </div>
        </li>
      ))}
    </ol>
  );
}

export function ChannelBadge({ channel }: { channel: TouchChannel }) {
  const t = useTranslations('customers.channel');
  if (!channel) return <span aria-hidden="true" className="w-14 shrink-0" />;
  const tone = channel === 'web' ? 'bg-sky-100 text-sky-900' : 'bg-orange-100 text-orange-900';
  return (
    <span
      className={`h-fit w-14 shrink-0 rounded-full px-2 py-0.5 text-center text-xs font-semibold ${tone}`}
    >
      {t(channel)}
    </span>
  );
}

function Entry({
  entry,
  locale,
  now,
  links,
}: {
  entry: TimelineEntry;
  locale: Locale;
  now: Date;
  links: { order?: (orderId: string) => string; thread?: (threadId: string) => string };
}) {
  const t = useTranslations('customers.timeline');
  const tPoints = useTranslations('customers.points');
  const ago = relativeTime(entry.at, now, locale);

  if (entry.kind === 'order') {
    const city = entry.storeCity ?? '';
    const status =
      entry.status === 'paid'
        ? t(entry.fulfilment === 'pickup' ? 'status.paid_pickup' : 'status.paid_delivery', { city })
        : t(`status.${entry.status}`, { city });
    const title =
      entry.channel === 'web'
        ? t('webOrder', { number: entry.number })
        : t('storeOrder', { number: entry.number });
    const href = links.order?.(entry.orderId);
    return (
      <>
        <div className="flex flex-wrap items-baseline justify-between gap-x-3">
          <p className="font-semibold text-stone-900">
            {href ? (
              <Link
                href={href}
                className="underline-offset-2 hover:underline"
                aria-label={t('openOrder', { number: entry.number })}
              >
                {title}
              </Link>
            ) : (
              title
            )}
          </p>
          <p className="font-semibold tabular-nums text-stone-900">{formatMoney(entry.totalCents, locale)}</p>
        </div>
        <p className="text-stone-700">
          {entry.channel === 'web' ? t('ordered', { ago }) : t('bought', { ago })} ·{' '}
          <span className="font-medium">{status}</span>
          <span className="text-stone-500"> · {t('items', { count: entry.itemCount })}</span>
        </p>
      </>
    );
  }

  if (entry.kind === 'conversation') {
    const href = links.thread?.(entry.threadId);
    return (
      <>
        <p className="font-semibold text-stone-900">
          {t('conversation')}{' '}
          <span className="font-normal text-stone-600">
            · {t('messages', { count: entry.messageCount })} ·{' '}
            {entry.status === 'open' ? t('threadOpen') : t('threadClosed')}
          </span>
        </p>
        {entry.lastMessage && (
          <p className="mt-0.5 line-clamp-2 text-stone-700">
            <span className="font-medium">
              {entry.lastMessage.author === 'customer' ? t('lastFromCustomer') : t('lastFromStaff')}
            </span>{' '}
            {entry.lastMessage.excerpt}
          </p>
        )}
        {href && (
          <Link
            href={href}
            className="mt-1 inline-flex min-h-11 items-center text-sm font-medium text-brand-700 underline"
          >
            {t('openThread')}
          </Link>
        )}
      </>
    );
  }

  const points = tPoints('entry', { points: entry.points });
  return (
    <p className="text-stone-800">
      <span className="font-semibold">
        {t('points', {
          kind: tPoints(`kind.${entry.entryKind}`),
          points: entry.points > 0 ? `+${points}` : points,
        })}
      </span>
      {entry.orderNumber && (
        <span className="text-stone-600"> · {tPoints('forOrder', { number: entry.orderNumber })}</span>
      )}
      <span className="text-stone-500"> · {ago}</span>
    </p>
  );
}
