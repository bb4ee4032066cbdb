'use server';

import { revalidatePath } from 'next/cache';
import { after } from 'next/server';
import { access, action } from '@/lib/actions/action';
import { getDb } from '@/lib/db';
import { formatMoney } from '@/lib/i18n/format';
import { refundOwedPaymentsQuietly } from '@/lib/payments/refund-due';
import { cancelOrderByAdmin, markOrderDelivered, resendOrderMessage, shipOrder } from './mutations';
import { cancelOrderSchema, orderIdSchema, resendMessageSchema, shipOrderSchema } from './schemas';

// The admin's order steps (/admin/orders/[id]); each mutation checks the state and writes the audit entry.

function refresh(orderId: string): void {
  revalidatePath(`/admin/orders/${orderId}`);
  revalidatePath('/admin/orders');
  revalidatePath(`/orders/${orderId}`);
}

/** "Mark shipped" with carrier and tracking number (paid delivery orders only). */
export const shipOrderAction = action({ schema: shipOrderSchema, access: access.admin }, async (input, { actor, t }) => {
  const done = await shipOrder(getDb(), input, actor);
  refresh(done.orderId);
  return { message: t('admin.orderActions.shipped', { number: done.number, carrier: input.carrier }) };
});

/** "Mark delivered" (shipped orders only). */
export const markDeliveredAction = action({ schema: orderIdSchema, access: access.admin }, async (input, { actor, t }) => {
  const done = await markOrderDelivered(getDb(), input, actor);
  refresh(done.orderId);
  return { message: t('admin.orderActions.delivered', { number: done.number }) };
});

/** "Cancel order", after the confirmation dialog; a paid order's money is recorded as owed back. */
export const cancelOrderAction = action({ schema: cancelOrderSchema, access: access.admin }, async (input, { actor, t, locale }) => {
  const done = await cancelOrderByAdmin(getDb(), input, actor);
  // Online payments are paid back through their provider (and the sale credited) once the cancel has committed.
  if (done.refundDueCents > 0) after(() => refundOwedPaymentsQuietly(getDb(), { orderId: done.orderId }));
  refresh(done.orderId);
  revalidatePath('/admin');
  return {
    message:
      done.refundDueCents > 0
        ? t('admin.orderActions.cancelledRefundOwed', { number: done.number, amount: formatMoney(done.refundDueCents, locale) })
        : t('admin.orderActions.cancelled', { number: done.number }),
  };
});

/** "Send again": the latest message of the chosen kind, queued once more. */
export const resendOrderMessageAction = action({ schema: resendMessageSchema, access: access.admin }, async (input, { actor, t }) => {
  const done = await resendOrderMessage(getDb(), input, actor);
  refresh(done.orderId);
  revalidatePath('/admin/outbox');
  return { message: t('admin.orderActions.resent', { number: done.number }) };
});
