import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { customerEvents } from '@/db/schema';
import { NO_ATTRIBUTION, type Attribution } from './visitor-cookies';

// The one place a touchpoint is written (S13). One INSERT each, in the caller's transaction where an order
// is involved (so an event exists exactly when its order change does); page-level events go through
// page-events.ts, after the response. Never read back here: the analytics queries aggregate in SQL.

export type CustomerEventType = (typeof customerEvents.$inferInsert)['type'];

export interface Touchpoint {
  type: CustomerEventType;
  channel: 'web' | 'store';
  locationId?: number | null;
  /** The analytics visitor id — only with consent 'all' (readVisitor). */
  visitorId?: string | null;
  customerId?: number | null;
  orderId?: string | null;
  cartId?: string | null;
  productId?: number | null;
  valueCents?: number | null;
  /** The visit's source, copied onto the event. */
  attribution?: Attribution;
  occurredAt?: Date;
}

/** The visitor of the current request and its visit's source; null outside a request (jobs, tests). */
export interface VisitContext {
  visitorId: string | null;
  attribution: Attribution;
}

export const NO_VISIT: VisitContext = { visitorId: null, attribution: NO_ATTRIBUTION };

/**
 * The request's visit (consent honoured), for domain functions that run both in requests and in tests:
 * imported lazily because lib/insight/visitor reads next/headers, which throws outside a request.
 */
export async function requestVisit(): Promise<VisitContext> {
  try {
    const { readVisitor } = await import('./visitor');
    const visitor = await readVisitor();
    return { visitorId: visitor.visitorId, attribution: visitor.attribution };
  } catch {
    return NO_VISIT;
  }
}

/** Records one touchpoint (one INSERT). */
export async function recordEvent(db: DbOrTx, e: Touchpoint): Promise<void> {
  const a = e.attribution ?? NO_ATTRIBUTION;
  await db.insert(customerEvents).values({
    type: e.type,
    channel: e.channel,
    locationId: e.locationId ?? null,
    visitorId: e.visitorId ?? null,
    customerId: e.customerId ?? null,
    orderId: e.orderId ?? null,
    cartId: e.cartId ?? null,
    productId: e.productId ?? null,
    valueCents: e.valueCents ?? null,
    utmSource: a.source,
    utmMedium: a.medium,
    utmCampaign: a.campaign,
    referrer: a.referrer,
    ...(e.occurredAt ? { occurredAt: e.occurredAt } : {}),
  });
}

/**
 * A touchpoint of an existing order (paid, collected, delivered, returned, counter sale): channel,
 * visitor, customer and source come from the order row itself, in one INSERT … SELECT. The location is
 * the store for a counter order, else the pickup store (null for a delivery) unless given.
 */
export async function recordOrderEvent(
  db: DbOrTx,
  orderId: string,
  type: CustomerEventType,
  opts: { valueCents?: number | null; locationId?: number | null; occurredAt?: Date } = {},
): Promise<void> {
  const location =
    opts.locationId != null
      ? sql`${opts.locationId}::integer`
      : sql`case when o.channel = 'store' then o.stock_location_id else o.pickup_location_id end`;
  const value = opts.valueCents === undefined ? sql`o.total_cents` : sql`${opts.valueCents}::integer`;
  const at = opts.occurredAt ? sql`${opts.occurredAt.toISOString()}::timestamptz` : sql`now()`;
  await db.execute(sql`
    insert into customer_events
      (type, channel, location_id, visitor_id, customer_id, order_id, cart_id, value_cents,
       utm_source, utm_medium, utm_campaign, referrer, occurred_at)
    select ${type}::customer_event_type, o.channel, ${location}, o.visitor_id, o.customer_id, o.id, o.cart_id, ${value},
           o.utm_source, o.utm_medium, o.utm_campaign, o.referrer, ${at}
    from orders o where o.id = ${orderId}`);
}

/**
 * Links a visitor's earlier anonymous events to the customer they turned out to be (sign-in, checkout):
 * one UPDATE; events already linked (to anyone) stay as they are.
 */
export async function linkVisitorToCustomer(db: DbOrTx, visitorId: string | null | undefined, customerId: number | null | undefined): Promise<void> {
  if (!visitorId || customerId == null) return;
  await db
    .update(customerEvents)
    .set({ customerId })
    .where(and(eq(customerEvents.visitorId, visitorId), isNull(customerEvents.customerId)));
}

/**
 * The customer identified on a cart (attached at the counter, or a handed-over web cart): the cart's own
 * events and every anonymous event of the visitors that touched it get the customer, in one UPDATE.
 */
export async function linkCartToCustomer(db: DbOrTx, cartId: string, customerId: number | null | undefined): Promise<void> {
  if (customerId == null) return;
  await db.execute(sql`
    update customer_events set customer_id = ${customerId}
    where customer_id is null
      and (cart_id = ${cartId}
        or visitor_id in (select e.visitor_id from customer_events e where e.cart_id = ${cartId} and e.visitor_id is not null))`);
}

/** Retention: deletes the events older than `days` days; returns how many. */
export async function pruneCustomerEvents(db: DbOrTx, days: number, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
  const gone = await db.delete(customerEvents).where(lt(customerEvents.occurredAt, cutoff)).returning({ id: customerEvents.id });
  return gone.length;
}

/**
 * "Continue in store": the web cart loaded into a counter cart. The event belongs to the counter cart and
 * carries the web cart's visitor and source (from that cart's latest event with a visitor), so a customer
 * attached to the counter cart later is linked back over the whole web journey.
 */
export async function recordCartHandedOver(
  db: DbOrTx,
  input: { webCartId: string; counterCartId: string; locationId: number; customerId: number | null },
): Promise<void> {
  await db.execute(sql`
    insert into customer_events (type, channel, location_id, visitor_id, customer_id, cart_id, utm_source, utm_medium, utm_campaign, referrer)
    select 'cart_handed_over', 'store', ${input.locationId}::integer, v.visitor_id, ${input.customerId}::integer, ${input.counterCartId}::uuid,
           v.utm_source, v.utm_medium, v.utm_campaign, v.referrer
    from (select 1) one
    left join lateral (
      select e.visitor_id, e.utm_source, e.utm_medium, e.utm_campaign, e.referrer from customer_events e
      where e.cart_id = ${input.webCartId}::uuid and e.visitor_id is not null
      order by e.occurred_at desc, e.id desc limit 1
    ) v on true`);
  await linkCartToCustomer(db, input.webCartId, input.customerId);
}

/** A web add to cart: the variant's product looked up in the same INSERT … SELECT. */
export async function recordAddToCart(
  db: DbOrTx,
  input: { cartId: string; variantId: number; customerId: number | null; visit: VisitContext },
): Promise<void> {
  const a = input.visit.attribution;
  await db.execute(sql`
    insert into customer_events (type, channel, visitor_id, customer_id, cart_id, product_id, utm_source, utm_medium, utm_campaign, referrer)
    select 'add_to_cart', 'web', ${input.visit.visitorId}, ${input.customerId}::integer, ${input.cartId}::uuid, v.product_id,
           ${a.source}, ${a.medium}, ${a.campaign}, ${a.referrer}
    from variants v where v.id = ${input.variantId}`);
}
