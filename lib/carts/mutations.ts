import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { cartLines, carts, customers, tillSessions, variants, products } from '@/db/schema';
import { loadPriceLines, type CatalogLocale } from '@/lib/catalog/queries';
import { DomainError } from '@/lib/errors';
import { normalizeCode, priceCart } from '@/lib/pricing';
import { codeRefusalMessage } from '@/lib/promotions/explain';
import { loadPricingFacts } from '@/lib/promotions/candidates';
import { getPricingConfig } from '@/lib/settings/pricing-config';
import { getDeviceTill } from '@/lib/till/device';
import { linkCartToCustomer } from '@/lib/insight/events';
import { cartColumns, findBrowserCart, findCustomerCart, getCart, getCartLines, type CartDto } from './queries';
import { loadExperimentPricing } from '@/lib/insight/experiment-context';

/** More of one item in one cart is a typo, not a purchase. */
export const MAX_LINE_QUANTITY = 99;

function assertQuantity(quantity: number, min: number): void {
  if (!Number.isSafeInteger(quantity) || quantity < min) throw new RangeError(`invalid quantity ${quantity}`);
}

/**
 * Locks an open cart for the rest of the transaction and bumps updated_at (carts are pruned by age).
 * The row lock makes a line change wait for a checkout of the same cart, after which the cart is no
 * longer open: nothing is added to a cart that just became an order.
 */
async function touchOpenCart(db: DbOrTx, cartId: string): Promise<CartDto> {
  const cart = await getCart(db, cartId);
  if (!cart) throw new DomainError('notFound');
  const [row] = await db
    .update(carts)
    .set({ updatedAt: sql`now()` })
    .where(and(eq(carts.id, cartId), eq(carts.status, 'open')))
    .returning(cartColumns);
  if (!row) throw new DomainError('invalidState');
  return row;
}

/**
 * The web cart for this visitor, created when there is none. A signed-in customer gets their open cart;
 * an anonymous cookie cart is merged into it (or, if they have none, becomes theirs). `cartId` is the
 * cart cookie (a browser key, see carts.browserKey). Returns the cart and, for an anonymous visitor, the
 * key the cookie must hold — the same as before when the browser already had one, also when its last
 * cart became an order, so adding to a new cart sets no cookie (which would re-render the whole page).
 */
export async function getOrCreateWebCart(
  db: DbOrTx,
  who: { cartId?: string | null; customerId?: number | null; locale?: CatalogLocale },
): Promise<{ cartId: string; created: boolean; dropped?: DroppedLine[]; browserKey?: string }> {
  return db.transaction(async (tx) => {
    const anonymous = await findBrowserCart(tx, who.cartId, { openOnly: true });
    const customerId = who.customerId ?? null;

    if (customerId === null) {
      if (anonymous) return { cartId: anonymous.id, created: false, browserKey: who.cartId! };
      // The browser's earlier anonymous cart (ordered, or merged at a sign-in) hands on its key; a cookie
      // that holds no anonymous cart (made up, or a customer's cart) gets a key of its own.
      const earlier = await findBrowserCart(tx, who.cartId, { openOnly: false });
      const [created] = await tx
        .insert(carts)
        .values({ channel: 'web', browserKey: earlier ? who.cartId : null })
        .onConflictDoNothing() // another add of this browser opened its next cart meanwhile: use that one
        .returning({ id: carts.id });
      if (!created) return { cartId: (await findBrowserCart(tx, who.cartId, { openOnly: true }))!.id, created: false, browserKey: who.cartId! };
      return { cartId: created.id, created: true, browserKey: earlier ? who.cartId! : created.id };
    }

    const own = await findCustomerCart(tx, customerId, { openOnly: true });
    if (own) {
      const dropped = anonymous ? (await mergeCarts(tx, { fromCartId: anonymous.id, intoCartId: own.id, locale: who.locale })).dropped : [];
      return { cartId: own.id, created: false, dropped };
    }
    if (anonymous) {
      // Claim it only while still anonymous, so two sign-ins cannot both take one cart.
      const [claimed] = await tx
        .update(carts)
        .set({ customerId })
        .where(and(eq(carts.id, anonymous.id), isNull(carts.customerId), eq(carts.status, 'open')))
        .returning({ id: carts.id });
      if (claimed) return { cartId: claimed.id, created: false };
    }
    const [created] = await tx.insert(carts).values({ channel: 'web', customerId }).returning({ id: carts.id });
    return { cartId: created.id, created: true };
  });
}

/** A line that could not follow the shopper into their cart: its product is no longer for sale. */
export interface DroppedLine {
  productName: string;
  variantLabel: string;
  quantity: number;
}

/**
 * Moves every sellable line and every code of `fromCartId` into `intoCartId` (quantities added, capped
 * at MAX_LINE_QUANTITY; codes united) and closes the source cart as 'abandoned'. Used on sign-in. Lines
 * whose variant or product left the assortment are not moved: they are returned (names in `locale`)
 * so the shopper is told once, instead of finding a line they cannot order.
 */
export async function mergeCarts(
  db: DbOrTx,
  input: { fromCartId: string; intoCartId: string; locale?: CatalogLocale },
): Promise<{ dropped: DroppedLine[] }> {
  if (input.fromCartId === input.intoCartId) return { dropped: [] };
  return db.transaction(async (tx) => {
    const into = await touchOpenCart(tx, input.intoCartId);
    const [from] = await tx
      .update(carts)
      .set({ status: 'abandoned' })
      .where(and(eq(carts.id, input.fromCartId), eq(carts.status, 'open')))
      .returning(cartColumns);
    if (!from) return { dropped: [] }; // already merged or checked out: nothing to move
    // Raw: drizzle's insert…select wants every table column, including the generated id.
    await tx.execute(sql`
      insert into ${cartLines} (cart_id, variant_id, quantity)
      select ${into.id}::uuid, l.variant_id, least(l.quantity, ${MAX_LINE_QUANTITY}) from ${cartLines} l
      join ${variants} v on v.id = l.variant_id and v.active
      join ${products} p on p.id = v.product_id and p.active
      where l.cart_id = ${from.id}::uuid
      on conflict (cart_id, variant_id)
      do update set quantity = least(cart_lines.quantity + excluded.quantity, ${MAX_LINE_QUANTITY}), updated_at = now()`);
    const codes = [...new Set([...into.promotionCodes, ...from.promotionCodes])];
    if (codes.length !== into.promotionCodes.length) {
      await tx.update(carts).set({ promotionCodes: codes }).where(eq(carts.id, into.id));
    }
    const left = await loadPriceLines(tx, await getCartLines(tx, from.id), input.locale ?? 'nl');
    return {
      dropped: left.filter((l) => !l.active).map(({ productName, variantLabel, quantity }) => ({ productName, variantLabel, quantity })),
    };
  });
}

/**
 * The clerk's one open counter cart, created when there is none. A transaction-scoped advisory lock
 * per clerk keeps two tabs from each creating one. The cart follows the clerk's current store.
 * With a till open on this device (the till cookie, or `tillSessionId` when given) at `locationId`,
 * it is that till session's cart: one counter cart per till session, so two tablets on one login no
 * longer share a cart. Without one, it is the clerk's cart that belongs to no till (as before tills).
 */
export async function getOrCreateCounterCart(
  db: DbOrTx,
  input: { clerkUserId: number; locationId: number; tillSessionId?: number | null },
): Promise<{ cartId: string; created: boolean }> {
  const wanted = input.tillSessionId === undefined ? ((await getDeviceTill(db, input.clerkUserId))?.id ?? null) : input.tillSessionId;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${COUNTER_CART_LOCK}, ${input.clerkUserId})`);
    // Only an open till of this store takes the cart (one closed meanwhile, or an admin's other store, does not).
    const [till] =
      wanted === null
        ? []
        : await tx
            .select({ id: tillSessions.id })
            .from(tillSessions)
            .where(and(eq(tillSessions.id, wanted), eq(tillSessions.locationId, input.locationId), eq(tillSessions.status, 'open')));
    const tillSessionId = till?.id ?? null;
    const [open] = await tx
      .select({ id: carts.id, locationId: carts.locationId })
      .from(carts)
      .where(
        and(
          eq(carts.clerkUserId, input.clerkUserId),
          eq(carts.channel, 'store'),
          eq(carts.status, 'open'),
          tillSessionId === null ? isNull(carts.tillSessionId) : eq(carts.tillSessionId, tillSessionId),
        ),
      )
      .orderBy(desc(carts.updatedAt))
      .limit(1);
    if (open) {
      if (open.locationId !== input.locationId) {
        await tx.update(carts).set({ locationId: input.locationId }).where(eq(carts.id, open.id));
      }
      return { cartId: open.id, created: false };
    }
    const [created] = await tx
      .insert(carts)
      .values({ channel: 'store', clerkUserId: input.clerkUserId, locationId: input.locationId, tillSessionId })
      .returning({ id: carts.id });
    return { cartId: created.id, created: true };
  });
}

// First key of the two-int advisory lock, so these locks never collide with another feature's.
const COUNTER_CART_LOCK = 7_201;

/**
 * Adds `quantity` of a variant (1..99) to an open cart; an existing line grows, capped at 99. The
 * variant must be on sale. Stock is not checked here: placing the order does that atomically.
 */
export async function addToCart(
  db: DbOrTx,
  input: { cartId: string; variantId: number; quantity: number },
): Promise<{ quantity: number; itemCount: number }> {
  assertQuantity(input.quantity, 1);
  return db.transaction(async (tx) => {
    await touchOpenCart(tx, input.cartId);
    const [variant] = await tx
      .select({ id: variants.id })
      .from(variants)
      .innerJoin(products, eq(products.id, variants.productId))
      .where(and(eq(variants.id, input.variantId), eq(variants.active, true), eq(products.active, true)));
    if (!variant) throw new DomainError('notFound');
    const [line] = await tx
      .insert(cartLines)
      .values({ cartId: input.cartId, variantId: input.variantId, quantity: Math.min(input.quantity, MAX_LINE_QUANTITY) })
      .onConflictDoUpdate({
        target: [cartLines.cartId, cartLines.variantId],
        set: { quantity: sql`least(${cartLines.quantity} + excluded.quantity, ${MAX_LINE_QUANTITY})`, updatedAt: sql`now()` },
      })
      .returning({ quantity: cartLines.quantity });
    // The cart's new size, for the header badge the action updates without re-rendering the page.
    const [cart] = await tx
      .select({ itemCount: sql<number>`coalesce(sum(${cartLines.quantity}), 0)::int` })
      .from(cartLines)
      .where(eq(cartLines.cartId, input.cartId));
    return { quantity: line!.quantity, itemCount: cart?.itemCount ?? 0 };
  });
}

/** Sets a line's quantity (capped at 99); 0 removes the line. A variant not in the cart → notFound. */
export async function setLineQuantity(db: DbOrTx, input: { cartId: string; variantId: number; quantity: number }): Promise<void> {
  assertQuantity(input.quantity, 0);
  if (input.quantity === 0) return removeLine(db, input);
  await db.transaction(async (tx) => {
    await touchOpenCart(tx, input.cartId);
    const [line] = await tx
      .update(cartLines)
      .set({ quantity: Math.min(input.quantity, MAX_LINE_QUANTITY) })
      .where(and(eq(cartLines.cartId, input.cartId), eq(cartLines.variantId, input.variantId)))
      .returning({ id: cartLines.id });
    if (!line) throw new DomainError('notFound');
  });
}

/** Removes a line; removing one that is not there changes nothing. */
export async function removeLine(db: DbOrTx, input: { cartId: string; variantId: number }): Promise<void> {
  await db.transaction(async (tx) => {
    await touchOpenCart(tx, input.cartId);
    await tx.delete(cartLines).where(and(eq(cartLines.cartId, input.cartId), eq(cartLines.variantId, input.variantId)));
  });
}

/**
 * Adds a promotion code to the cart. priceCart decides: a code it refuses → DomainError
 * ('codeRefused.<reason>', e.g. expired, minimum not reached, used up) on the 'code' field. Only accepted codes
 * are kept, so a code that expired meanwhile is dropped on the next change.
 */
export async function applyPromotionCode(
  db: DbOrTx,
  cartId: string,
  code: string,
  now: Date = new Date(),
): Promise<{ codes: string[] }> {
  const normalized = normalizeCode(code);
  return db.transaction(async (tx) => {
    const cart = await touchOpenCart(tx, cartId);
    const [lines, facts, pricing] = await Promise.all([
      getCartLines(tx, cartId).then((items) => loadPriceLines(tx, items, 'nl', now)),
      loadPricingFacts(tx, now, cart.customerId, [...cart.promotionCodes, normalized]),
      getPricingConfig(tx),
    ]);
    const experiments = await loadExperimentPricing(tx, { channel: cart.channel, customerId: cart.customerId, cartId });
    // With the cart's customer, so a code they used up (per-customer limit) or that is not for them is refused here.
    const priced = priceCart(
      lines.filter((l) => l.active),
      facts.promotions,
      { channel: cart.channel, now, codes: [...cart.promotionCodes, normalized], customerId: cart.customerId, customer: facts.customer, locationId: cart.locationId, pricing, experimentVariants: experiments.experimentVariants },
    );
    if (!normalized || !priced.codes.accepted.includes(normalized)) {
      // Say why (expired, minimum not reached, used up, not for this customer…), in the person's language.
      const refused = codeRefusalMessage(priced.codes.refusals?.find((r) => r.code === normalized));
      throw new DomainError(refused.key, refused.values, 'code');
    }
    await tx.update(carts).set({ promotionCodes: priced.codes.accepted }).where(eq(carts.id, cartId));
    return { codes: priced.codes.accepted };
  });
}

/** Takes a code off the cart (case-insensitive); a code that is not there changes nothing. */
export async function removeCode(db: DbOrTx, cartId: string, code: string): Promise<{ codes: string[] }> {
  const normalized = normalizeCode(code);
  return db.transaction(async (tx) => {
    const cart = await touchOpenCart(tx, cartId);
    const codes = cart.promotionCodes.filter((c) => c !== normalized);
    await tx.update(carts).set({ promotionCodes: codes }).where(eq(carts.id, cartId));
    return { codes };
  });
}

/** Counter: links the sale to a customer profile (or unlinks it with null). Only for counter carts. */
export async function setCartCustomer(db: DbOrTx, input: { cartId: string; customerId: number | null }): Promise<void> {
  await db.transaction(async (tx) => {
    const cart = await touchOpenCart(tx, input.cartId);
    if (cart.channel !== 'store') throw new DomainError('invalidState');
    if (input.customerId !== null) {
      const [customer] = await tx.select({ id: customers.id }).from(customers).where(eq(customers.id, input.customerId));
      if (!customer) throw new DomainError('notFound', {}, 'customerId');
    }
    await tx.update(carts).set({ customerId: input.customerId }).where(eq(carts.id, input.cartId));
    // Identified at the counter (S13): the cart's journey (a handed-over web cart's visitor) is theirs.
    await linkCartToCustomer(tx, input.cartId, input.customerId);
  });
}
