import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { carts, conversationThreads, customers, orders } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { isGuestPlacedOrder } from '@/lib/identity/guest-profile';

// Who may read and write which thread: one rule for the pages, the actions and the live stream.
// A customer: their own thread. A guest: the thread of a guest order this browser placed (the signed
// guest-orders cookie, as for the order page). An admin: every thread. A clerk: their store's threads,
// the unassigned ones, and the thread of the customer they are serving at the counter right now.

export interface ThreadRef {
  id: string;
  customerId: number | null;
  orderId: string | null;
  email: string | null;
  status: 'open' | 'closed';
  locationId: number | null;
  assignedUserId: number | null;
}

/** Who is looking at the shop: the session (if any) and the guest orders this browser placed. */
export interface ShopViewer {
  actor: Actor | null;
  guestOrderIds: string[];
}

export const threadRefColumns = {
  id: conversationThreads.id,
  customerId: conversationThreads.customerId,
  orderId: conversationThreads.orderId,
  email: conversationThreads.email,
  status: conversationThreads.status,
  locationId: conversationThreads.locationId,
  assignedUserId: conversationThreads.assignedUserId,
};

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The thread, or null (also for a malformed id). `forUpdate` locks it for the caller's transaction. */
export async function loadThread(db: DbOrTx, threadId: string, forUpdate = false): Promise<ThreadRef | null> {
  if (!UUID_RE.test(threadId)) return null;
  const query = db.select(threadRefColumns).from(conversationThreads).where(eq(conversationThreads.id, threadId));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export const isStaff = (actor: Actor | null): actor is Actor => actor?.role === 'clerk' || actor?.role === 'admin';

/**
 * Whether a shopper may read and write in `thread`. A guest thread opens only for a web order placed
 * without a customer account, held in this browser's cookie (the same rule as getOrderForViewer).
 */
export async function shopperMayAccess(db: DbOrTx, thread: ThreadRef, viewer: ShopViewer): Promise<boolean> {
  if (thread.customerId !== null) {
    return viewer.actor?.role === 'customer' && viewer.actor.customerId === thread.customerId;
  }
  if (!thread.orderId || !viewer.guestOrderIds.includes(thread.orderId)) return false;
  const [order] = await db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.id, thread.orderId), eq(orders.channel, 'web')));
  // A guest order keeps its guest thread also once it is linked to a profile by email (isGuestPlacedOrder).
  return !!order && (await isGuestPlacedOrder(db, thread.orderId));
}

/**
 * Whether the clerk is serving this customer at the counter now: the customer is on the clerk's open
 * counter cart in the clerk's store (looked up and attached to the sale).
 */
export async function isServedAtCounter(db: DbOrTx, actor: Actor, customerId: number): Promise<boolean> {
  if (actor.role !== 'clerk' || actor.locationId === null) return false;
  const [cart] = await db
    .select({ id: carts.id })
    .from(carts)
    .where(
      and(
        eq(carts.channel, 'store'),
        eq(carts.status, 'open'),
        eq(carts.clerkUserId, actor.userId),
        eq(carts.locationId, actor.locationId),
        eq(carts.customerId, customerId),
      ),
    )
    .limit(1);
  return !!cart;
}

/** Whether a clerk or admin may read, answer, annotate, assign and close `thread`. */
export async function staffMayAccess(db: DbOrTx, thread: ThreadRef, actor: Actor | null): Promise<boolean> {
  if (actor?.role === 'admin') return true;
  if (actor?.role !== 'clerk' || actor.locationId === null) return false;
  if (thread.locationId === null || thread.locationId === actor.locationId) return true;
  return thread.customerId !== null && isServedAtCounter(db, actor, thread.customerId);
}

/**
 * Whether staff may see and note on this customer's conversation: by their thread's rule when they have
 * one; before that, an admin, or a clerk serving them at the counter or of their preferred store (so a
 * clerk cannot start threads for arbitrary customers to see them appear in the unassigned inbox).
 */
export async function staffMayAccessCustomer(db: DbOrTx, actor: Actor, customerId: number): Promise<boolean> {
  const [thread] = await db.select(threadRefColumns).from(conversationThreads).where(eq(conversationThreads.customerId, customerId));
  if (thread) return staffMayAccess(db, thread, actor);
  if (actor.role === 'admin') return true;
  if (actor.role !== 'clerk' || actor.locationId === null) return false;
  const [customer] = await db.select({ preferredLocationId: customers.preferredLocationId }).from(customers).where(eq(customers.id, customerId));
  if (!customer) return false;
  return customer.preferredLocationId === actor.locationId || isServedAtCounter(db, actor, customerId);
}

/**
 * The thread for a staff action, locked for the caller's transaction; DomainError('conversationNotFound')
 * when it does not exist or is not the actor's to handle (the two are not told apart).
 */
export async function requireStaffThread(db: DbOrTx, threadId: string, actor: Actor): Promise<ThreadRef> {
  const thread = await loadThread(db, threadId, true);
  if (!thread || !(await staffMayAccess(db, thread, actor))) throw new DomainError('conversationNotFound');
  return thread;
}

/** For the live stream: may this viewer watch `thread:<threadId>`? */
export async function mayWatchThread(db: DbOrTx, viewer: ShopViewer, threadId: string): Promise<boolean> {
  const thread = await loadThread(db, threadId);
  if (!thread) return false;
  return isStaff(viewer.actor) ? staffMayAccess(db, thread, viewer.actor) : shopperMayAccess(db, thread, viewer);
}

/**
 * For the live stream: may this viewer watch an inbox's counts? `inbox:<storeId>` — that store's clerk
 * or an admin; `inbox:unassigned` — any clerk or admin; `inbox:all` — admins.
 */
export function mayWatchInbox(actor: Actor | null, scope: string): boolean {
  if (actor?.role === 'admin') return scope === 'all' || scope === 'unassigned' || /^\d{1,10}$/.test(scope);
  if (actor?.role !== 'clerk') return false;
  return scope === 'unassigned' || (actor.locationId !== null && scope === String(actor.locationId));
}
