'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { access, action } from '@/lib/actions/action';
import { recordAudit } from '@/lib/audit/record';
import { getOrCreateCounterCart, setCartCustomer } from '@/lib/carts/mutations';
import { findCounterCartId } from '@/lib/carts/queries';
import { getDb } from '@/lib/db';
import { DomainError } from '@/lib/errors';
import { requireCounterStore } from '@/lib/orders/counter-session';
import { createCustomer } from './mutations';
import { attachCustomerSchema, createCustomerSchema, detachCustomerSchema } from './schemas';

// The counter's customer actions. The cart is never part of the input: it is the clerk's current
// counter cart (lib/carts' getter), in the store of their session.

const refresh = () => revalidatePath('/counter', 'layout');

/** "Attach to sale": one tap links the current counter sale to this customer (a cart is opened if none). */
export const attachCustomerToSaleAction = action(
  { schema: attachCustomerSchema, access: access.counter },
  async (input, { actor, t }) => {
    const db = getDb();
    const store = await requireCounterStore(db, actor);
    await db.transaction(async (tx) => {
      const { cartId } = await getOrCreateCounterCart(tx, {
        clerkUserId: actor.userId,
        locationId: store.id,
      });
      await setCartCustomer(tx, { cartId, customerId: input.customerId });
      await recordAudit(tx, actor, {
        action: 'cart.customer_attached',
        entityType: 'cart',
        entityId: cartId,
        after: { customerId: input.customerId },
      });
    });
    refresh();
    return { message: t('customers.counter.attached') };
  },
);

/** "Detach": the current counter sale is anonymous again. */
export const detachCustomerFromSaleAction = action(
  { schema: detachCustomerSchema, access: access.counter },
  async (_input, { actor, t }) => {
    const db = getDb();
    await requireCounterStore(db, actor);
    const cartId = await findCounterCartId(db, actor.userId);
    if (!cartId) throw new DomainError('notFound');
    await db.transaction(async (tx) => {
      await setCartCustomer(tx, { cartId, customerId: null });
      await recordAudit(tx, actor, {
        action: 'cart.customer_detached',
        entityType: 'cart',
        entityId: cartId,
      });
    });
    refresh();
    return { message: t('customers.counter.detached') };
  },
);

/**
 * "New customer": a profile on the spot, then its panel. An email (or phone) that already has a
 * profile is never duplicated: the answer offers that profile instead (data.existingId).
 */
export const createCounterCustomerAction = action(
  { schema: createCustomerSchema, access: access.counter },
  async (input, { actor, t }) => {
    const db = getDb();
    await requireCounterStore(db, actor);
    const { customer, existing } = await createCustomer(db, input, actor);
    if (existing)
      return {
        message: t('customers.counter.exists', { name: customer.name }),
        data: { existingId: customer.id },
      };
    redirect(`/counter/customers/${customer.id}?created=1`);
  },
);
