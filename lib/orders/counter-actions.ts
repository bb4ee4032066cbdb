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
import { advancePickup } from './pickup-mutations';
import { PICKUP_VIEWS } from './pickup-queries';

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

const advancePickupSchema = z
  .object({
    orderId: z.uuid('validation.invalid'),
    to: z.enum(['ready_for_pickup', 'collected'], 'validation.choice'),
    // The list the clerk was looking at, to come back to it.
    view: z.enum(PICKUP_VIEWS).optional(),
  })
  .strict();

/**
 * "Mark ready" and "Hand over", only for pickups of the counter's own store. Back to the list with a
 * notice: the card itself moves to the next list, so it cannot carry the confirmation.
 */
export const advancePickupAction = action(
  { schema: advancePickupSchema, access: access.counter },
  async (input, { actor }) => {
    const db = getDb();
    const store = await requireCounterStore(db, actor);
    const done = await advancePickup(db, { orderId: input.orderId, to: input.to, storeId: store.id, actor });
    revalidatePath('/counter/pickups');
    const notice = input.to === 'collected' ? 'collected' : 'ready';
    redirect(
      `/counter/pickups?view=${input.view ?? 'prepare'}&done=${notice}&order=${encodeURIComponent(done.number)}`,
    );
  },
);

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
