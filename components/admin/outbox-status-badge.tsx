import { Badge } from '@/components/ui/card';
import type { OutboxListItem } from '@/lib/notifications/queries';

const TONE = { pending: 'neutral', sending: 'accent', sent: 'brand', failed: 'warning', dead: 'danger' } as const;

/** A message's status; a "sent" one that only reached the development outbox says so. */
export function OutboxStatusBadge({
  message,
  t,
}: {
  message: Pick<OutboxListItem, 'status' | 'devOutbox'>;
  t: (key: `statuses.${OutboxListItem['status']}` | 'devOutbox') => string;
}) {
  return (
    <span className="flex flex-col items-start gap-1">
      <Badge tone={TONE[message.status]}>{t(`statuses.${message.status}`)}</Badge>
      {message.status === 'sent' && message.devOutbox && <span className="text-xs text-stone-500">{t('devOutbox')}</span>}
    </span>
  );
}
