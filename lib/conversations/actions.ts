'use server';

import { revalidatePath } from 'next/cache';
import { access, action } from '@/lib/actions/action';
import { getDb } from '@/lib/db';
import { guestOrderIds } from '@/lib/orders/guest-orders';
import { markReadByCustomer, postCustomerMessage } from './customer-messages';
import {
  assignThreadSchema,
  customerMessageSchema,
  customerReadSchema,
  staffNoteSchema,
  staffReadSchema,
  staffReplySchema,
  threadStatusSchema,
} from './schemas';
import { addStaffNote, assignThread, markReadByStaff, postStaffReply, setThreadStatus } from './staff-messages';

// Conversation actions. The shopper's are public: a guest proves the order with the signed guest-orders
// cookie, a customer with the session; which thread is never taken from the form. Staff actions need
// the counter roles and the data path checks the thread against the clerk's store (access.ts).

/** Both staff surfaces show unread counts in their navigation, and the thread pages. */
function revalidateStaff() {
  revalidatePath('/counter', 'layout');
  revalidatePath('/admin', 'layout');
}

/** "Send" on the order page (with `orderId`) or the account page (the customer's own thread). */
export const sendMessageAction = action({ schema: customerMessageSchema, access: access.public }, async (input, { actor, t }) => {
  await postCustomerMessage(getDb(), input, { actor, guestOrderIds: await guestOrderIds() });
  revalidatePath(input.orderId ? `/orders/${input.orderId}` : '/account');
  return { message: t('conversations.sent') };
});

/** Called by the shopper's chat once the answers are on screen. */
export const markConversationReadAction = action({ schema: customerReadSchema, access: access.public }, async (input, { actor }) => {
  await markReadByCustomer(getDb(), input, { actor, guestOrderIds: await guestOrderIds() });
});

/** "Send" in a staff thread: the answer, and the customer's notification per their preferences. */
export const replyToThreadAction = action({ schema: staffReplySchema, access: access.counter }, async (input, { actor, t }) => {
  await postStaffReply(getDb(), input, actor);
  revalidateStaff();
  return { message: t('conversations.sent') };
});

/** "Add note": a phone call or an in-store talk, in a thread or for a customer without one yet. */
export const addThreadNoteAction = action({ schema: staffNoteSchema, access: access.counter }, async (input, { actor, t }) => {
  const { threadId } = await addStaffNote(getDb(), input, actor);
  revalidateStaff();
  return { message: t('conversations.noteAdded'), data: { threadId } };
});

/** "Assign to me" / "Unassign". */
export const assignThreadAction = action({ schema: assignThreadSchema, access: access.counter }, async (input, { actor, t }) => {
  await assignThread(getDb(), input, actor);
  revalidateStaff();
  return { message: t(input.assignee === 'me' ? 'conversations.assignedToYou' : 'conversations.unassigned') };
});

/** "Close thread" / "Reopen". */
export const setThreadStatusAction = action({ schema: threadStatusSchema, access: access.counter }, async (input, { actor, t }) => {
  await setThreadStatus(getDb(), input, actor);
  revalidateStaff();
  return { message: t(input.status === 'closed' ? 'conversations.closed' : 'conversations.reopened') };
});

/** Called by the staff thread view once the customer's messages are on screen. */
export const markThreadReadAction = action({ schema: staffReadSchema, access: access.counter }, async (input, { actor }) => {
  await markReadByStaff(getDb(), input.threadId, actor);
});
