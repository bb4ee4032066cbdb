'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { access, action } from '@/lib/actions/action';
import { getDb } from '@/lib/db';
import { DomainError } from '@/lib/errors';
import { cancelTransfer, receiveTransfer, requestTransfer, shipTransfer } from './mutations';
import { variantIdsBySku } from './queries';
import { receiveTransferSchema, requestTransferFormSchema, transferIdSchema } from './schemas';

// Transfer actions: admins request and cancel (/admin/transfers); shipping and receiving are also the
// counter's (/counter/transfers), each checked against the clerk's own store in the mutation.

const refresh = () => {
  // Stock moved: every surface that shows it.
  revalidatePath('/', 'layout');
};

/** "Request transfer": SKUs → variants, then reserve at the origin. */
export const requestTransferAction = action({ schema: requestTransferFormSchema, access: access.admin }, async (input, { actor, locale }) => {
  const db = getDb();
  const ids = await variantIdsBySku(db, input.lines.map((l) => l.sku));
  const unknown = input.lines.find((l) => !ids.has(l.sku.toUpperCase()));
  if (unknown) throw new DomainError('unknownSku', { sku: unknown.sku }, 'sku');
  const { id } = await requestTransfer(
    db,
    {
      fromLocationId: input.fromLocationId,
      toLocationId: input.toLocationId,
      note: input.note,
      lines: input.lines.map((l) => ({ variantId: ids.get(l.sku.toUpperCase())!, quantity: l.quantity })),
      locale,
    },
    actor,
  );
  refresh();
  redirect(`/admin/transfers?created=${id}`);
});

/** "Ship": the goods leave the origin (admins; a clerk of the origin store). */
export const shipTransferAction = action({ schema: transferIdSchema, access: access.counter }, async (input, { actor, t }) => {
  const { number } = await shipTransfer(getDb(), input.transferId, actor);
  refresh();
  return { message: t('admin.transfers.shipped', { number }) };
});

/** "Confirm receipt" with the counted units (admins; a clerk of the destination store). */
export const receiveTransferAction = action({ schema: receiveTransferSchema, access: access.counter }, async (input, { actor, t }) => {
  const { number, shortfall } = await receiveTransfer(getDb(), input, actor);
  refresh();
  return { message: shortfall > 0 ? t('admin.transfers.receivedShort', { number, shortfall }) : t('admin.transfers.received', { number }) };
});

/** "Cancel" before shipping: the reservation at the origin is released. Admins only. */
export const cancelTransferAction = action({ schema: transferIdSchema, access: access.admin }, async (input, { actor, t }) => {
  const { number } = await cancelTransfer(getDb(), input.transferId, actor);
  refresh();
  return { message: t('admin.transfers.cancelled', { number }) };
});
