import 'server-only';
import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import { conversationMessages, conversationThreads, customers, locations, orders, users } from '@/db/schema';
import type { Actor } from '@/lib/identity/queries';
import { getLocation } from '@/lib/locations/queries';
import { loadThread, staffMayAccess, type ShopViewer } from './access';
import { CUSTOMER_VISIBLE_CHANNELS, findShopperThread, type ViewedOrder } from './customer-messages';

// Reads of one thread, for the shopper (their messages and the answers) and for staff (everything,
// notes included, with who the customer is). Lists and counts of inboxes are in inbox-queries.ts.

export type MessageChannelDto = 'web_chat' | 'email' | 'sms' | 'phone_note' | 'in_store_note';

export interface MessageDto {
  id: number;
  channel: MessageChannelDto;
  author: 'customer' | 'staff';
  /** Staff: the author's name (first name only for the shopper); null for the customer's own. */
  authorName: string | null;
  body: string;
  createdAt: Date;
  orderId: string | null;
  orderNumber: string | null;
  readByCustomerAt: Date | null;
  readByStaffAt: Date | null;
}

export interface ShopperThreadDto {
  id: string;
  status: 'open' | 'closed';
  storeName: string | null;
  messages: MessageDto[];
  /** Answers the shopper has not seen yet. */
  unread: number;
}

export interface StaffThreadDto {
  id: string;
  status: 'open' | 'closed';
  locationId: number | null;
  storeName: string | null;
  assignedUserId: number | null;
  assignedName: string | null;
  customer: { id: number | null; name: string; email: string | null; phone: string | null; preferredStore: string | null };
  /** A guest thread's order. */
  guestOrder: { id: string; number: string } | null;
  messages: MessageDto[];
  /** Customer messages not read by staff yet. */
  unread: number;
}

const authors = alias(users, 'author');
const messageOrders = alias(orders, 'message_order');

async function loadMessages(db: DbOrTx, threadId: string, where?: SQL): Promise<MessageDto[]> {
  return db
    .select({
      id: conversationMessages.id,
      channel: conversationMessages.channel,
      author: conversationMessages.author,
      authorName: authors.name,
      body: conversationMessages.body,
      createdAt: conversationMessages.createdAt,
      orderId: conversationMessages.orderId,
      orderNumber: messageOrders.number,
      readByCustomerAt: conversationMessages.readByCustomerAt,
      readByStaffAt: conversationMessages.readByStaffAt,
    })
    .from(conversationMessages)
    .leftJoin(authors, eq(authors.id, conversationMessages.authorUserId))
    .leftJoin(messageOrders, eq(messageOrders.id, conversationMessages.orderId))
    .where(where ? and(eq(conversationMessages.threadId, threadId), where) : eq(conversationMessages.threadId, threadId))
    .orderBy(asc(conversationMessages.createdAt), asc(conversationMessages.id));
}

/**
 * The thread a shopper sees on the order page (`about`: the order id, or the order the page has just read
 * for this viewer) or the account page, or null when there is none yet. Notes are left out; staff appear
 * by first name. Throws like postCustomerMessage when the viewer may not see the order (the order page
 * has answered 404 before that).
 */
export async function getShopperThread(db: DbOrTx, viewer: ShopViewer, about?: string | ViewedOrder): Promise<ShopperThreadDto | null> {
  const thread = await findShopperThread(db, viewer, about);
  if (!thread) return null;
  const [messages, store] = await Promise.all([
    loadMessages(db, thread.id, inArray(conversationMessages.channel, [...CUSTOMER_VISIBLE_CHANNELS])),
    thread.locationId === null ? null : getLocation(db, thread.locationId),
  ]);
  const shown = messages.map((m) => ({ ...m, authorName: m.author === 'staff' ? firstName(m.authorName) : null }));
  return {
    id: thread.id,
    status: thread.status,
    storeName: store?.name ?? null,
    messages: shown,
    unread: shown.filter((m) => m.author === 'staff' && m.readByCustomerAt === null).length,
  };
}

function firstName(name: string | null): string | null {
  return name ? name.trim().split(/\s+/)[0] : null;
}

const assignees = alias(users, 'assignee');
const preferredStores = alias(locations, 'preferred_store');

/** One thread for a clerk or admin, with notes and the customer's contact details; null when not theirs. */
export async function getStaffThread(db: DbOrTx, threadId: string, actor: Actor): Promise<StaffThreadDto | null> {
  const ref = await loadThread(db, threadId);
  if (!ref || !(await staffMayAccess(db, ref, actor))) return null;
  const [[row], messages] = await Promise.all([
    db
      .select({
        storeName: locations.name,
        assignedName: assignees.name,
        customerName: customers.name,
        customerEmail: customers.email,
        customerPhone: customers.phone,
        preferredStore: preferredStores.name,
        orderNumber: orders.number,
        orderName: orders.customerName,
        orderEmail: orders.email,
        orderPhone: orders.phone,
      })
      .from(conversationThreads)
      .leftJoin(locations, eq(locations.id, conversationThreads.locationId))
      .leftJoin(assignees, eq(assignees.id, conversationThreads.assignedUserId))
      .leftJoin(customers, eq(customers.id, conversationThreads.customerId))
      .leftJoin(preferredStores, eq(preferredStores.id, customers.preferredLocationId))
      .leftJoin(orders, eq(orders.id, conversationThreads.orderId))
      .where(eq(conversationThreads.id, ref.id)),
    loadMessages(db, ref.id),
  ]);
  const guest = ref.customerId === null;
  return {
    id: ref.id,
    status: ref.status,
    locationId: ref.locationId,
    storeName: row?.storeName ?? null,
    assignedUserId: ref.assignedUserId,
    assignedName: row?.assignedName ?? null,
    customer: guest
      ? { id: null, name: row?.orderName || ref.email || '—', email: ref.email ?? row?.orderEmail ?? null, phone: row?.orderPhone ?? null, preferredStore: null }
      : { id: ref.customerId, name: row?.customerName ?? '—', email: row?.customerEmail ?? null, phone: row?.customerPhone ?? null, preferredStore: row?.preferredStore ?? null },
    guestOrder: guest && ref.orderId && row?.orderNumber ? { id: ref.orderId, number: row.orderNumber } : null,
    messages,
    unread: messages.filter((m) => m.author === 'customer' && m.readByStaffAt === null).length,
  };
}
