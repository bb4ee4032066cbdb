import { randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { orders, type OrderStatus } from '@/db/schema';
import type { Actor } from '@/lib/identity/queries';

export interface PlacedOrder {
  orderId: string;
  number: string;
  totalCents: number;
}

/** The first result for an idempotency key, or null. */
export async function findPlacedOrder(
  db: DbOrTx,
  idempotencyKey: string,
): Promise<(PlacedOrder & { cartId: string | null; requestHash: string | null }) | null> {
  const [row] = await db
    .select({ orderId: orders.id, number: orders.number, totalCents: orders.totalCents, cartId: orders.cartId, requestHash: orders.requestHash })
    .from(orders)
    .where(eq(orders.idempotencyKey, idempotencyKey));
  return row ?? null;
}

// No 0/O, 1/I/L: a pickup code is read aloud and typed by a clerk.
const PICKUP_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A 6-character code the customer shows at the store; crypto-random so it cannot be guessed from another. */
export function generatePickupCode(): string {
  let code = '';
  for (let i = 0; i < 6; i++) code += PICKUP_ALPHABET[randomInt(PICKUP_ALPHABET.length)];
  return code;
}

export function isStaff(actor: Actor | null): actor is Actor {
  return !!actor && (actor.role === 'clerk' || actor.role === 'admin');
}

/**
 * Whether a staff member may act on an order handled at `locationId`: admins everywhere, a clerk only
 * at their own store.
 */
export function staffMayHandle(actor: Actor | null, locationId: number): boolean {
  if (!isStaff(actor)) return false;
  return actor.role === 'admin' || actor.locationId === locationId;
}

/** Status changes allowed by transitionOrder; recordPayment moves pending_payment to paid/completed. */
export const ORDER_TRANSITIONS: Partial<Record<OrderStatus, readonly OrderStatus[]>> = {
  pending_payment: ['paid', 'cancelled'],
  paid: ['ready_for_pickup', 'shipped', 'cancelled'],
  ready_for_pickup: ['collected', 'cancelled'],
  shipped: ['delivered'],
};

/** Whether `to` may follow the order's status, including the fulfilment-specific steps. */
export function canTransition(
  order: { status: OrderStatus; fulfilment: 'delivery' | 'pickup' | 'in_store'; channel: 'web' | 'store' },
  to: OrderStatus,
): boolean {
  if (!ORDER_TRANSITIONS[order.status]?.includes(to)) return false;
  if (to === 'ready_for_pickup') return order.fulfilment === 'pickup';
  if (to === 'shipped') return order.fulfilment === 'delivery';
  // A counter sale is completed by its payment; 'paid' would leave it with no way forward.
  if (to === 'paid') return order.channel === 'web';
  return true;
}

/** How long a hand-over can be undone (wrong customer, pressed too soon): minutes, not hours. */
export const HANDOVER_UNDO_WINDOW_MS = 10 * 60_000;

/**
 * collected → ready_for_pickup is not in ORDER_TRANSITIONS: it is never a step forward, only the undo
 * of a hand-over (undoHandover), and only while the hand-over is `HANDOVER_UNDO_WINDOW_MS` old at most.
 */
export function mayUndoHandover(
  order: { status: OrderStatus; fulfilment: 'delivery' | 'pickup' | 'in_store' },
  collectedAt: Date | null,
  now: Date,
): boolean {
  if (order.status !== 'collected' || order.fulfilment !== 'pickup' || !collectedAt) return false;
  const age = now.getTime() - collectedAt.getTime();
  return age <= HANDOVER_UNDO_WINDOW_MS;
}

/** The next statuses the UI may offer for an order. */
export function nextStatuses(order: Parameters<typeof canTransition>[0]): OrderStatus[] {
  return (ORDER_TRANSITIONS[order.status] ?? []).filter((to) => canTransition(order, to));
}
