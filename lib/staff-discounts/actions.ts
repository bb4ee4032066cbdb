'use server';

import { revalidatePath } from 'next/cache';
import { access, action } from '@/lib/actions/action';
import { assertCartAccess, findCounterCartId, getCart } from '@/lib/carts/queries';
import { getDb, type DbOrTx } from '@/lib/db';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { requireCounterStore } from '@/lib/orders/counter-session';
import { giveStaffDiscount, removeStaffDiscount } from './mutations';
import { removeStaffDiscountSchema, staffDiscountSchema } from './schemas';

// Staff discounts at the counter. The cart is the signed-in clerk's own open counter cart (never part
// of the input), in the store of their session; the maximum per role is checked in the mutation.

async function ownCounterCart(db: DbOrTx, actor: Actor): Promise<string> {
  await requireCounterStore(db, actor);
  const cartId = await findCounterCartId(db, actor.userId);
  const cart = cartId ? await getCart(db, cartId) : null;
  if (!cart) throw new DomainError('notFound');
  assertCartAccess(cart, actor, null);
  return cart.id;
}

export const giveStaffDiscountAction = action(
  { schema: staffDiscountSchema, access: access.counter },
  async (input, { actor, t }) => {
    const db = getDb();
    await giveStaffDiscount(db, { cartId: await ownCounterCart(db, actor), ...input }, actor);
    revalidatePath('/counter', 'layout');
    return { message: t('counter.staffDiscount.given') };
  },
);

export const removeStaffDiscountAction = action(
  { schema: removeStaffDiscountSchema, access: access.counter },
  async (input, { actor, t }) => {
    const db = getDb();
    await removeStaffDiscount(db, { cartId: await ownCounterCart(db, actor), variantId: input.variantId }, actor);
    revalidatePath('/counter', 'layout');
    return { message: t('counter.staffDiscount.removed') };
  },
);
