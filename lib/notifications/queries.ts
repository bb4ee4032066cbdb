import 'server-only';
import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { notifications, type Notification } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import type { OutboxFilter } from './schemas';
import { DEV_OUTBOX_PROVIDER } from './transports/types';

export const OUTBOX_PAGE_SIZE = 25;

/** One line of /admin/outbox. */
export interface OutboxListItem {
  id: string;
  createdAt: Date;
  channel: Notification['channel'];
  recipient: string;
  templateKey: string;
  subject: string | null;
  status: Notification['status'];
  attempts: number;
  lastError: string | null;
  nextAttemptAt: Date;
  sentAt: Date | null;
  /** Kept in the development outbox (no SMTP_URL / SMS_URL): "sent" but never left the machine. */
  devOutbox: boolean;
}

/** The detail view: what was (or would be) sent, as rendered at the last attempt. */
export interface OutboxMessage extends OutboxListItem {
  causeKey: string;
  locale: Notification['locale'];
  providerMessageId: string | null;
  bodyText: string | null;
  bodyHtml: string | null;
  lockedUntil: Date | null;
  updatedAt: Date;
}

const listColumns = {
  id: notifications.id,
  createdAt: notifications.createdAt,
  channel: notifications.channel,
  recipient: notifications.recipient,
  templateKey: notifications.templateKey,
  subject: notifications.subject,
  status: notifications.status,
  attempts: notifications.attempts,
  lastError: notifications.lastError,
  nextAttemptAt: notifications.nextAttemptAt,
  sentAt: notifications.sentAt,
  providerMessageId: notifications.providerMessageId,
};

function assertAdmin(actor: Actor): void {
  if (actor.role !== 'admin') throw new DomainError('forbidden');
}

/** Every message, newest first, filtered by status and channel, one page at a time. Admins only. */
export async function listOutbox(
  db: DbOrTx,
  actor: Actor,
  filter: OutboxFilter,
  pageSize = OUTBOX_PAGE_SIZE,
): Promise<{ rows: OutboxListItem[]; total: number }> {
  assertAdmin(actor);
  const conditions: SQL[] = [];
  if (filter.status) conditions.push(eq(notifications.status, filter.status));
  if (filter.channel) conditions.push(eq(notifications.channel, filter.channel));
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const [rows, [{ total }]] = await Promise.all([
    db
      .select(listColumns)
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(pageSize)
      .offset((filter.page - 1) * pageSize),
    db.select({ total: count() }).from(notifications).where(where),
  ]);
  return { rows: rows.map(({ providerMessageId, ...row }) => ({ ...row, devOutbox: providerMessageId === DEV_OUTBOX_PROVIDER })), total };
}

/** How many messages are in each status (the filter shows them, so failures stand out). Admins only. */
export async function countOutboxByStatus(db: DbOrTx, actor: Actor): Promise<Record<Notification['status'], number>> {
  assertAdmin(actor);
  const rows = await db.select({ status: notifications.status, n: count() }).from(notifications).groupBy(notifications.status);
  const counts = { pending: 0, sending: 0, sent: 0, failed: 0, dead: 0 };
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One message with its rendered content, or null (also for an id that is not a uuid). Admins only. */
export async function getOutboxMessage(db: DbOrTx, actor: Actor, id: string): Promise<OutboxMessage | null> {
  assertAdmin(actor);
  if (!UUID_RE.test(id)) return null;
  const [row] = await db
    .select({
      ...listColumns,
      causeKey: notifications.causeKey,
      locale: notifications.locale,
      bodyText: notifications.bodyText,
      bodyHtml: notifications.bodyHtml,
      lockedUntil: notifications.lockedUntil,
      updatedAt: notifications.updatedAt,
    })
    .from(notifications)
    .where(eq(notifications.id, id));
  return row ? { ...row, devOutbox: row.providerMessageId === DEV_OUTBOX_PROVIDER } : null;
}
