import { and, asc, desc, eq, gte, inArray, max } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { orderEvents, orderLines, orders, type OrderStatus } from '@/db/schema';
import { utcToZonedLocal, zonedLocalToUtc } from '@/lib/time/zoned';
import { findOrderByNumber, findPickupByCode, listPickupsForStore, type PickupDto } from './queries';

// The counter's click & collect queue, always scoped to ONE store: callers pass the clerk's store,
// never a store id from a form.

export const PICKUP_VIEWS = ['prepare', 'ready', 'collected'] as const;
export type PickupView = (typeof PICKUP_VIEWS)[number];

const VIEW_STATUS: Record<PickupView, OrderStatus> = {
  prepare: 'paid',
  ready: 'ready_for_pickup',
  collected: 'collected',
};

export function pickupViewOf(status: OrderStatus): PickupView | null {
  return PICKUP_VIEWS.find((v) => VIEW_STATUS[v] === status) ?? null;
}

export interface PickupItem {
  productName: string;
  variantLabel: string;
  quantity: number;
}

export interface PickupCard extends PickupDto {
  items: PickupItem[];
  /** When it was handed over (collected orders only). */
  collectedAt: Date | null;
}

/** Midnight of `now`'s day in the shop's time zone. */
export function startOfShopDay(now: Date): Date {
  return zonedLocalToUtc(`${utcToZonedLocal(now).slice(0, 10)}T00:00`);
}

async function withItems(db: DbOrTx, pickups: PickupDto[]): Promise<PickupCard[]> {
  if (pickups.length === 0) return [];
  const ids = pickups.map((p) => p.id);
  const [lines, collected] = await Promise.all([
    db
      .select({
        orderId: orderLines.orderId,
        productName: orderLines.productName,
        variantLabel: orderLines.variantLabel,
        quantity: orderLines.quantity,
      })
      .from(orderLines)
      .where(inArray(orderLines.orderId, ids))
      .orderBy(asc(orderLines.id)),
    db
      .select({ orderId: orderEvents.orderId, at: max(orderEvents.createdAt) })
      .from(orderEvents)
      .where(and(inArray(orderEvents.orderId, ids), eq(orderEvents.type, 'collected')))
      .groupBy(orderEvents.orderId),
  ]);
  const collectedAt = new Map(collected.map((c) => [c.orderId, c.at]));
  return pickups.map((p) => {
    const items = lines
      .filter((l) => l.orderId === p.id)
      .map(({ productName, variantLabel, quantity }) => ({ productName, variantLabel, quantity }));
    return {
      ...p,
      items,
      itemCount: items.reduce((n, i) => n + i.quantity, 0),
      collectedAt: p.status === 'collected' ? (collectedAt.get(p.id) ?? null) : null,
    };
  });
}

// Same shape as PickupDto; itemCount is filled in from the lines.
const pickupColumns = {
  id: orders.id,
  number: orders.number,
  channel: orders.channel,
  fulfilment: orders.fulfilment,
  status: orders.status,
  totalCents: orders.totalCents,
  placedAt: orders.placedAt,
  customerName: orders.customerName,
  email: orders.email,
  phone: orders.phone,
  pickupCode: orders.pickupCode,
};

const atStore = (storeId: number) =>
  and(eq(orders.fulfilment, 'pickup'), eq(orders.pickupLocationId, storeId));

/**
 * The store's pickups per view: to prepare (paid), ready for pickup, and collected since midnight
 * (shop time). Oldest first in the open views (first come, first served), latest first when collected.
 */
export async function listCounterPickups(
  db: DbOrTx,
  storeId: number,
  now: Date,
): Promise<Record<PickupView, PickupCard[]>> {
  const [open, collectedToday] = await Promise.all([
    listPickupsForStore(db, storeId, { statuses: ['paid', 'ready_for_pickup'] }),
    db
      .select({ ...pickupColumns, at: max(orderEvents.createdAt) })
      .from(orders)
      .innerJoin(orderEvents, and(eq(orderEvents.orderId, orders.id), eq(orderEvents.type, 'collected')))
      .where(
        and(
          atStore(storeId),
          eq(orders.status, 'collected'),
          gte(orderEvents.createdAt, startOfShopDay(now)),
        ),
      )
      .groupBy(orders.id)
      .orderBy(desc(max(orderEvents.createdAt))),
  ]);
  const collected = collectedToday.map(({ at: _at, ...p }) => ({ ...p, itemCount: 0 }));
  const cards = await withItems(db, [...open, ...collected]);
  return {
    prepare: cards.filter((c) => c.status === 'paid'),
    ready: cards.filter((c) => c.status === 'ready_for_pickup'),
    collected: cards.filter((c) => c.status === 'collected'),
  };
}

/**
 * A pickup of THIS store by order number ("W-100042", case-insensitive) or pickup code, in any status.
 * Another store's order answers null, exactly like a missing one.
 */
export async function findCounterPickup(
  db: DbOrTx,
  storeId: number,
  term: string,
): Promise<PickupCard | null> {
  const text = term.trim();
  if (!text || text.length > 40) return null;
  const byNumber = await findOrderByNumber(db, text);
  const id =
    byNumber && byNumber.fulfilment === 'pickup' && byNumber.pickupLocationId === storeId
      ? byNumber.id
      : ((await findPickupByCode(db, storeId, text))?.id ?? null);
  if (!id) return null;
  const [row] = await db
    .select(pickupColumns)
    .from(orders)
    .where(and(eq(orders.id, id), atStore(storeId)));
  if (!row) return null;
  const [card] = await withItems(db, [{ ...row, itemCount: 0 }]);
  return card;
}
