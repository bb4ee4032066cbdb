'use server';

import { revalidatePath } from 'next/cache';
import { after } from 'next/server';
import { z } from 'zod';
import { access, action } from '@/lib/actions/action';
import { getDb } from '@/lib/db';
import { enforceRateLimits, requestClientAddress } from '@/lib/rate-limit/public-limits';
import { recordAddToCart, requestVisit } from '@/lib/insight/events';
import { log } from '@/lib/logging/logger';
import { addToCart, applyPromotionCode, removeCode, removeLine, setLineQuantity } from './mutations';
import { addToCartSchema, promotionCodeSchema, removeLineSchema, setLineQuantitySchema } from './schemas';
import { claimWebCart, existingWebCart, openWebCart, shopperCustomerId } from './web-cart';

// Web cart actions. Anyone may shop (access.public); the cart is never part of the input: it comes
// from the cookie or the signed-in customer, and web-cart.ts asserts the caller holds it.

// The header badge and every page that shows the cart read it fresh.
const refresh = () => revalidatePath('/', 'layout');

export const addToCartAction = action(
  { schema: addToCartSchema, access: access.public },
  async (input, { actor, t }) => {
    const db = getDb();
    // Anyone without an account gets a new cart per cookie-less request: bounded per address.
    if (!shopperCustomerId(actor))
      await enforceRateLimits(db, [['anonymousCartPerAddress', await requestClientAddress()]]);
    const cartId = await openWebCart(db, actor);
    const { quantity, itemCount } = await addToCart(db, { cartId, ...input });
    // The touchpoint (S13), written after the response: it never slows the add.
    const visit = await requestVisit();
    after(() =>
      recordAddToCart(getDb(), { cartId, variantId: input.variantId, customerId: shopperCustomerId(actor), visit }).catch((err: unknown) =>
        log.warn({ err }, 'add_to_cart not recorded'),
      ),
    );
    // No re-render of the page: the form hands the new count to the header's cart link (cart-count.tsx).
    return { message: t('shop.cart.added'), data: { quantity, itemCount } };
  },
);

export const setLineQuantityAction = action(
  { schema: setLineQuantitySchema, access: access.public },
  async (input, { actor, t }) => {
    const db = getDb();
    const cartId = await existingWebCart(db, actor);
    await setLineQuantity(db, { cartId, ...input });
    refresh();
    return { message: input.quantity === 0 ? t('shop.cart.removed') : t('shop.cart.updated') };
  },
);

export const removeLineAction = action(
  { schema: removeLineSchema, access: access.public },
  async (input, { actor, t }) => {
    const db = getDb();
    const cartId = await existingWebCart(db, actor);
    await removeLine(db, { cartId, ...input });
    refresh();
    return { message: t('shop.cart.removed') };
  },
);

export const applyPromotionCodeAction = action(
  { schema: promotionCodeSchema, access: access.public },
  async (input, { actor, t }) => {
    const db = getDb();
    const cartId = await existingWebCart(db, actor);
    await enforceRateLimits(db, [
      ['codeEntryPerAddress', await requestClientAddress()],
      ['codeEntryPerCart', cartId],
    ]);
    await applyPromotionCode(db, cartId, input.code);
    refresh();
    return { message: t('shop.cart.codeApplied', { code: input.code }) };
  },
);

export const removePromotionCodeAction = action(
  { schema: promotionCodeSchema, access: access.public },
  async (input, { actor, t }) => {
    const db = getDb();
    const cartId = await existingWebCart(db, actor);
    await removeCode(db, cartId, input.code);
    refresh();
    return { message: t('shop.cart.codeRemoved', { code: input.code }) };
  },
);

/**
 * Right after sign-in: merges the anonymous cookie cart into the customer's own cart (or makes it
 * theirs). Called once by the shop header when it sees one. Lines
 * that could not come along (no longer for sale) come back as a message, shown once.
 */
export const claimCartAction = action(
  { schema: z.object({}).strict(), access: access.customer },
  async (_input, { actor, locale, t }) => {
    const { dropped } = await claimWebCart(getDb(), actor, locale);
    refresh();
    if (dropped.length === 0) return;
    const names = dropped.map((d) => (d.variantLabel ? `${d.productName} (${d.variantLabel})` : d.productName)).join(', ');
    return { message: t('shop.cartMerge.dropped', { count: dropped.length, names }) };
  },
);
