'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { access, action } from '@/lib/actions/action';
import { idFromForm } from '@/lib/actions/form-numbers';
import { findCounterCartId } from '@/lib/carts/queries';
import { getDb } from '@/lib/db';
import { DomainError } from '@/lib/errors';
import { resolveCounterStore } from './counter-queries';
import { counterCheckoutSchema, completeCounterSale } from './counter-sale';
import { requireCounterStore, writeChosenStore } from './counter-session';
import { handOverPickup, markPickupReady, undoHandover } from './pickup-mutations';
import { PICKUP_VIEWS, type PickupView } from './pickup-queries';

// Counter actions on orders: the sale itself, the pickup steps, and an admin's choice of store.

/**
 * "Complete cash payment" / "Confirm card payment": places the order and records the payment in one
 * transaction, then shows the receipt. The store is the session's, never the form's.
 */
export const completeCounterSaleAction = action(
  { schema: counterCheckoutSchema, access: access.counter },
  async (input, { actor, locale }) => {
    const db = getDb();
    const store = await requireCounterStore(db, actor);
    const sale = await completeCounterSale(
      db,
      {
        idempotencyKey: input.idempotencyKey,
        method: input.method,
        tenderedCents: input.tendered ?? null,
        loyaltyPoints: input.loyaltyPoints,
        storeCreditCents: input.storeCredit,
        cardPartCents: input.cardPart,
        expectedTotalCents: input.expectedTotalCents,
        cartId: await findCounterCartId(db, actor.userId),
        storeId: store.id,
        locale,
      },
      actor,
    );
    revalidatePath('/counter', 'layout');
    redirect(`/counter/receipts/${sale.orderId}`);
  },
);

const pickupView = z.enum(PICKUP_VIEWS).optional();

const advancePickupSchema = z
  .object({
    orderId: z.uuid('validation.invalid'),
    // Only "Mark ready" is a plain step: handing over needs the customer's code (handOverPickupAction).
    to: z.literal('ready_for_pickup', 'validation.choice'),
    // The list the clerk was looking at, to come back to it.
    view: pickupView,
  })
  .strict();

/** Back to the list the clerk came from, with a notice: the card itself moves to another list. */
function backToPickups(view: PickupView | undefined, done: 'ready' | 'collected' | 'undone', order: { orderId: string; number: string }): never {
  revalidatePath('/counter/pickups');
  const query = new URLSearchParams({ view: view ?? 'prepare', done, order: order.number, id: order.orderId });
  redirect(`/counter/pickups?${query}`);
}

/** "Mark ready", only for pickups of the counter's own store. */
export const advancePickupAction = action(
  { schema: advancePickupSchema, access: access.counter },
  async (input, { actor }) => {
    const db = getDb();
    const store = await requireCounterStore(db, actor);
    backToPickups(input.view, 'ready', await markPickupReady(db, { orderId: input.orderId, storeId: store.id, actor }));
  },
);

const handOverSchema = z
  .object({
    orderId: z.uuid('validation.invalid'),
    pickupCode: z.string().trim().max(64, 'validation.invalid').optional(),
    // A checkbox: present ("on") when the clerk checked the customer's identity instead of a code.
    identityChecked: z.literal('on', 'validation.invalid').optional(),
    view: pickupView,
  })
  .strict();

/**
 * "Confirm hand-over": with the customer's pickup code, or the clerk's identity check (recorded with
 * their name). A wrong code is answered on the code field and changes nothing.
 */
export const handOverPickupAction = action({ schema: handOverSchema, access: access.counter }, async (input, { actor }) => {
  const db = getDb();
  const store = await requireCounterStore(db, actor);
  const done = await handOverPickup(db, {
    orderId: input.orderId,
    storeId: store.id,
    actor,
    pickupCode: input.pickupCode,
    identityChecked: input.identityChecked === 'on',
  });
  backToPickups(input.view ?? 'ready', 'collected', done);
});

const undoHandoverSchema = z.object({ orderId: z.uuid('validation.invalid'), view: pickupView }).strict();

/** "Undo" of a hand-over, for a few minutes after it: the order is ready for pickup again. */
export const undoHandoverAction = action({ schema: undoHandoverSchema, access: access.counter }, async (input, { actor }) => {
  const db = getDb();
  const store = await requireCounterStore(db, actor);
  // To the list the order is back in, whichever list the clerk undid it from.
  backToPickups('ready', 'undone', await undoHandover(db, { orderId: input.orderId, storeId: store.id, actor }));
});

const chooseStoreSchema = z
  .object({
    storeId: idFromForm('validation.choice'),
  })
  .strict();

/** Admins only: the store whose stock and counter cart they use (clerks always work in their own). */
export const chooseCounterStoreAction = action(
  { schema: chooseStoreSchema, access: access.admin },
  async (input, { actor }) => {
    const store = await resolveCounterStore(getDb(), actor, input.storeId);
    if (!store) throw new DomainError('notFound', {}, 'storeId');
    await writeChosenStore(store.id);
    revalidatePath('/counter', 'layout');
  },
);

export const clearCounterStoreAction = action(
  { schema: z.object({}).strict(), access: access.admin },
  async () => {
    await writeChosenStore(null);
    revalidatePath('/counter', 'layout');
  },
);
