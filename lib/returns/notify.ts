import type { DbOrTx } from '@/db/client';
import { orders } from '@/db/schema';
import { eq } from 'drizzle-orm';
import { channelsFor, orderContact } from '@/lib/notifications/contact';
import { enqueueNotification } from '@/lib/notifications/outbox';
import { guestOrderLinkPath } from '@/lib/order-messages/guest-link';

export type ReturnTemplate = 'return_received' | 'refund_issued';

/**
 * Tells the order's customer (or guest) by email that their return arrived / their refund was given,
 * through the outbox in the caller's transaction. One message per cause (return + template [+ key]).
 */
export async function notifyReturn(
  tx: DbOrTx,
  input: { orderId: string; returnId: string; number: string; template: ReturnTemplate; amountCents: number; method?: string; now: Date; causeSuffix?: string },
): Promise<boolean> {
  const [order] = await tx
    .select({ id: orders.id, number: orders.number, channel: orders.channel, customerId: orders.customerId, email: orders.email, phone: orders.phone, customerName: orders.customerName })
    .from(orders)
    .where(eq(orders.id, input.orderId));
  if (!order) return false;
  const contact = await orderContact(tx, order);
  if (!contact) return false;
  const { email } = channelsFor(contact, { sms: false, required: false });
  if (!email) return false;
  const guest = contact.kind === 'guest' && order.channel === 'web' ? guestOrderLinkPath(order.id, input.now) : null;
  return enqueueNotification(tx, {
    causeKey: `return:${input.returnId}:${input.template}${input.causeSuffix ? `:${input.causeSuffix.slice(0, 80)}` : ''}`,
    channel: 'email',
    recipient: email,
    templateKey: input.template,
    locale: contact.locale,
    payload: {
      orderNumber: order.number,
      name: (contact.name ?? order.customerName)?.slice(0, 200) || null,
      link: guest?.path ?? `/orders/${order.id}`,
      returnNumber: input.number,
      amountCents: input.amountCents,
      ...(input.template === 'refund_issued' ? { method: input.method ?? 'original' } : {}),
    },
    customerId: contact.customerId,
    orderId: order.id,
  });
}
