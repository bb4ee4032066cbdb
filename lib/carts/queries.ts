import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '@/db/client';
import { cartLines, carts, type CartStatus } from '@/db/schema';
import { loadPriceLines, type CatalogLocale } from '@/lib/catalog/queries';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { priceCart, type Channel, type Fulfilment, type PricedCart, type PricedLine } from '@/lib/pricing';
import { loadPricingFacts } from '@/lib/promotions/candidates';
import { getPricingConfig } from '@/lib/settings/pricing-config';
import { loadStaffDiscounts } from '@/lib/staff-discounts/queries';
import { getDeviceTill } from '@/lib/till/device';
import { loadExperimentPricing, recordExposures } from '@/lib/insight/experiment-context';

export interface CartDto {
  id: string;
  channel: Channel;
  status: CartStatus;
  customerId: number | null;
  locationId: number | null;
  clerkUserId: number | null;
  /** Counter carts: the till session (one tablet's drawer) the cart belongs to, or null. */
  tillSessionId: number | null;
  promotionCodes: string[];
  /** Web: the cart cookie that holds it while anonymous (its browser's key, see carts.browserKey). */
  browserKey: string;
}

/** A web cart's browser key: what the cookie of the browser that holds it says. */
const browserKeyOf = sql<string>`coalesce(${carts.browserKey}, ${carts.id}::text)`;

export const cartColumns = {
  id: carts.id,
  channel: carts.channel,
  status: carts.status,
  customerId: carts.customerId,
  locationId: carts.locationId,
  clerkUserId: carts.clerkUserId,
  tillSessionId: carts.tillSessionId,
  promotionCodes: carts.promotionCodes,
  browserKey: browserKeyOf,
};

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Cart ids come from cookies and forms: anything that is not a uuid is simply not a cart. */
export function isCartId(value: unknown): value is string {
  return typeof value === 'string' && UUID_RE.test(value);
}

/** A cart by id, or null. The caller proves ownership with assertCartAccess. */
export async function getCart(db: DbOrTx, cartId: string): Promise<CartDto | null> {
  if (!isCartId(cartId)) return null;
  const [row] = await db.select(cartColumns).from(carts).where(eq(carts.id, cartId));
  return row ?? null;
}

/**
 * The open web cart to show, without creating one (for pages; actions use getOrCreateWebCart): the
 * signed-in customer's cart, else the anonymous cookie cart. A cookie cart that belongs to a customer
 * is never handed to anyone else (e.g. after signing out on a shared computer).
 */
export async function findWebCartId(db: DbOrTx, who: { cartId?: string | null; customerId?: number | null }): Promise<string | null> {
  const own = who.customerId ? await findCustomerCart(db, who.customerId, { openOnly: true }) : null;
  return own?.id ?? (await findBrowserCart(db, who.cartId, { openOnly: true }))?.id ?? null;
}

/**
 * A customer's web cart: their open one, or with `openOnly: false` the one they touched last in any
 * status (the one an order was just placed from).
 */
export async function findCustomerCart(db: DbOrTx, customerId: number, { openOnly }: { openOnly: boolean }): Promise<{ id: string } | null> {
  const [cart] = await db
    .select({ id: carts.id })
    .from(carts)
    .where(and(eq(carts.customerId, customerId), eq(carts.channel, 'web'), openOnly ? eq(carts.status, 'open') : undefined))
    .orderBy(desc(carts.updatedAt))
    .limit(1);
  return cart ?? null;
}

/**
 * The anonymous web cart the cart cookie `key` holds: its open one, or with `openOnly: false` its latest
 * of any status (the one an order was just placed from). Null for a customer's cart, whoever holds its id.
 */
export async function findBrowserCart(
  db: DbOrTx,
  key: string | null | undefined,
  { openOnly }: { openOnly: boolean },
): Promise<{ id: string; status: CartStatus } | null> {
  if (!isCartId(key)) return null;
  const [cart] = await db
    .select({ id: carts.id, status: carts.status })
    .from(carts)
    .where(
      and(
        sql`${browserKeyOf} = ${key}`,
        eq(carts.channel, 'web'),
        isNull(carts.customerId),
        openOnly ? eq(carts.status, 'open') : undefined,
      ),
    )
    .orderBy(desc(carts.createdAt))
    .limit(1);
  return cart ?? null;
}

/**
 * The header's cart badge in ONE query: the number of items in the cart findWebCartId would show (the
 * customer's open cart, else the browser's anonymous one), and whether a signed-in customer still holds
 * an anonymous cart in their cookie (to merge once).
 */
export async function headerCart(db: DbOrTx, who: { cartId?: string | null; customerId?: number | null }): Promise<{ count: number; unclaimed: boolean }> {
  const key = isCartId(who.cartId) ? who.cartId : null;
  const customerId = who.customerId ?? null;
  const [row] = rowsOf<{ count: number; unclaimed: boolean }>(
    await db.execute(sql`
      with own as (
        select ${carts.id} as id from ${carts}
        where ${carts.customerId} = ${customerId} and ${carts.channel} = 'web' and ${carts.status} = 'open'
        order by ${carts.updatedAt} desc limit 1),
      browser as (
        select ${carts.id} as id from ${carts}
        where ${browserKeyOf} = ${key} and ${carts.channel} = 'web' and ${carts.customerId} is null and ${carts.status} = 'open'
        order by ${carts.createdAt} desc limit 1)
      select
        (select coalesce(sum(${cartLines.quantity}), 0)::int from ${cartLines}
          where ${cartLines.cartId} = coalesce((select id from own), (select id from browser))) as count,
        (${customerId}::int is not null and exists (select 1 from browser)) as unclaimed`),
  );
  return { count: Number(row?.count ?? 0), unclaimed: row?.unclaimed === true };
}

/**
 * Throws unless `actor` may use the cart: a web cart by its customer, or — when anonymous — by whoever
 * holds its browser key in their cart cookie; a counter cart only by the clerk it belongs to. Someone
 * else's web cart answers notFound, so ids cannot be probed.
 */
export function assertCartAccess(
  // A counter cart's check needs no browser key; a web cart without one is nobody's.
  cart: Pick<CartDto, 'id' | 'channel' | 'customerId' | 'clerkUserId'> & Partial<Pick<CartDto, 'browserKey'>>,
  actor: Pick<Actor, 'userId' | 'role' | 'customerId'> | null,
  cartCookie: string | null | undefined,
): void {
  if (cart.channel === 'store') {
    if (!actor || (actor.role !== 'clerk' && actor.role !== 'admin')) throw new DomainError('forbidden');
    if (cart.clerkUserId !== actor.userId) throw new DomainError('forbidden');
    return;
  }
  if (cart.customerId !== null) {
    if (actor?.role === 'customer' && actor.customerId === cart.customerId) return;
    throw new DomainError('notFound');
  }
  if (!cartCookie || cartCookie !== cart.browserKey) throw new DomainError('notFound');
}

/** The cart's lines in the order they were added. */
export async function getCartLines(db: DbOrTx, cartId: string): Promise<{ variantId: number; quantity: number }[]> {
  return db
    .select({ variantId: cartLines.variantId, quantity: cartLines.quantity })
    .from(cartLines)
    .where(eq(cartLines.cartId, cartId))
    .orderBy(asc(cartLines.id));
}

export interface CartLineView extends PricedLine {
  slug: string;
  sku: string;
  productName: string;
  variantLabel: string;
  size: string | null;
  color: string | null;
  imagePath: string;
}

export interface UnavailableCartLine {
  variantId: number;
  productName: string;
  variantLabel: string;
  sku: string;
  quantity: number;
}

export interface PricedCartView {
  cart: CartDto;
  lines: CartLineView[];
  /** Lines whose product left the assortment: not priced, cannot be ordered; the UI offers to remove them. */
  unavailable: UnavailableCartLine[];
  totals: Omit<PricedCart, 'lines'>;
}

/** How getPricedCart prices a cart. */
export interface PricedCartOptions {
  now: Date;
  channel?: Channel;
  fulfilment?: Fulfilment;
  locale?: CatalogLocale;
  /** false: price without the counter's staff discounts (what a new staff discount is measured on). */
  staffDiscounts?: boolean;
  /** The web visitor id for experiment assignment (S11); undefined = the request's analytics cookie. */
  visitorId?: string | null;
  /** Where the price is shown to the person (web cart page, counter cart): log experiment exposures. */
  recordExposure?: boolean;
}

/**
 * The cart as the shopper or clerk sees it: its lines with names in `locale`, priced by priceCart with
 * catalog prices and the current promotion candidates (never a stored or client price). Channel is the
 * cart's own unless given; `fulfilment` adds shipping. Null when the cart does not exist.
 */
export async function getPricedCart(db: DbOrTx, cartId: string, options: PricedCartOptions): Promise<PricedCartView | null> {
  return (await getPricedCartPerFulfilment(db, cartId, options, [options.fulfilment]))?.[0] ?? null;
}

/**
 * getPricedCart once per fulfilment in `fulfilments` (the checkout shows delivery and pickup, whose
 * shipping differs), with the cart, its prices and the promotion candidates read once.
 */
export async function getPricedCartPerFulfilment(
  db: DbOrTx,
  cartId: string,
  options: Omit<PricedCartOptions, 'fulfilment'>,
  fulfilments: (Fulfilment | undefined)[],
): Promise<PricedCartView[] | null> {
  const cart = await getCart(db, cartId);
  if (!cart) return null;
  const channel = options.channel ?? cart.channel;
  const [loaded, facts, pricing, staffDiscounts, experiments] = await Promise.all([
    getCartLines(db, cartId).then((items) => loadPriceLines(db, items, options.locale ?? 'nl', options.now)),
    // With the cart's customer: their uses (per-customer limits) and facts (customer conditions).
    loadPricingFacts(db, options.now, cart.customerId, cart.promotionCodes),
    getPricingConfig(db),
    cart.channel === 'store' && options.staffDiscounts !== false ? loadStaffDiscounts(db, cartId) : undefined,
    loadExperimentPricing(db, { channel, customerId: cart.customerId, visitorId: options.visitorId, cartId }),
  ]);
  const active = loaded.filter((l) => l.active);
  if (options.recordExposure) await recordExposures(db, experiments, { lines: active, channel, customerId: cart.customerId, now: options.now });
  const unavailable = loaded
    .filter((l) => !l.active)
    .map(({ variantId, productName, variantLabel, sku, quantity }) => ({ variantId, productName, variantLabel, sku, quantity }));
  return fulfilments.map((fulfilment) => {
    const { lines, ...totals } = priceCart(active, facts.promotions, {
      customer: facts.customer,
      channel,
      now: options.now,
      codes: cart.promotionCodes,
      fulfilment,
      customerId: cart.customerId,
      locationId: cart.locationId,
      pricing,
      staffDiscounts,
      experimentVariants: experiments.experimentVariants,
    });
    return {
      cart,
      lines: lines.map((line, i) => {
        const { slug, sku, productName, variantLabel, size, color, imagePath } = active[i];
        return { ...line, slug, sku, productName, variantLabel, size, color, imagePath };
      }),
      unavailable,
      totals,
    };
  });
}

/**
 * The clerk's open counter cart id, or null (read-only; the counter action creates it). With a till
 * open on this device (the till cookie, or `tillSessionId` when given) it is the cart of that till
 * session, so two tablets on one login each have their own; without one, the clerk's cart that
 * belongs to no till.
 */
export async function findCounterCartId(db: DbOrTx, clerkUserId: number, tillSessionId?: number | null): Promise<string | null> {
  const till = tillSessionId === undefined ? ((await getDeviceTill(db, clerkUserId))?.id ?? null) : tillSessionId;
  const [row] = await db
    .select({ id: carts.id })
    .from(carts)
    .where(
      and(
        eq(carts.clerkUserId, clerkUserId),
        eq(carts.channel, 'store'),
        eq(carts.status, 'open'),
        till === null ? isNull(carts.tillSessionId) : eq(carts.tillSessionId, till),
      ),
    )
    .orderBy(desc(carts.updatedAt))
    .limit(1);
  return row?.id ?? null;
}
