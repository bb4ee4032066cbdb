import 'server-only';
import { and, desc, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import { carts, conversationThreads, customers, locations, orders, users } from '@/db/schema';
import type { Actor } from '@/lib/identity/queries';
import { staffMayAccessCustomer } from './access';

// The inboxes: a counter's (its store's threads and the unassigned ones) and the admin's (all). The
// scope always comes from the session (the clerk's store), never from a form or a URL.

export type InboxScope = { kind: 'store'; storeId: number } | { kind: 'all' };
export const INBOX_VIEWS = ['open', 'unassigned', 'closed'] as const;
export type InboxView = (typeof INBOX_VIEWS)[number];

export interface InboxThreadDto {
  id: string;
  status: 'open' | 'closed';
  customerName: string;
  /** A guest thread's order number (guests are known by their order). */
  orderNumber: string | null;
  storeName: string | null;
  assignedName: string | null;
  lastMessageAt: Date;
  lastMessage: { body: string; author: 'customer' | 'staff'; channel: string } | null;
  unread: number;
}

const LIST_LIMIT = 100;
// Raw SQL with qualified names: these sub-selects run per thread row.
const unreadCount = sql<number>`(select count(*) from conversation_messages m where m.thread_id = "conversation_threads"."id" and m.author = 'customer' and m.read_by_staff_at is null)`.mapWith(Number);
const last = (column: string) =>
  sql<string | null>`(select m.${sql.raw(column)}::text from conversation_messages m where m.thread_id = "conversation_threads"."id" order by m.created_at desc, m.id desc limit 1)`;

function scopeFilter(scope: InboxScope): SQL | undefined {
  return scope.kind === 'all'
    ? undefined
    : or(eq(conversationThreads.locationId, scope.storeId), isNull(conversationThreads.locationId));
}

function viewFilter(scope: InboxScope, view: InboxView): SQL | undefined {
  if (view === 'closed') return and(scopeFilter(scope), eq(conversationThreads.status, 'closed'));
  const open = eq(conversationThreads.status, 'open');
  if (view === 'unassigned') return and(open, isNull(conversationThreads.locationId));
  return scope.kind === 'all' ? open : and(open, eq(conversationThreads.locationId, scope.storeId));
}

const assignees = alias(users, 'assignee');

/** One view of an inbox, most recent first (at most 100 threads). */
export async function listInbox(db: DbOrTx, scope: InboxScope, view: InboxView): Promise<InboxThreadDto[]> {
  const rows = await db
    .select({
      id: conversationThreads.id,
      status: conversationThreads.status,
      customerName: customers.name,
      guestName: orders.customerName,
      guestEmail: conversationThreads.email,
      orderNumber: orders.number,
      storeName: locations.name,
      assignedName: assignees.name,
      lastMessageAt: conversationThreads.lastMessageAt,
      lastBody: last('body'),
      lastAuthor: last('author'),
      lastChannel: last('channel'),
      unread: unreadCount,
    })
    .from(conversationThreads)
    .leftJoin(customers, eq(customers.id, conversationThreads.customerId))
    .leftJoin(orders, and(eq(orders.id, conversationThreads.orderId), isNull(conversationThreads.customerId)))
    .leftJoin(locations, eq(locations.id, conversationThreads.locationId))
    .leftJoin(assignees, eq(assignees.id, conversationThreads.assignedUserId))
    .where(viewFilter(scope, view))
    .orderBy(desc(conversationThreads.lastMessageAt))
    .limit(LIST_LIMIT);
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    customerName: r.customerName ?? r.guestName ?? r.guestEmail ?? '—',
    orderNumber: r.customerName ? null : r.orderNumber,
    storeName: r.storeName,
    assignedName: r.assignedName,
    lastMessageAt: r.lastMessageAt,
    lastMessage: r.lastBody === null ? null : { body: r.lastBody, author: r.lastAuthor as 'customer' | 'staff', channel: r.lastChannel ?? 'web_chat' },
    unread: r.unread,
  }));
}

/**
 * Threads with an unread customer message, per view, in ONE query (a count per view with its filter) —
 * the navigation of every counter and admin page shows the sum of open and unassigned.
 */
export async function countUnreadThreads(db: DbOrTx, scope: InboxScope): Promise<Record<InboxView, number>> {
  const unread = sql`exists (select 1 from conversation_messages m where m.thread_id = "conversation_threads"."id" and m.author = 'customer' and m.read_by_staff_at is null)`;
  const countOf = (view: InboxView) => sql<number>`(count(*) filter (where ${viewFilter(scope, view) ?? sql`true`}))::int`.mapWith(Number);
  const counts = { open: countOf('open'), unassigned: countOf('unassigned'), closed: countOf('closed') } satisfies Record<InboxView, unknown>;
  const [row] = await db.select(counts).from(conversationThreads).where(unread);
  return { open: row?.open ?? 0, unassigned: row?.unassigned ?? 0, closed: row?.closed ?? 0 };
}

/** The number the navigation shows: unread threads that are the inbox's to answer (not closed ones). */
export async function countInboxBadge(db: DbOrTx, scope: InboxScope): Promise<number> {
  const counts = await countUnreadThreads(db, scope);
  return scope.kind === 'all' ? counts.open : counts.open + counts.unassigned;
}

export interface NoteCustomerDto {
  id: number;
  name: string;
  email: string | null;
  phone: string | null;
  threadId: string | null;
}

/**
 * A customer staff may write a note for although they may have no thread yet (see
 * staffMayAccessCustomer); null when not theirs to see.
 */
export async function getNoteCustomer(db: DbOrTx, customerId: number, actor: Actor): Promise<NoteCustomerDto | null> {
  if (!Number.isSafeInteger(customerId) || customerId <= 0) return null;
  if (!(await staffMayAccessCustomer(db, actor, customerId))) return null;
  const [row] = await db
    .select({ id: customers.id, name: customers.name, email: customers.email, phone: customers.phone, threadId: conversationThreads.id })
    .from(customers)
    .leftJoin(conversationThreads, eq(conversationThreads.customerId, customers.id))
    .where(eq(customers.id, customerId));
  return row ?? null;
}

/** The customer on the clerk's open counter cart (looked up for this sale), if any. */
export async function getCounterCustomer(db: DbOrTx, actor: Actor, storeId: number): Promise<{ id: number; name: string } | null> {
  const [row] = await db
    .select({ id: customers.id, name: customers.name })
    .from(carts)
    .innerJoin(customers, eq(customers.id, carts.customerId))
    .where(and(eq(carts.channel, 'store'), eq(carts.status, 'open'), eq(carts.clerkUserId, actor.userId), eq(carts.locationId, storeId)))
    .orderBy(desc(carts.updatedAt))
    .limit(1);
  return row ?? null;
}

/** Admin only: the customer with this email, to open (or start, with a note) their conversation. */
export async function findCustomerByEmail(db: DbOrTx, email: string, actor: Actor): Promise<{ id: number; name: string } | null> {
  if (actor.role !== 'admin') return null;
  const [row] = await db
    .select({ id: customers.id, name: customers.name })
    .from(customers)
    .where(eq(customers.email, email.trim().toLowerCase()));
  return row ?? null;
}
