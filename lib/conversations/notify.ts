import 'server-only';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { orders } from '@/db/schema';
import { DEFAULT_LOCALE, type Locale } from '@/lib/i18n/config';
import { channelsFor, customerContact, orderContact } from '@/lib/notifications/contact';
import { enqueueNotification } from '@/lib/notifications/outbox';
import type { ThreadRef } from './access';

export const REPLY_TEMPLATE = 'conversation_reply';

interface Recipient {
  name: string;
  locale: Locale;
  email: string | null;
  sms: string | null;
  customerId: number | null;
  link: string;
}

/** An answer has an SMS form and is never required: preferences decide (lib/notifications/contact). */
const REPLY_CHANNELS = { sms: true, required: false };

/** Where an answer in `thread` goes: the customer per their preferences; a guest as their order's messages do. */
async function recipientOf(db: DbOrTx, thread: ThreadRef): Promise<Recipient | null> {
  if (thread.customerId !== null) {
    const customer = await customerContact(db, thread.customerId);
    if (!customer) return null;
    const contact = { ...customer, locale: customer.locale ?? DEFAULT_LOCALE };
    return { ...channelsFor(contact, REPLY_CHANNELS), name: contact.name ?? '', locale: contact.locale, customerId: thread.customerId, link: '/account#messages' };
  }
  if (!thread.orderId) return null;
  const [order] = await db
    .select({ id: orders.id, customerId: orders.customerId, email: orders.email, phone: orders.phone, customerName: orders.customerName })
    .from(orders)
    .where(eq(orders.id, thread.orderId));
  if (!order) return null;
  const contact = await orderContact(db, { ...order, customerId: null, email: thread.email ?? order.email });
  if (!contact) return null;
  const to = channelsFor(contact, REPLY_CHANNELS);
  return { ...to, name: contact.name || contact.email || '', locale: contact.locale, customerId: null, link: `/orders/${thread.orderId}` };
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
