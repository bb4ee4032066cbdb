'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { access, action } from '@/lib/actions/action';
import { getDb } from '@/lib/db';
import { DomainError } from '@/lib/errors';
import { formatMoney } from '@/lib/i18n/format';
import { getLocation } from '@/lib/locations/queries';
import { cancelReturn, createReturn, receiveReturn, refundReturn } from './mutations';
import { getReturnView } from './queries';
import { adminStartReturnSchema, receiveReturnSchema, refundReturnSchema, returnIdSchema } from './web-schemas';
import { getReturnsWarehouse } from './web-queries';

// The admin's Returns screen (/admin/returns): the warehouse receives a posted return and refunds it;
// an admin may start a return for a customer, outside the window only with a reason (recorded by
// createReturn in the audit log). Admins only; the rules are lib/returns/mutations'.

function refresh(returnId: string, orderId: string) {
  revalidatePath('/admin/returns');
  revalidatePath(`/admin/returns/${returnId}`);
  revalidatePath(`/admin/orders/${orderId}`);
  revalidatePath(`/orders/${orderId}`);
}

async function existingReturn(returnId: string) {
  const view = await getReturnView(getDb(), returnId);
  if (!view) throw new DomainError('notFound');
  return view;
}

/** The parcel is in: each line resellable (restocked where it was received) or damaged (written off). */
export const receiveReturnAction = action({ schema: receiveReturnSchema, access: access.admin }, async (input, { actor, t }) => {
  const view = await existingReturn(input.returnId);
  if (!(await getLocation(getDb(), input.locationId))) throw new DomainError('notFound', {}, 'locationId');
  const { number } = await receiveReturn(getDb(), { returnId: view.id, locationId: input.locationId, conditions: input.conditions, actor });
  refresh(view.id, view.orderId);
  return { message: t('admin.returns.received', { number }) };
});

/** The money goes back: split over the original payments, or as store credit. */
export const refundReturnAction = action({ schema: refundReturnSchema, access: access.admin }, async (input, { actor, t, locale }) => {
  const view = await existingReturn(input.returnId);
  const result = await refundReturn(getDb(), { returnId: view.id, to: input.to, actor, idempotencyKey: `admin-refund:${input.idempotencyKey}` });
  refresh(view.id, view.orderId);
  const total = result.refunds.reduce((sum, r) => sum + r.amountCents, 0);
  return { message: t('admin.returns.refunded', { number: view.number, amount: formatMoney(total, locale) }) };
});

/** A requested return that never arrives: its quantities become returnable again. */
export const cancelReturnAction = action({ schema: returnIdSchema, access: access.admin }, async (input, { actor, t }) => {
  const view = await existingReturn(input.returnId);
  const { number } = await cancelReturn(getDb(), { returnId: view.id, actor });
  refresh(view.id, view.orderId);
  return { message: t('admin.returns.cancelled', { number }) };
});

/** An admin starts a return for the customer; past the window only with an override reason. */
export const startAdminReturnAction = action({ schema: adminStartReturnSchema, access: access.admin }, async (input, { actor }) => {
  const db = getDb();
  const warehouse = input.method === 'post' ? await getReturnsWarehouse(db) : null;
  if (input.method === 'post' && !warehouse) throw new DomainError('returnNoWarehouse');
  const created = await createReturn(db, {
    orderId: input.orderId,
    method: input.method === 'post' ? 'post' : 'counter',
    locationId: warehouse?.id ?? null,
    lines: input.lines,
    receiveNow: false,
    actor,
    idempotencyKey: `admin-return:${input.idempotencyKey}`,
    ...(input.overrideReason ? { windowOverride: { reason: input.overrideReason } } : {}),
  });
  refresh(created.returnId, input.orderId);
  redirect(`/admin/returns/${created.returnId}`);
});
