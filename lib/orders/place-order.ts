import { and, asc, eq, sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '@/db/client';
import { cartLines, carts, locations, orderEvents, orderLines, orders, type ShippingAddress, type StaffDiscountSnapshot } from '@/db/schema';
import { loadPriceLines, type LoadedPriceLine } from '@/lib/catalog/queries';
import { DomainError } from '@/lib/errors';
import { linkGuestProfile } from '@/lib/identity/guest-profile';
import type { Actor } from '@/lib/identity/queries';
import { reserveStock, sellStock } from '@/lib/inventory/mutations';
import { priceCart, type PricedCart, type StaffDiscounts } from '@/lib/pricing';
import { toSavingSnapshot } from './savings';
import { getPricingConfig } from '@/lib/settings/pricing-config';
import { loadPricingFacts, registerPromotionUsage } from '@/lib/promotions/candidates';
import { getCartLines } from '@/lib/carts/queries';
import { recomputeCustomerSegments } from '@/lib/insight/segments';
import { linkCartToCustomer, linkVisitorToCustomer, recordEvent, requestVisit, type VisitContext } from '@/lib/insight/events';
import { loadExperimentPricing, recordExperimentOrder } from '@/lib/insight/experiment-context';
import { requestHash } from '@/lib/idempotency/request-hash';
import { notifyOrderEvent } from '@/lib/order-messages/notify';
import { findPlacedOrder, generatePickupCode, isStaff, staffMayHandle, type PlacedOrder } from './shared';

export type { PlacedOrder } from './shared';

export interface PlaceOrderInput {
  /** One per checkout attempt (generated with the form); repeating it returns the first order. */
  idempotencyKey: string;
  channel: 'web' | 'store';
  fulfilment: 'delivery' | 'pickup' | 'in_store';
  cartId: string;
  /** Counter: the customer linked to the sale (else the cart's). Web: must be the signed-in customer's. */
  customerId?: number | null;
  email?: string | null;
  phone?: string | null;
  customerName?: string | null;
  shippingAddress?: ShippingAddress | null;
  pickupLocationId?: number | null;
  /** Counter: the clerk's store, where the goods are sold from. */
  stockLocationId?: number | null;
  now?: Date;
  /** Language of the product names in the order snapshot and in error messages. */
  locale?: 'nl' | 'en';
  /** The total the shopper saw; when given and the price has changed since → DomainError('priceChanged'). */
  expectedTotalCents?: number;
  /**
   * Fields of the caller's request that are not the order's own (the counter's payment method and cash
   * tendered): part of the idempotency fingerprint, so a repeat with other payment details is a conflict.
   */
  requestExtras?: Record<string, unknown>;
  /** Web guest: the analytics visitor id experiments assign by (S11); undefined = the request's cookie. */
  visitorId?: string | null;
  /** Web: the visit the order arrives from (S4/S13: visitor id + source); undefined = the request's cookies. */
  visit?: VisitContext;
}

/** What makes two requests with one idempotency key the same request (not the total: that is a guard). */
function orderRequestHash(input: PlaceOrderInput): string {
  return requestHash({
    channel: input.channel,
    fulfilment: input.fulfilment,
    cartId: input.cartId,
    customerId: input.customerId,
    email: input.email?.toLowerCase(),
    phone: input.phone,
    customerName: input.customerName,
    shippingAddress: input.fulfilment === 'delivery' ? input.shippingAddress : null,
    pickupLocationId: input.fulfilment === 'pickup' ? input.pickupLocationId : null,
    stockLocationId: input.channel === 'store' ? input.stockLocationId : null,
    extras: input.requestExtras,
  });
}

interface StockSource {
  id: number;
  name: string;
}

/**
 * Places an order for both channels in ONE transaction: price the cart with priceCart (catalog prices,
 * never the client's), take the stock (web: reserve; counter: sell) with conditional updates, write the
 * order with a snapshot of every line, its 'placed' event, and close the cart. Idempotent: the same key
 * with the same request returns the first order, also when two requests race (the unique key decides);
 * the same key with another cart or other details is a `conflict`. The caller is authorized first.
 *
 * Errors (DomainError): cartEmpty, productUnavailable, outOfStock, pickupStoreOutOfStock,
 * pickupUnavailable, priceChanged, invalidState (closed cart / wrong channel), forbidden, notFound, conflict.
 */
export async function placeOrder(db: DbOrTx, input: PlaceOrderInput, actor: Actor | null): Promise<PlacedOrder> {
  const now = input.now ?? new Date();
  const locale = input.locale ?? 'nl';

  const hash = orderRequestHash(input);

  return db.transaction(async (tx) => {
    // Lock the cart: a double submit with a fresh key waits here and then finds the cart converted.
    const [cart] = await tx
      .select({ id: carts.id, channel: carts.channel, status: carts.status, customerId: carts.customerId, clerkUserId: carts.clerkUserId, codes: carts.promotionCodes })
      .from(carts)
      .where(eq(carts.id, input.cartId))
      .for('update');
    if (!cart) throw new DomainError('notFound');
    // Authorize before anything is answered, a replay included: a key proves nothing about who asks.
    const customerId = authorize(input, cart, actor);
    const replay = async (): Promise<PlacedOrder | null> => {
      const existing = await findPlacedOrder(tx, input.idempotencyKey);
      if (!existing) return null;
      // The same key for another cart or with other details is a client bug (or a probe): never hand
      // out that order as if this request had placed it.
      if (existing.cartId !== input.cartId || existing.requestHash !== hash) throw new DomainError('conflict');
      return { orderId: existing.orderId, number: existing.number, totalCents: existing.totalCents };
    };
    // Whoever held the lock before us may have placed this very order.
    const first = await replay();
    if (first) return first;
    if (cart.status !== 'open' || cart.channel !== input.channel) throw new DomainError('invalidState');
    // A guest's order joins the profile of its email (created when new), so the person's history is one
    // wherever they later identify; the guest still sees only this order (lib/identity/guest-profile.ts).
    const profileId =
      customerId ?? (input.channel === 'web' && input.email ? await linkGuestProfile(tx, { email: input.email, phone: input.phone, name: input.customerName, locale }) : null);


    const lines = await loadOrderLines(tx, cart.id, locale, now);
    // Customer facts (known, first order, loyalty) and per-customer usage are those of the customer the
    // sale is for (signed in / linked at the counter) — the same the cart was priced for.
    const facts = await loadPricingFacts(tx, now, customerId, cart.codes);
    const staff = input.channel === 'store' ? await loadStaffDiscountRows(tx, cart.id) : null;
    // The same person → the same experiment variant as the cart showed (S11).
    const experiments = await loadExperimentPricing(tx, { channel: input.channel, customerId, visitorId: input.visitorId, cartId: cart.id });
    const priced = priceCart(lines, facts.promotions, {
      pricing: await getPricingConfig(tx),
      channel: input.channel,
      now,
      codes: cart.codes,
      fulfilment: input.fulfilment,
      customerId,
      customer: facts.customer,
      staffDiscounts: staff?.discounts,
      experimentVariants: experiments.experimentVariants,
      locationId: input.channel === 'store' ? (input.stockLocationId ?? null) : (input.pickupLocationId ?? null),
    });
    // A code on the cart whose uses ran out meanwhile (another checkout took the last one) is said
    // plainly before anything is paid, on web and counter alike.
    refuseUsedUpCodes(priced);
    if (input.expectedTotalCents !== undefined && input.expectedTotalCents !== priced.totalCents) {
      throw new DomainError('priceChanged');
    }
    const source = await stockSource(tx, input);
    // Where the order came from: the web visit (consent honoured by readVisitor); the counter has none.
    const visit = input.channel === 'web' ? (input.visit ?? (await requestVisit())) : null;

    const [{ n }] = rowsOf<{ n: string }>(await tx.execute(sql`select nextval('order_number_seq')::text as n`));
    const number = `${input.channel === 'web' ? 'W' : 'S'}-${n}`;
    const [order] = await tx
      .insert(orders)
      .values({
        number,
        channel: input.channel,
        fulfilment: input.fulfilment,
        status: 'pending_payment',
        stockLocationId: source.id,
        pickupLocationId: input.fulfilment === 'pickup' ? source.id : null,
        customerId: profileId,
        cartId: cart.id,
        placedByUserId: actor?.userId ?? null,
        email: input.email ?? (actor?.role === 'customer' ? actor.email : null),
        phone: input.phone ?? null,
        customerName: input.customerName ?? null,
        shippingAddress: input.fulfilment === 'delivery' ? input.shippingAddress : null,
        promotionCodes: priced.codes.accepted,
        subtotalCents: priced.subtotalCents,
        discountCents: priced.discountCents,
        shippingCents: priced.shippingCents,
        shippingDiscountCents: priced.shippingDiscountCents,
        savings: priced.savings.map(toSavingSnapshot),
        staffDiscounts: staff ? staffSnapshot(staff, priced) : [],
        totalCents: priced.totalCents,
        vatCents: priced.vatCents,
        vatBreakdown: priced.vat,
        pickupCode: input.fulfilment === 'pickup' ? generatePickupCode() : null,
        idempotencyKey: input.idempotencyKey,
        requestHash: hash,
        placedAt: now,
        visitorId: visit?.visitorId ?? null,
        utmSource: visit?.attribution.source ?? null,
        utmMedium: visit?.attribution.medium ?? null,
        utmCampaign: visit?.attribution.campaign ?? null,
        referrer: visit?.attribution.referrer ?? null,
      })
      .onConflictDoNothing({ target: orders.idempotencyKey })
      .returning({ orderId: orders.id, number: orders.number, totalCents: orders.totalCents });
    if (!order) {
      const raced = await replay();
      if (!raced) throw new DomainError('conflict');
      return raced;
    }

    // Usage limits: conditional writes in this transaction; a code used up meanwhile rolls the order back.
    await registerPromotionUsage(tx, { orderId: order.orderId, customerId, priced, candidates: facts.promotions });
    await takeStock(tx, input, lines, source, { reference: number, actorUserId: actor?.userId ?? null, locale });
    await writeLines(tx, order.orderId, lines, priced, locale);
    // The conversion of the person's experiment variants, in this transaction.
    await recordExperimentOrder(tx, experiments, { orderId: order.orderId, lines, channel: input.channel, customerId: profileId, now });
    await tx.insert(orderEvents).values({ orderId: order.orderId, type: 'placed', toStatus: 'pending_payment', actorUserId: actor?.userId ?? null });
    await notifyOrderEvent(tx, order.orderId, 'placed', { locale, now });
    await tx.update(carts).set({ status: 'converted' }).where(eq(carts.id, cart.id));
    // The touchpoint (S13), and the visitor's earlier anonymous events are now this customer's.
    await recordEvent(tx, {
      type: input.channel === 'web' ? 'order_placed' : 'counter_sale',
      channel: input.channel,
      locationId: input.channel === 'store' ? source.id : (input.pickupLocationId ?? null),
      visitorId: visit?.visitorId,
      customerId: profileId,
      orderId: order.orderId,
      cartId: cart.id,
      valueCents: order.totalCents,
      attribution: visit?.attribution,
      occurredAt: now,
    });
    await linkVisitorToCustomer(tx, visit?.visitorId, profileId);
    if (input.channel === 'store') await linkCartToCustomer(tx, cart.id, profileId);
    // The customer's segments (S14) with this order: one upsert over their orders, in this transaction.
    if (profileId !== null) await recomputeCustomerSegments(tx, profileId, now);
    return order;
  });
}

const LIMIT_REFUSALS = new Set(['used_up', 'already_used', 'not_for_customer']);

/** Throws DomainError('codeRefused.<reason>', { code }) for a cart code refused by its usage limits. */
export function refuseUsedUpCodes(priced: Pick<PricedCart, 'codes'>): void {
  const refusal = priced.codes.refusals.find((r) => LIMIT_REFUSALS.has(r.reason));
  if (refusal) throw new DomainError(`codeRefused.${refusal.reason}`, { code: refusal.code }, 'code');
}

/** Who may place this order, and for which customer profile. Returns the order's customerId. */
function authorize(
  input: PlaceOrderInput,
  cart: { channel: 'web' | 'store'; customerId: number | null; clerkUserId: number | null },
  actor: Actor | null,
): number | null {
  if (input.channel === 'store') {
    if (!isStaff(actor) || cart.clerkUserId !== actor.userId) throw new DomainError('forbidden');
    if (input.fulfilment !== 'in_store') throw new DomainError('invalidState');
    if (!input.stockLocationId || !staffMayHandle(actor, input.stockLocationId)) throw new DomainError('forbidden');
    return input.customerId ?? cart.customerId;
  }
  if (input.fulfilment === 'in_store') throw new DomainError('invalidState');
  const signedIn = actor?.role === 'customer' ? actor.customerId : null;
  // A customer's cart is theirs alone; an anonymous cart is proven by its cookie in the action.
  if (cart.customerId !== null && cart.customerId !== signedIn) throw new DomainError('notFound');
  if (input.customerId != null && input.customerId !== signedIn) throw new DomainError('forbidden');
  if (!input.email && !signedIn) throw new DomainError('invalidState');
  if (input.fulfilment === 'delivery' && !input.shippingAddress) throw new DomainError('invalidState');
  return signedIn;
}

async function loadOrderLines(tx: DbOrTx, cartId: string, locale: 'nl' | 'en', now: Date): Promise<LoadedPriceLine[]> {
  // Priced at the order's own `now`, the instant priceCart gets: a scheduled price switches for all at once.
  const lines = await loadPriceLines(tx, await getCartLines(tx, cartId), locale, now);
  if (lines.length === 0) throw new DomainError('cartEmpty');
  const gone = lines.find((l) => !l.active);
  if (gone) throw new DomainError('productUnavailable', { name: gone.productName });
  return lines;
}

/** Delivery ships from the warehouse; pickup takes the chosen store's stock; the counter sells its own. */
async function stockSource(tx: DbOrTx, input: PlaceOrderInput): Promise<StockSource> {
  const columns = { id: locations.id, name: locations.name };
  if (input.fulfilment === 'delivery') {
    const [warehouse] = await tx.select(columns).from(locations).where(eq(locations.kind, 'warehouse')).orderBy(asc(locations.id)).limit(1);
    if (!warehouse) throw new Error('no warehouse location configured');
    return warehouse;
  }
  if (input.fulfilment === 'pickup') {
    const [store] = input.pickupLocationId
      ? await tx
          .select(columns)
          .from(locations)
          .where(and(eq(locations.id, input.pickupLocationId), eq(locations.kind, 'store'), eq(locations.pickupEnabled, true)))
      : [];
    if (!store) throw new DomainError('pickupUnavailable', {}, 'pickupLocationId');
    return store;
  }
  const [store] = await tx
    .select(columns)
    .from(locations)
    .where(and(eq(locations.id, input.stockLocationId ?? 0), eq(locations.kind, 'store')));
  if (!store) throw new DomainError('notFound');
  return store;
}

/**
 * Web orders reserve (goods stay until collected or shipped); counter sales sell at once. Variants are
 * taken in id order so two orders never lock the same stock rows in opposite orders (no deadlock).
 */
async function takeStock(
  tx: DbOrTx,
  input: PlaceOrderInput,
  lines: LoadedPriceLine[],
  source: StockSource,
  meta: { reference: string; actorUserId: number | null; locale: 'nl' | 'en' },
): Promise<void> {
  const take = input.channel === 'web' ? reserveStock : sellStock;
  for (const line of [...lines].sort((a, b) => a.variantId - b.variantId)) {
    try {
      await take(tx, { variantId: line.variantId, locationId: source.id, quantity: line.quantity, ...meta });
    } catch (error) {
      // Pickup: say which store ran out, so the checkout can offer delivery instead.
      if (input.fulfilment === 'pickup' && error instanceof DomainError && error.code === 'outOfStock') {
        throw new DomainError('pickupStoreOutOfStock', { name: String(error.values.name), store: source.name, available: error.values.available });
      }
      throw error;
    }
  }
}

/** The snapshot of what was charged: names, unit price, discount, VAT and promotion per line. */
async function writeLines(tx: DbOrTx, orderId: string, lines: LoadedPriceLine[], priced: PricedCart, locale: 'nl' | 'en'): Promise<void> {
  await tx.insert(orderLines).values(
    priced.lines.map((p, i) => ({
      orderId,
      variantId: p.variantId,
      sku: lines[i].sku,
      productName: lines[i].productName,
      variantLabel: lines[i].variantLabel,
      quantity: p.quantity,
      unitPriceCents: p.unitPriceCents,
      discountCents: p.discountCents,
      lineTotalCents: p.lineTotalCents,
      vatRateBp: p.vatRateBp,
      vatCents: p.vatCents,
      promotionId: p.promotion?.id ?? null,
      promotionName: p.promotion ? p.promotion.title[locale] : null,
      savings: p.savings.map(toSavingSnapshot),
    })),
  );
}

interface StaffDiscountRows {
  discounts: StaffDiscounts;
  cart: StaffDiscountSnapshot | null;
  lines: StaffDiscountSnapshot[];
}

/** The counter cart's staff discounts (explicit priceCart inputs), with who gave them, for the order record. */
async function loadStaffDiscountRows(tx: DbOrTx, cartId: string): Promise<StaffDiscountRows> {
  const [[cart], lines] = await Promise.all([
    tx.select({ staffDiscount: carts.staffDiscount }).from(carts).where(eq(carts.id, cartId)),
    tx.select({ variantId: cartLines.variantId, staffDiscount: cartLines.staffDiscount }).from(cartLines).where(eq(cartLines.cartId, cartId)),
  ]);
  const perLine: Record<number, { kind: 'percentage' | 'fixed_amount'; value: number; reason: string }> = {};
  const lineRecords: StaffDiscountSnapshot[] = [];
  for (const l of lines) {
    if (!l.staffDiscount) continue;
    const { kind, value, reason, byUserId } = l.staffDiscount;
    perLine[l.variantId] = { kind, value, reason };
    lineRecords.push({ variantId: l.variantId, kind, value, reason, byUserId, amountCents: 0 });
  }
  const c = cart?.staffDiscount ?? null;
  return {
    discounts: { cart: c ? { kind: c.kind, value: c.value, reason: c.reason } : null, lines: perLine },
    cart: c ? { variantId: null, kind: c.kind, value: c.value, reason: c.reason, byUserId: c.byUserId, amountCents: 0 } : null,
    lines: lineRecords,
  };
}

/** The staff discounts as given, with what each took off (from the priced savings). */
function staffSnapshot(staff: StaffDiscountRows, priced: PricedCart): StaffDiscountSnapshot[] {
  const out: StaffDiscountSnapshot[] = [];
  for (const rec of staff.lines) {
    const line = priced.lines.find((l) => l.variantId === rec.variantId);
    const amountCents = line ? line.savings.filter((s) => s.scope === 'staff_line').reduce((a, s) => a + s.amountCents, 0) : 0;
    out.push({ ...rec, amountCents });
  }
  if (staff.cart) {
    const amountCents = priced.savings.filter((s) => s.scope === 'staff_cart').reduce((a, s) => a + s.amountCents, 0);
    out.push({ ...staff.cart, amountCents });
  }
  return out;
}
