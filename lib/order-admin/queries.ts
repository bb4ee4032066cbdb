import 'server-only';
import { and, asc, desc, eq, gte, ilike, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import { customers, locations, orders, payments, type OrderStatus } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { toE164 } from '@/lib/notifications/phone';
import { afterSalesState, type AfterSalesState } from '@/lib/returns/after-sales-state';
import { zonedLocalToUtc } from '@/lib/time/zoned';
import { ORDER_PAGE_SIZE, type OrderListFilter, type PaymentState } from './schemas';

/** One row of /admin/orders. */
export interface AdminOrderRow {
  id: string;
  number: string;
  channel: 'web' | 'store';
  fulfilment: 'delivery' | 'pickup' | 'in_store';
  status: OrderStatus;
  totalCents: number;
  placedAt: Date;
  customerName: string | null;
  email: string | null;
  /** Where the order is handled: the pickup store, else where the goods come from. */
  locationName: string;
  paymentState: PaymentState;
  /** What came back of it (returns received), or null. */
  afterSales: AfterSalesState | null;
}

export function assertAdmin(actor: Actor): void {
  if (actor.role !== 'admin') throw new DomainError('forbidden');
}

const pickupLocations = alias(locations, 'pickup_location');

// One expression, used both to show and to filter, so the badge and the filter always agree.
const paymentState = sql<PaymentState>`case
  when exists (select 1 from ${payments} p where p.order_id = ${orders.id} and p.refund_due) then 'refund_due'
  when exists (select 1 from ${payments} p where p.order_id = ${orders.id} and p.status = 'succeeded') then 'paid'
  else 'unpaid' end`;

const rowColumns = {
  id: orders.id,
  number: orders.number,
  channel: orders.channel,
  fulfilment: orders.fulfilment,
  status: orders.status,
  totalCents: orders.totalCents,
  placedAt: orders.placedAt,
  customerName: sql<string | null>`coalesce(${orders.customerName}, ${customers.name})`,
  email: sql<string | null>`coalesce(${orders.email}, ${customers.email})`,
  locationName: sql<string>`coalesce(${pickupLocations.name}, ${locations.name})`,
  paymentState,
  afterSales: afterSalesState,
};

/** '%term%' for ILIKE with the person's % and _ taken literally. */
function contains(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The search box: part of an order number, email or name (the order's own, or its customer
 * profile's), or a phone number in any notation people type ("06 1234 5678", "+31 6…", "0031…") —
 * normalised to E.164 as phones are stored.
 */
function searchCondition(q: string): SQL {
  const like = contains(q);
  const digits = q.replace(/\D/g, '');
  const conditions: SQL[] = [
    ilike(orders.number, like),
    ilike(orders.email, like),
    ilike(orders.customerName, like),
    ilike(customers.email, like),
    ilike(customers.name, like),
  ];
  // A bare number such as "100042" finds W-100042 and S-100042 alike.
  if (/^[0-9]{3,}$/.test(q)) conditions.push(ilike(orders.number, `%-${digits}`));
  const e164 = digits.length >= 6 ? toE164(q) : null;
  if (e164) conditions.push(eq(orders.phone, e164), eq(customers.phone, e164));
  return or(...conditions)!;
}

/** The day after 'YYYY-MM-DD', as 'YYYY-MM-DD'. */
function nextDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

function whereOf(filter: OrderListFilter): SQL | undefined {
  const conditions: SQL[] = [];
  if (filter.channel) conditions.push(eq(orders.channel, filter.channel));
  if (filter.status) conditions.push(eq(orders.status, filter.status));
  if (filter.fulfilment) conditions.push(eq(orders.fulfilment, filter.fulfilment));
  if (filter.store) conditions.push(or(eq(orders.pickupLocationId, filter.store), eq(orders.stockLocationId, filter.store))!);
  // Calendar days of the shop (Europe/Amsterdam), whatever the server's zone: 'to' includes its whole day.
  if (filter.from) conditions.push(gte(orders.placedAt, zonedLocalToUtc(`${filter.from}T00:00`)));
  if (filter.to) conditions.push(lt(orders.placedAt, zonedLocalToUtc(`${nextDay(filter.to)}T00:00`)));
  if (filter.payment) conditions.push(sql`${paymentState} = ${filter.payment}`);
  if (filter.q) conditions.push(searchCondition(filter.q));
  return conditions.length > 0 ? and(...conditions) : undefined;
}

function orderByOf(filter: OrderListFilter): SQL[] {
  const direction = filter.dir === 'asc' ? asc : desc;
  // W- and S- numbers draw from one sequence: sort by the number, not by the letter in front.
  const sequence = sql`nullif(regexp_replace(${orders.number}, '[^0-9]', '', 'g'), '')::bigint`;
  const key = filter.sort === 'total' ? orders.totalCents : filter.sort === 'number' ? sequence : orders.placedAt;
  return [direction(key), direction(orders.id)];
}

/**
 * Orders of every channel for the admin list: filtered, searched, sorted and one page at a time,
 * with the total for the pager. Admins only.
 */
export async function listAdminOrders(
  db: DbOrTx,
  actor: Actor,
  filter: OrderListFilter,
  pageSize = ORDER_PAGE_SIZE,
): Promise<{ rows: AdminOrderRow[]; total: number }> {
  assertAdmin(actor);
  const where = whereOf(filter);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select(rowColumns)
      .from(orders)
      .innerJoin(locations, eq(locations.id, orders.stockLocationId))
      .leftJoin(pickupLocations, eq(pickupLocations.id, orders.pickupLocationId))
      .leftJoin(customers, eq(customers.id, orders.customerId))
      .where(where)
      .orderBy(...orderByOf(filter))
      .limit(pageSize)
      .offset((filter.page - 1) * pageSize),
    db
      .select({ total: sql<number>`count(*)`.mapWith(Number) })
      .from(orders)
      .leftJoin(customers, eq(customers.id, orders.customerId))
      .where(where),
  ]);
  return { rows, total };
}

/** Locations for the list's store filter (stores and the warehouse), by name. */
export async function listOrderLocations(db: DbOrTx): Promise<{ id: number; name: string }[]> {
  return db.select({ id: locations.id, name: locations.name }).from(locations).orderBy(asc(locations.name));
}

/** Counter look-up: exact matches only (number, email, phone), newest first. */
export const COUNTER_LOOKUP_LIMIT = 20;

/**
 * The clerk's look-up of ANY order (web or counter, any store) by its number, the email or the phone
 * number on it or on its customer's profile. Exact matches only: a clerk finds the order of the
 * person in front of them, never browses other customers' orders by a fragment.
 */
export async function lookUpOrdersForCounter(db: DbOrTx, actor: Actor, term: string): Promise<AdminOrderRow[]> {
  if (actor.role !== 'clerk' && actor.role !== 'admin') throw new DomainError('forbidden');
  const q = term.trim().slice(0, 100);
  if (!q || !q.isWellFormed() || q.includes('\0')) return [];
  const conditions: SQL[] = [];
  const number = /^([WS])-?([0-9]{3,12})$/i.exec(q);
  if (number) conditions.push(eq(orders.number, `${number[1].toUpperCase()}-${number[2]}`));
  else if (/^[0-9]{5,7}$/.test(q)) conditions.push(inArray(orders.number, [`W-${q}`, `S-${q}`]));
  if (q.includes('@')) conditions.push(eq(sql`lower(${orders.email})`, q.toLowerCase()), eq(sql`lower(${customers.email})`, q.toLowerCase()));
  const e164 = q.replace(/\D/g, '').length >= 6 ? toE164(q) : null;
  if (e164) conditions.push(eq(orders.phone, e164), eq(customers.phone, e164));
  if (conditions.length === 0) return [];
  return db
    .select(rowColumns)
    .from(orders)
    .innerJoin(locations, eq(locations.id, orders.stockLocationId))
    .leftJoin(pickupLocations, eq(pickupLocations.id, orders.pickupLocationId))
    .leftJoin(customers, eq(customers.id, orders.customerId))
    .where(or(...conditions))
    .orderBy(desc(orders.placedAt), desc(orders.id))
    .limit(COUNTER_LOOKUP_LIMIT);
}
