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

/**
 * Back to the screen the form was on, with the outcome as a notice (the transfer's card or row moves to
 * another list, so a message inside it would vanish with it).
 */
function backWith(surface: 'admin' | 'counter' | undefined, done: 'shipped' | 'received' | 'cancelled', number: string, shortfall = 0): never {
  refresh();
  const query = new URLSearchParams({ done, number });
  if (shortfall > 0) query.set('short', String(shortfall));
  redirect(`${surface === 'counter' ? '/counter/transfers' : '/admin/transfers'}?${query}`);
}

/** "Ship": the goods leave the origin (admins; a clerk of the origin store). */
export const shipTransferAction = action({ schema: transferIdSchema, access: access.counter }, async (input, { actor }) => {
  const { number } = await shipTransfer(getDb(), input.transferId, actor);
  backWith(input.surface, 'shipped', number);
});

/** "Confirm receipt" with the counted units (admins; a clerk of the destination store). */
export const receiveTransferAction = action({ schema: receiveTransferSchema, access: access.counter }, async (input, { actor }) => {
  const { number, shortfall } = await receiveTransfer(getDb(), input, actor);
  backWith(input.surface, 'received', number, shortfall);
});

/** "Cancel" before shipping: the reservation at the origin is released. Admins only. */
export const cancelTransferAction = action({ schema: transferIdSchema, access: access.admin }, async (input, { actor }) => {
  const { number } = await cancelTransfer(getDb(), input.transferId, actor);
  backWith(input.surface, 'cancelled', number);
});
