import 'server-only';
import { and, desc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { conversationMessages, conversationThreads } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { requireStaffThread, staffMayAccessCustomer, type ThreadRef } from './access';
import { publishThreadChange } from './live';
import { enqueueReplyNotifications } from './notify';
import type { NoteChannel } from './schemas';
import { getOrCreateCustomerThread } from './threads';

// The staff side: answering, noting a call or a talk in the shop, assigning, closing, reading. Every
// function checks the actor against the thread itself (access.ts); the action only checked the role.

async function markCustomerMessagesRead(db: DbOrTx, threadId: string, now: Date): Promise<number> {
  const read = await db
    .update(conversationMessages)
    .set({ readByStaffAt: now })
    .where(and(eq(conversationMessages.threadId, threadId), eq(conversationMessages.author, 'customer'), isNull(conversationMessages.readByStaffAt)))
    .returning({ id: conversationMessages.id });
  return read.length;
}

/** The order the conversation is about now: the one of the customer's latest message about an order. */
async function currentOrderId(db: DbOrTx, thread: ThreadRef): Promise<string | null> {
  if (thread.customerId === null) return thread.orderId;
  const [row] = await db
    .select({ orderId: conversationMessages.orderId })
    .from(conversationMessages)
    .where(and(eq(conversationMessages.threadId, thread.id), isNotNull(conversationMessages.orderId)))
    .orderBy(desc(conversationMessages.createdAt), desc(conversationMessages.id))
    .limit(1);
  return row?.orderId ?? null;
}

/**
 * A clerk's or admin's answer (web chat). In one transaction: the message, the thread reopened, the
 * customer's messages marked read (answering is reading), and the notification(s) per the customer's
 * preferences. Errors: DomainError('conversationNotFound') — not the actor's thread.
 */
export async function postStaffReply(
  db: DbOrTx,
  input: { threadId: string; body: string },
  actor: Actor,
  now = new Date(),
): Promise<{ messageId: number; notified: ('email' | 'sms')[] }> {
  return db.transaction(async (tx) => {
    const thread = await requireStaffThread(tx, input.threadId, actor);
    const orderId = await currentOrderId(tx, thread);
    const [message] = await tx
      .insert(conversationMessages)
      .values({ threadId: thread.id, orderId, channel: 'web_chat', author: 'staff', authorUserId: actor.userId, body: input.body, readByStaffAt: now, createdAt: now })
      .returning({ id: conversationMessages.id });
    await markCustomerMessagesRead(tx, thread.id, now);
    await tx.update(conversationThreads).set({ status: 'open', lastMessageAt: now, updatedAt: now }).where(eq(conversationThreads.id, thread.id));
    const notified = await enqueueReplyNotifications(tx, thread, { id: message.id, body: input.body, orderId });
    await publishThreadChange(tx, thread.id, [thread.locationId]);
    return { messageId: message.id, notified };
  });
}

/**
 * A note of a phone call or an in-store talk, for the staff's record (the customer does not see notes
 * and is not notified). In a thread, or for a customer who has none yet (it is started at their
 * preferred store). Errors: 'conversationNotFound' (not the actor's thread or customer), 'notFound'.
 */
export async function addStaffNote(
  db: DbOrTx,
  input: { threadId?: string; customerId?: number; channel: NoteChannel; body: string },
  actor: Actor,
  now = new Date(),
): Promise<{ threadId: string; messageId: number }> {
  return db.transaction(async (tx) => {
    let thread: ThreadRef;
    if (input.threadId) {
      thread = await requireStaffThread(tx, input.threadId, actor);
    } else if (input.customerId) {
      if (!(await staffMayAccessCustomer(tx, actor, input.customerId))) throw new DomainError('conversationNotFound');
      thread = await getOrCreateCustomerThread(tx, input.customerId, null);
    } else {
      throw new DomainError('invalidState');
    }
    const [message] = await tx
      .insert(conversationMessages)
      .values({ threadId: thread.id, channel: input.channel, author: 'staff', authorUserId: actor.userId, body: input.body, readByStaffAt: now, createdAt: now })
      .returning({ id: conversationMessages.id });
    await tx.update(conversationThreads).set({ lastMessageAt: now, updatedAt: now }).where(eq(conversationThreads.id, thread.id));
    await publishThreadChange(tx, thread.id, [thread.locationId]);
    return { threadId: thread.id, messageId: message.id };
  });
}

/**
 * "Assign to me" / "Unassign". A clerk who takes an unassigned thread takes it into their store's
 * inbox too. Errors: 'conversationNotFound'.
 */
export async function assignThread(db: DbOrTx, input: { threadId: string; assignee: 'me' | 'nobody' }, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const thread = await requireStaffThread(tx, input.threadId, actor);
    const takesIntoStore = input.assignee === 'me' && thread.locationId === null && actor.role === 'clerk' ? actor.locationId : null;
    await tx
      .update(conversationThreads)
      .set({
        assignedUserId: input.assignee === 'me' ? actor.userId : null,
        ...(takesIntoStore !== null ? { locationId: takesIntoStore } : {}),
        updatedAt: new Date(),
      })
      .where(eq(conversationThreads.id, thread.id));
    await publishThreadChange(tx, thread.id, [thread.locationId, takesIntoStore ?? thread.locationId]);
  });
}

/** "Close thread" / "Reopen". A customer's next message reopens a closed thread by itself. Errors: 'conversationNotFound'. */
export async function setThreadStatus(db: DbOrTx, input: { threadId: string; status: 'open' | 'closed' }, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const thread = await requireStaffThread(tx, input.threadId, actor);
    if (thread.status === input.status) return;
    await tx.update(conversationThreads).set({ status: input.status, updatedAt: new Date() }).where(eq(conversationThreads.id, thread.id));
    await publishThreadChange(tx, thread.id, [thread.locationId]);
  });
}

/** Staff have the thread on screen: the customer's messages count as read. Returns how many changed. */
export async function markReadByStaff(db: DbOrTx, threadId: string, actor: Actor, now = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    const thread = await requireStaffThread(tx, threadId, actor);
    const read = await markCustomerMessagesRead(tx, thread.id, now);
    if (read > 0) await publishThreadChange(tx, thread.id, [thread.locationId]);
    return read;
  });
}
