import type { DbOrTx } from '@/db/client';
import type { OrderStatus } from '@/db/schema';
import { channelsFor, orderContact } from '@/lib/notifications/contact';
import { enqueueNotification } from '@/lib/notifications/outbox';
import type { OrderDetailDto } from '@/lib/orders/queries';
import { SURVEY_STATUSES } from './satisfaction';
import { surveyPath } from './satisfaction-token';

/**
 * The survey email of an order that just completed (delivered, collected, sold at the counter), written
 * to the outbox in the caller's transaction — notifyOrderEvent calls it with the event, inside the
 * transaction of the status change. Email only, and only when the customer wants email (it is not a
 * message the order needs); cause `order:<id>:survey`, so a repeated event never sends twice. Returns
 * whether a message was queued.
 */
export async function queueSatisfactionSurvey(
  tx: DbOrTx,
  order: Pick<OrderDetailDto, 'id' | 'number' | 'customerId' | 'email' | 'phone' | 'customerName'>,
  event: string,
): Promise<boolean> {
  if (!SURVEY_STATUSES.has(event as OrderStatus)) return false;
  const contact = await orderContact(tx, order);
  if (!contact) return false;
  const { email } = channelsFor(contact, { sms: false, required: false });
  if (!email) return false;
  return enqueueNotification(tx, {
    causeKey: `order:${order.id}:survey`,
    channel: 'email',
    recipient: email,
    templateKey: 'satisfaction_survey',
    locale: contact.locale,
    payload: {
      orderNumber: order.number,
      name: (contact.name ?? order.customerName)?.slice(0, 200) || null,
      link: `/orders/${order.id}`,
      surveyLink: surveyPath(order.id),
    },
    customerId: contact.customerId,
    orderId: order.id,
  });
}
