import 'server-only';
import { asc, desc, eq, inArray, or } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { conversationMessages, conversationThreads, notifications, orders, payments, type PaymentMethod } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { getOrderById, type OrderDetailDto } from '@/lib/orders/queries';
import { nextStatuses } from '@/lib/orders/shared';
import { afterSalesState, type AfterSalesState } from '@/lib/returns/after-sales-state';
import { isExchangePayment } from '@/lib/returns/exchange-payment';
import { assertAdmin } from './queries';
import { trackingUrlFor } from './tracking';

export interface AdminPaymentDto {
  id: string;
  method: PaymentMethod;
  status: 'pending' | 'succeeded' | 'failed' | 'cancelled';
  amountCents: number;
  providerReference: string | null;
  /** The part of an exchange order paid by the goods returned for it (not store credit, whatever its method). */
  exchange: boolean;
  /** Captured, and owed back to the customer (not refunded yet). */
  refundDue: boolean;
  createdAt: Date;
}

export interface OrderConversationMessageDto {
  id: number;
  threadId: string;
  author: 'customer' | 'staff';
  channel: string;
  body: string;
  createdAt: Date;
}

export interface OrderOutboxDto {
  id: string;
  templateKey: string;
  channel: 'email' | 'sms';
  recipient: string;
  status: 'pending' | 'sending' | 'sent' | 'failed' | 'dead';
  subject: string | null;
  createdAt: Date;
}

/** What the admin may do with the order now (the detail page offers exactly these). */
export interface OrderAdminActions {
  ship: boolean;
  deliver: boolean;
  cancel: boolean;
  /** Cancelling would leave money owed back to the customer. */
  cancelOwesRefund: boolean;
}

export interface AdminOrderDetailDto extends Omit<OrderDetailDto, 'payments'> {
  payments: AdminPaymentDto[];
  trackingUrl: string | null;
  messages: OrderConversationMessageDto[];
  outbox: OrderOutboxDto[];
  /** '<template key>:<channel>' of every message kind sent for the order, for "Send again". */
  resendKinds: string[];
  actions: OrderAdminActions;
  /** What came back of it (returns received), or null. */
  afterSales: AfterSalesState | null;
}

/** The order with everything an admin needs to handle it: payments, messages, outbox, possible steps. Admins only. */
export async function getAdminOrderDetail(db: DbOrTx, actor: Actor, orderId: string): Promise<AdminOrderDetailDto | null> {
  assertAdmin(actor);
  const order = await getOrderById(db, orderId);
  if (!order) return null;
  const [paymentRows, messages, outbox, [afterSales]] = await Promise.all([
    db
      .select({
        id: payments.id,
        method: payments.method,
        status: payments.status,
        amountCents: payments.amountCents,
        providerReference: payments.providerReference,
        exchange: isExchangePayment,
        refundDue: payments.refundDue,
        createdAt: payments.createdAt,
      })
      .from(payments)
      .where(eq(payments.orderId, order.id))
      .orderBy(asc(payments.createdAt)),
    // Messages about this order, and everything in a guest's thread (which belongs to this order).
    db
      .select({
        id: conversationMessages.id,
        threadId: conversationMessages.threadId,
        author: conversationMessages.author,
        channel: conversationMessages.channel,
        body: conversationMessages.body,
        createdAt: conversationMessages.createdAt,
      })
      .from(conversationMessages)
      .where(
        or(
          eq(conversationMessages.orderId, order.id),
          inArray(
            conversationMessages.threadId,
            db.select({ id: conversationThreads.id }).from(conversationThreads).where(eq(conversationThreads.orderId, order.id)),
          ),
        ),
      )
      .orderBy(asc(conversationMessages.createdAt), asc(conversationMessages.id)),
    db
      .select({
        id: notifications.id,
        templateKey: notifications.templateKey,
        channel: notifications.channel,
        recipient: notifications.recipient,
        status: notifications.status,
        subject: notifications.subject,
        createdAt: notifications.createdAt,
      })
      .from(notifications)
      .where(eq(notifications.orderId, order.id))
      .orderBy(desc(notifications.createdAt), desc(notifications.id)),
    db.select({ state: afterSalesState }).from(orders).where(eq(orders.id, order.id)),
  ]);
  const next = nextStatuses(order);
  const paid = paymentRows.some((p) => p.status === 'succeeded' && !p.refundDue);
  return {
    ...order,
    payments: paymentRows,
    trackingUrl: trackingUrlFor(order.carrier, order.trackingNumber, order.shippingAddress),
    messages,
    outbox,
    resendKinds: [...new Set(outbox.map((m) => `${m.templateKey}:${m.channel}`))].sort(),
    actions: {
      ship: next.includes('shipped'),
      deliver: next.includes('delivered'),
      cancel: next.includes('cancelled'),
      cancelOwesRefund: next.includes('cancelled') && paid,
    },
    afterSales: afterSales?.state ?? null,
  };
}

/** A clerk's read-only view of any order: what is needed to help the customer, nothing of anyone else. */
export interface CounterOrderDto {
  id: string;
  number: string;
  channel: 'web' | 'store';
  fulfilment: 'delivery' | 'pickup' | 'in_store';
  status: OrderDetailDto['status'];
  placedAt: Date;
  customerName: string | null;
  email: string | null;
  phone: string | null;
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  totalCents: number;
  vatCents: number;
  stockLocation: { id: number; name: string };
  pickupLocation: OrderDetailDto['pickupLocation'];
  /** Delivery: the city it goes to (the street stays out of the counter's view). */
  deliveryCity: string | null;
  carrier: string | null;
  trackingNumber: string | null;
  trackingUrl: string | null;
  paid: boolean;
  lines: OrderDetailDto['lines'];
  events: { type: string; createdAt: Date }[];
}

/** Any order, for a clerk of any store or an admin; null when it does not exist. */
export async function getCounterOrderDetail(db: DbOrTx, actor: Actor, orderId: string): Promise<CounterOrderDto | null> {
  if (actor.role !== 'clerk' && actor.role !== 'admin') throw new DomainError('forbidden');
  const order = await getOrderById(db, orderId);
  if (!order) return null;
  return {
    id: order.id,
    number: order.number,
    channel: order.channel,
    fulfilment: order.fulfilment,
    status: order.status,
    placedAt: order.placedAt,
    customerName: order.customerName,
    email: order.email,
    phone: order.phone,
    subtotalCents: order.subtotalCents,
    discountCents: order.discountCents,
    shippingCents: order.shippingCents,
    totalCents: order.totalCents,
    vatCents: order.vatCents,
    stockLocation: order.stockLocation,
    pickupLocation: order.pickupLocation,
    deliveryCity: order.shippingAddress?.city ?? null,
    carrier: order.carrier,
    trackingNumber: order.trackingNumber,
    trackingUrl: trackingUrlFor(order.carrier, order.trackingNumber, order.shippingAddress),
    paid: order.payments.some((p) => p.status === 'succeeded'),
    lines: order.lines,
    // The timeline's steps and times; notes can carry staff text meant for admins, so they stay out.
    events: order.events.map((e) => ({ type: e.type, createdAt: e.createdAt })),
  };
}
