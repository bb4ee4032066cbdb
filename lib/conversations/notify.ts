import 'server-only';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { customers, orders, users } from '@/db/schema';
import { DEFAULT_LOCALE, isLocale, type Locale } from '@/lib/i18n/config';
import { enqueueNotification } from '@/lib/notifications/outbox';
import { toE164 } from '@/lib/notifications/phone';
import type { ThreadRef } from './access';

export const REPLY_TEMPLATE = 'conversation_reply';

interface Recipient {
  name: string;
  locale: Locale;
  email: string | null;
  /** E.164, or null when there is none or the stored number is not a valid one. */
  sms: string | null;
  customerId: number | null;
  link: string;
}

/** Where an answer in `thread` goes: the customer per their preferences; a guest by the order's email. */
async function recipientOf(db: DbOrTx, thread: ThreadRef): Promise<Recipient | null> {
  if (thread.customerId !== null) {
    const [row] = await db
      .select({
        name: customers.name,
        email: customers.email,
        phone: customers.phone,
        notifyByEmail: customers.notifyByEmail,
        notifyBySms: customers.notifyBySms,
        locale: customers.locale,
        accountLocale: users.locale,
      })
      .from(customers)
      .leftJoin(users, eq(users.customerId, customers.id))
      .where(eq(customers.id, thread.customerId));
    if (!row) return null;
    const locale = [row.locale, row.accountLocale].find(isLocale) ?? DEFAULT_LOCALE;
    return {
      name: row.name,
      locale,
      email: row.notifyByEmail ? row.email : null,
      sms: row.notifyBySms && row.phone ? toE164(row.phone) : null,
      customerId: thread.customerId,
      link: '/account#messages',
    };
  }
  if (!thread.orderId) return null;
  const [order] = await db
    .select({ email: orders.email, name: orders.customerName })
    .from(orders)
    .where(eq(orders.id, thread.orderId));
  const email = thread.email ?? order?.email ?? null;
  if (!email) return null;
  // A guest has no stored language; the shop's default (Dutch) is what the order confirmation used too.
  return { name: order?.name || email, locale: DEFAULT_LOCALE, email, sms: null, customerId: null, link: `/orders/${thread.orderId}` };
}

/**
 * Queues the "you have an answer" email and/or SMS for a staff answer, in the caller's transaction
 * (DESIGN invariant 8): they exist only if the answer commits. The body goes in as plain text; the
 * template escapes it. Returns the channels queued (none when the customer wants neither).
 */
export async function enqueueReplyNotifications(
  db: DbOrTx,
  thread: ThreadRef,
  message: { id: number; body: string; orderId: string | null },
): Promise<('email' | 'sms')[]> {
  const to = await recipientOf(db, thread);
  if (!to) return [];
  const queued: ('email' | 'sms')[] = [];
  const base = {
    causeKey: `thread:${thread.id}:message:${message.id}`,
    templateKey: REPLY_TEMPLATE,
    locale: to.locale,
    payload: { customerName: to.name.slice(0, 200), excerpt: message.body, link: to.link },
    customerId: to.customerId,
    orderId: message.orderId,
  };
  if (to.email && (await enqueueNotification(db, { ...base, channel: 'email', recipient: to.email }))) queued.push('email');
  if (to.sms && (await enqueueNotification(db, { ...base, channel: 'sms', recipient: to.sms }))) queued.push('sms');
  return queued;
}
