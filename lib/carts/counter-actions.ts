'use server';

import { revalidatePath } from 'next/cache';
import { access, action, type ActionContext } from '@/lib/actions/action';
import type { Actor } from '@/lib/identity/queries';
import { findVariantByCode, loadPriceLines } from '@/lib/catalog/queries';
import { getDb, type DbOrTx } from '@/lib/db';
import { DomainError } from '@/lib/errors';
import { requireCounterStore } from '@/lib/orders/counter-session';
import { enforceRateLimits } from '@/lib/rate-limit/public-limits';
import {
  addToCart,
  applyPromotionCode,
  getOrCreateCounterCart,
  removeCode,
  removeLine,
  setLineQuantity,
} from './mutations';
import { assertCartAccess, findCounterCartId, getCart } from './queries';
import {
  addToCartSchema,
  promotionCodeSchema,
  removeLineSchema,
  scanCodeSchema,
  setLineQuantitySchema,
} from './schemas';

// Counter cart actions. The cart is never part of the input: it is the signed-in clerk's one open
// counter cart, in the store of their session (an admin's chosen store), checked again here.

const refresh = () => revalidatePath('/counter', 'layout');

type Translate = ActionContext<'public'>['t'];

/** The clerk's open counter cart, created when `create` (adding) and there is none. */
async function counterCart(db: DbOrTx, actor: Actor, create: boolean): Promise<string> {
  const store = await requireCounterStore(db, actor);
  const cartId = create
    ? (await getOrCreateCounterCart(db, { clerkUserId: actor.userId, locationId: store.id })).cartId
    : await findCounterCartId(db, actor.userId);
  const cart = cartId ? await getCart(db, cartId) : null;
  if (!cart) throw new DomainError('notFound');
  assertCartAccess(cart, actor, null);
  return cart.id;
}

/**
 * "Product (36-40 · Red)" for messages, the variant worded as the counter shows it: size and colour,
 * the colour in the clerk's language (the shop's colour names).
 */
function itemName(
  t: Translate,
  item: { productName: string; size: string | null; color: string | null },
): string {
  const key = `shop.colors.${item.color}` as Parameters<Translate>[0]; // colours outside the list stay as stored
  const color = item.color && t.has(key) ? t(key) : item.color;
  const variant = [item.size, color].filter(Boolean).join(' · ');
  return variant ? `${item.productName} (${variant})` : item.productName;
}

/**
 * Enter in the scan field: an exact SKU or EAN adds one of that variant (data.added = true); anything
 * else adds nothing (data.added = false) and the screen shows search results instead.
 */
export const scanToCounterCartAction = action(
  { schema: scanCodeSchema, access: access.counter },
  async (input, { actor, locale, t }) => {
    const db = getDb();
    const variant = await findVariantByCode(db, input.code, locale);
    if (!variant) return { data: { added: false } };
    const cartId = await counterCart(db, actor, true);
    await addToCart(db, { cartId, variantId: variant.variantId, quantity: 1 });
    refresh();
    return { message: t('counter.sale.added', { item: itemName(t, variant) }), data: { added: true } };
  },
);

export const addToCounterCartAction = action(
  { schema: addToCartSchema, access: access.counter },
  async (input, { actor, locale, t }) => {
    const db = getDb();
    const cartId = await counterCart(db, actor, true);
    await addToCart(db, { cartId, ...input });
    const [line] = await loadPriceLines(db, [{ variantId: input.variantId, quantity: 1 }], locale);
    refresh();
    return {
      message: t('counter.sale.added', { item: line ? itemName(t, line) : '' }),
      data: { added: true },
    };
  },
);

export const setCounterLineQuantityAction = action(
  { schema: setLineQuantitySchema, access: access.counter },
  async (input, { actor, t }) => {
    const db = getDb();
    await setLineQuantity(db, { cartId: await counterCart(db, actor, false), ...input });
    refresh();
    return { message: t('counter.cart.updated') };
  },
);

export const removeCounterLineAction = action(
  { schema: removeLineSchema, access: access.counter },
  async (input, { actor, t }) => {
    const db = getDb();
    await removeLine(db, { cartId: await counterCart(db, actor, false), ...input });
    refresh();
    return { message: t('counter.cart.removed') };
  },
);

export const applyCounterCodeAction = action(
  { schema: promotionCodeSchema, access: access.counter },
  async (input, { actor, t }) => {
    const db = getDb();
    const cartId = await counterCart(db, actor, true);
    // Per cart, as on the web: a refusal comes only for a cart that exists, so nothing was created.
    await enforceRateLimits(db, [['codeEntryPerCart', cartId]]);
    await applyPromotionCode(db, cartId, input.code);
    refresh();
    return { message: t('counter.cart.codeApplied', { code: input.code }) };
  },
);

export const removeCounterCodeAction = action(
  { schema: promotionCodeSchema, access: access.counter },
  async (input, { actor, t }) => {
    const db = getDb();
    await removeCode(db, await counterCart(db, actor, false), input.code);
    refresh();
    return { message: t('counter.cart.codeRemoved', { code: input.code }) };
  },
);
