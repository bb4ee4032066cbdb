import type { DbOrTx } from '@/db/client';
import type { OrderStatus } from '@/db/schema';
import type { Locale } from '@/lib/i18n/config';
import { issueInvoice } from '@/lib/invoices/issue-invoice';
import { enqueueNotification } from '@/lib/notifications/outbox';
import { getOrderById, type OrderDetailDto } from '@/lib/orders/queries';
import { queueSatisfactionSurvey } from '@/lib/insight/satisfaction-notify';
import { channelsFor, orderContact, type ChannelRule } from '@/lib/notifications/contact';
import { buildPayload, type OrderTemplate } from './payloads';

/** The events of an order that may cause a message: 'placed', and the statuses it moves to. */
export type OrderMessageEvent = 'placed' | OrderStatus;

interface Plan {
  template: OrderTemplate;
  rule: ChannelRule;
  /** The event issues the order's invoice (in its transaction) and the message carries it. */
  invoice: boolean;
}

/**
 * Which message an event causes. The invoice goes out when the goods do (collected, shipped) or with
 * a counter sale; a message that carries it always goes by email (the law wants it delivered).
 * SMS only where it helps right now: ready for pickup, on its way, cancelled.
 */
function planFor(order: Pick<OrderDetailDto, 'channel' | 'fulfilment'>, event: OrderMessageEvent): Plan | null {
  // An endless-aisle order (placed at the counter for delivery or pickup later) is confirmed like a web order.
  const web = order.channel === 'web' || order.fulfilment !== 'in_store';
  switch (event) {
    case 'placed':
      return web ? { template: 'order_confirmation', rule: { sms: false, required: false }, invoice: false } : null;
    case 'paid':
      return web ? { template: 'payment_received', rule: { sms: false, required: false }, invoice: false } : null;
    case 'ready_for_pickup':
      return { template: 'ready_for_pickup', rule: { sms: true, required: false }, invoice: false };
    case 'collected':
      return { template: 'collected', rule: { sms: false, required: true }, invoice: true };
    case 'shipped':
      return { template: 'shipped', rule: { sms: true, required: true }, invoice: true };
    case 'cancelled':
      return { template: 'cancelled', rule: { sms: true, required: false }, invoice: false };
    case 'completed':
      return web ? null : { template: 'counter_receipt', rule: { sms: false, required: true }, invoice: true };
    default:
      return null;
  }
}

export interface QueuedOrderMessage {
  template: OrderTemplate;
  channel: 'email' | 'sms';
  recipient: string;
}

/**
 * The messages an order event causes, written to the outbox in the caller's transaction (DESIGN
 * invariant 8) — call it inside the transaction that records the event, so both commit or neither.
 * Picks the template, then the recipients and channels by the customer's preferences (a guest: the
 * order's email, and its phone if valid), and issues the invoice where the event calls for one (also
 * when nobody can be emailed: a counter sale to an anonymous customer is invoiced all the same).
 * One row per channel with cause `order:<id>:<event>`, so a repeated event never sends twice.
 *
 * `locale`: the checkout's language (placement only; later events find the order's language again).
 * `note`: what the clerk wrote with the step (a tracking link for 'shipped').
 */
export async function notifyOrderEvent(
  tx: DbOrTx,
  orderId: string,
  event: OrderMessageEvent,
  options: { locale?: Locale; note?: string | null; now?: Date } = {},
): Promise<QueuedOrderMessage[]> {
  const order = await getOrderById(tx, orderId);
  if (!order) throw new Error(`order not found: ${orderId}`);
  const queued = await queueEventMessage(tx, order, event, options);
  // A completed order (delivered, collected, sold at the counter) also asks for a rating (S12).
  await queueSatisfactionSurvey(tx, order, event);
  return queued;
}

async function queueEventMessage(
  tx: DbOrTx,
  order: OrderDetailDto,
  event: OrderMessageEvent,
  options: { locale?: Locale; note?: string | null; now?: Date },
): Promise<QueuedOrderMessage[]> {
  const orderId = order.id;
  const plan = planFor(order, event);
  if (!plan) return [];
  const now = options.now ?? new Date();
  const invoice = plan.invoice ? await issueInvoice(tx, orderId, now) : null;

  const contact = await orderContact(tx, order, options.locale);
  if (!contact) return [];
  const to = channelsFor(contact, plan.rule);
  if (!to.email && !to.sms) return [];
  const payload = await buildPayload(tx, plan.template, { order, contact, invoice, note: options.note ?? null, now });
  if (!payload) return [];

  const queued: QueuedOrderMessage[] = [];
  for (const [channel, recipient] of [['email', to.email], ['sms', to.sms]] as const) {
    if (!recipient) continue;
    const written = await enqueueNotification(tx, {
      causeKey: `order:${order.id}:${event}`,
      channel,
      recipient,
      templateKey: plan.template,
      locale: contact.locale,
      payload,
      customerId: contact.customerId,
      orderId: order.id,
    });
    if (written) queued.push({ template: plan.template, channel, recipient });
  }
  return queued;
}
