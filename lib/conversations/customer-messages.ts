import 'server-only';
import { and, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { conversationMessages, conversationThreads } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { getOrderForViewer } from '@/lib/orders/guest-orders';
import { takeRateLimit } from '@/lib/rate-limit/rate-limit';
import { recordEvent, requestVisit } from '@/lib/insight/events';
import type { OrderDetailDto } from '@/lib/orders/queries';
import type { ShopViewer, ThreadRef } from './access';
import { publishThreadChange, publishThreadOnly } from './live';
import { findCustomerThread, findGuestThread, getOrCreateCustomerThread, getOrCreateGuestThread, orderStoreId } from './threads';

// The shopper's side: writing from the order page or the account page, and reading the answers.

/**
 * Per thread: a person chatting never meets it; a script filling the inbox does. Counted after the access
 * check (nobody can use up someone else's budget) and in the message's transaction.
 */
export const MESSAGE_RATE_LIMIT = { bucket: 'conversation:thread', limit: 20, windowMs: 10 * 60_000 } as const;

/** Messages the customer sees (notes of calls and talks are the staff's record, not a message to them). */
export const CUSTOMER_VISIBLE_CHANNELS = ['web_chat', 'email', 'sms'] as const;

type Target =
  | { kind: 'customer'; customerId: number; order: OrderDetailDto | null }
  | { kind: 'guest'; order: OrderDetailDto };

/**
 * Whose thread a shopper means: with an order, the thread of that order's owner — only when this viewer
 * may see the order (their own, or a guest order of this browser); without one, the signed-in customer's.
 * DomainError: 'conversationNotYours' (someone else's order, or none), 'unauthenticated', 'forbidden' (staff).
 */
async function resolveTarget(db: DbOrTx, about: string | ViewedOrder | undefined, viewer: ShopViewer): Promise<Target> {
  if (about) {
    const order = typeof about === 'string' ? await getOrderForViewer(db, about, viewer) : about.viewed;
    if (!order) throw new DomainError('conversationNotYours');
    // The customer's own thread only for the signed-in customer whose order it is; a guest order linked to
    // a profile by its email stays a guest thread for the browser that placed it (it must never open
    // that profile's conversation).
    const own = order.customerId !== null && viewer.actor?.role === 'customer' && viewer.actor.customerId === order.customerId;
    return own ? { kind: 'customer', customerId: order.customerId!, order } : { kind: 'guest', order };
  }
  if (!viewer.actor) throw new DomainError('unauthenticated');
  if (viewer.actor.role !== 'customer' || !viewer.actor.customerId) throw new DomainError('forbidden');
  return { kind: 'customer', customerId: viewer.actor.customerId, order: null };
}

/**
 * An order that getOrderForViewer has just answered for this same viewer in this request (the order
 * page): its thread is found without reading the order and its access once more.
 */
export interface ViewedOrder {
  viewed: OrderDetailDto;
}

/** The shopper's thread for this page, or null when none was started yet (nothing is created). */
export async function findShopperThread(db: DbOrTx, viewer: ShopViewer, about?: string | ViewedOrder): Promise<ThreadRef | null> {
  const target = await resolveTarget(db, about, viewer);
  return target.kind === 'customer' ? findCustomerThread(db, target.customerId) : findGuestThread(db, target.order.id);
}

/**
 * A shopper's message (web chat), in their thread — started when it is their first. Written about an
 * order, the thread moves to the store that looks after that order (a new question goes to the store
 * that can answer it; its assignee, who may work elsewhere, is cleared). Reopens a closed thread.
 * Errors: see resolveTarget, and 'tooManyRequests'; `body` is validated by the schema (and the DB CHECK).
 */
export async function postCustomerMessage(
  db: DbOrTx,
  input: { orderId?: string; body: string },
  viewer: ShopViewer,
  now = new Date(),
): Promise<{ threadId: string; messageId: number }> {
  return db.transaction(async (tx) => {
    const target = await resolveTarget(tx, input.orderId, viewer);
    const storeId = target.order ? orderStoreId(target.order) : null;
    const thread =
      target.kind === 'customer'
        ? await getOrCreateCustomerThread(tx, target.customerId, storeId)
        : await getOrCreateGuestThread(tx, target.order, storeId);
    const budget = await takeRateLimit(tx, { ...MESSAGE_RATE_LIMIT, key: thread.id }, now);
    if (!budget.allowed) throw new DomainError('tooManyRequests', { minutes: Math.ceil(budget.retryAfterMs / 60_000) });
    const [message] = await tx
      .insert(conversationMessages)
      .values({
        threadId: thread.id,
        orderId: target.order?.id ?? null,
        channel: 'web_chat',
        author: 'customer',
        body: input.body,
        readByCustomerAt: now,
        createdAt: now,
      })
      .returning({ id: conversationMessages.id });
    const moves = storeId !== null && storeId !== thread.locationId;
    await tx
      .update(conversationThreads)
      .set({
        status: 'open',
        lastMessageAt: now,
        updatedAt: now,
        ...(moves ? { locationId: storeId, assignedUserId: null } : {}),
      })
      .where(eq(conversationThreads.id, thread.id));
    await publishThreadChange(tx, thread.id, [thread.locationId, moves ? storeId : thread.locationId]);
    // The touchpoint (S13), with the message in this transaction.
    const visit = await requestVisit();
    await recordEvent(tx, {
      type: 'message_sent',
      channel: 'web',
      locationId: storeId,
      visitorId: visit.visitorId,
      customerId: target.kind === 'customer' ? target.customerId : target.order.customerId,
      orderId: target.order?.id ?? null,
      attribution: visit.attribution,
      occurredAt: now,
    });
    return { threadId: thread.id, messageId: message.id };
  });
}

/**
 * The shopper has the thread on screen: staff answers count as read by them. Returns how many changed
 * (0 when there is no thread yet or nothing was unread). Same errors as postCustomerMessage.
 */
export async function markReadByCustomer(db: DbOrTx, input: { orderId?: string }, viewer: ShopViewer, now = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    const thread = await findShopperThread(tx, viewer, input.orderId);
    if (!thread) return 0;
    const read = await tx
      .update(conversationMessages)
      .set({ readByCustomerAt: now })
      .where(
        and(
          eq(conversationMessages.threadId, thread.id),
          ne(conversationMessages.author, 'customer'),
          inArray(conversationMessages.channel, [...CUSTOMER_VISIBLE_CHANNELS]),
          isNull(conversationMessages.readByCustomerAt),
        ),
      )
      .returning({ id: conversationMessages.id });
    if (read.length > 0) await publishThreadOnly(tx, thread.id);
    return read.length;
  });
}

/** How many staff answers the customer has not read yet (for the account page). */
export async function countUnreadForCustomer(db: DbOrTx, customerId: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int`.mapWith(Number) })
    .from(conversationMessages)
    .innerJoin(conversationThreads, eq(conversationThreads.id, conversationMessages.threadId))
    .where(
      and(
        eq(conversationThreads.customerId, customerId),
        eq(conversationMessages.author, 'staff'),
        inArray(conversationMessages.channel, [...CUSTOMER_VISIBLE_CHANNELS]),
        isNull(conversationMessages.readByCustomerAt),
      ),
    );
  return row?.n ?? 0;
}
