'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { access, action } from '@/lib/actions/action';
import { getDb } from '@/lib/db';
import { requireCounterStore } from '@/lib/orders/counter-session';
import { getDeviceTill } from '@/lib/till/device';
import { placeEndlessAisleOrder } from './place-order';
import { endlessAisleOrderSchema } from './schemas';

/**
 * "Pay and place order" on the endless-aisle screen. The store is the session's (a clerk's own; an
 * admin's chosen one), never the form's; the mutation checks it again. Shows the confirmation.
 */
export const placeEndlessAisleOrderAction = action(
  { schema: endlessAisleOrderSchema, access: access.counter },
  async (input, { actor, locale }) => {
    const db = getDb();
    const store = await requireCounterStore(db, actor);
    const till = await getDeviceTill(db, actor.userId);
    const placed = await placeEndlessAisleOrder(db, { ...input, storeId: store.id, tillSessionId: till?.id ?? null, locale }, actor);
    revalidatePath('/', 'layout');
    redirect(`/counter/endless-aisle/${placed.orderId}`);
  },
);
