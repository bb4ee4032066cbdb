'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { access, action } from '@/lib/actions/action';
import { getDb } from '@/lib/db';
import { DomainError } from '@/lib/errors';
import { getOrderForViewer, guestOrderIds } from '@/lib/orders/guest-orders';
import { createReturn } from './mutations';
import { requestReturnSchema } from './web-schemas';
import { getReturnsWarehouse } from './web-queries';

/**
 * "Return items" on the shop's order page: the units, reasons and how they come back — by post to the
 * warehouse (then the label page) or handed in at any store (the RMA is found at every counter). Only
 * whoever may see the order may return from it: its customer, or the browser that placed it as a guest
 * (getOrderForViewer; anyone else gets the same "not found" as for an order that does not exist). What
 * may be returned (delivered/collected, the window, never more than bought) is createReturn's rule.
 */
export const requestReturnAction = action({ schema: requestReturnSchema, access: access.public }, async (input, { actor }) => {
  const db = getDb();
  const order = await getOrderForViewer(db, input.orderId, { actor, guestOrderIds: await guestOrderIds() });
  if (!order) throw new DomainError('notFound');
  const warehouse = input.method === 'post' ? await getReturnsWarehouse(db) : null;
  if (input.method === 'post' && !warehouse) throw new DomainError('returnNoWarehouse');
  const created = await createReturn(db, {
    orderId: order.id,
    method: input.method === 'post' ? 'post' : 'counter',
    locationId: warehouse?.id ?? null,
    lines: input.lines,
    receiveNow: false,
    // A guest (the browser holding the order's access) has no actor: the request is recorded without a user.
    actor,
    idempotencyKey: `web-return:${input.idempotencyKey}`,
    note: input.note,
  });
  revalidatePath(`/orders/${order.id}`);
  redirect(`/orders/${order.id}/returns/${created.returnId}`);
});
