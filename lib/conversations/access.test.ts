import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { createTestDatabase } from '@/db/testing';
import { allowedTopics } from '@/lib/live/access';
import { postCustomerMessage } from './customer-messages';
import { getNoteCustomer } from './inbox-queries';
import { getShopperThread, getStaffThread } from './queries';
import { addStaffNote, assignThread, markReadByStaff, postStaffReply, setThreadStatus } from './staff-messages';
import { buildConversationWorld, codeOf, conversationCounts, type ConversationWorld } from './test-helpers';

let handle: DbHandle;
let db: Db;
let w: ConversationWorld;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
});
afterAll(() => handle?.close());
beforeEach(async () => {
  w = await buildConversationWorld(db);
});

describe('a shopper reads and writes only their own thread', () => {
  it('the customer writes about their order and from the account page: one thread, in the order’s store', async () => {
    const first = await postCustomerMessage(db, { orderId: w.evaOrder, body: 'When can I pick it up?' }, w.viewers.eva);
    const second = await postCustomerMessage(db, { body: 'And do you gift-wrap?' }, w.viewers.eva);
    expect(second.threadId).toBe(first.threadId);
    const thread = await getShopperThread(db, w.viewers.eva, w.evaOrder);
    expect(thread?.messages.map((m) => m.body)).toEqual(['When can I pick it up?', 'And do you gift-wrap?']);
    expect((await getStaffThread(db, first.threadId, w.admin))?.locationId).toBe(w.shop.storeB.id);
  });

  it('another customer cannot write about Eva’s order, nor read her thread; nothing changes', async () => {
    await postCustomerMessage(db, { orderId: w.evaOrder, body: 'Mine' }, w.viewers.eva);
    const before = await conversationCounts(db);
    expect(await codeOf(postCustomerMessage(db, { orderId: w.evaOrder, body: 'Hi' }, w.viewers.finn))).toBe('conversationNotYours');
    expect(await codeOf(getShopperThread(db, w.viewers.finn, w.evaOrder))).toBe('conversationNotYours');
    // Finn's own thread (from the account page) is his alone and does not show Eva's messages.
    expect(await getShopperThread(db, w.viewers.finn)).toBeNull();
    expect(await conversationCounts(db)).toEqual(before);
  });

  it('a guest writes with the order cookie; without it (or with a customer’s order id in it) they are refused', async () => {
    const { threadId } = await postCustomerMessage(db, { orderId: w.guestOrder, body: 'Is it ready?' }, w.viewers.guest);
    const staffView = await getStaffThread(db, threadId, w.clerkB);
    expect(staffView?.customer).toMatchObject({ id: null, name: 'Gina Guest', email: 'guest@example.com' });
    expect(staffView?.guestOrder?.id).toBe(w.guestOrder);

    const before = await conversationCounts(db);
    expect(await codeOf(postCustomerMessage(db, { orderId: w.guestOrder, body: 'x' }, w.viewers.stranger))).toBe('conversationNotYours');
    // A cookie can never open a customer's order.
    const forged = { actor: null, guestOrderIds: [w.evaOrder] };
    expect(await codeOf(postCustomerMessage(db, { orderId: w.evaOrder, body: 'x' }, forged))).toBe('conversationNotYours');
    expect(await codeOf(postCustomerMessage(db, { body: 'x' }, w.viewers.stranger))).toBe('unauthenticated');
    // Staff have no shopper thread of their own.
    expect(await codeOf(postCustomerMessage(db, { body: 'x' }, { actor: w.clerkB, guestOrderIds: [] }))).toBe('forbidden');
    expect(await conversationCounts(db)).toEqual(before);
  });
});

describe('staff handle only the threads that are theirs', () => {
  async function threads() {
    const utrecht = (await postCustomerMessage(db, { orderId: w.evaOrder, body: 'Utrecht question' }, w.viewers.eva)).threadId;
    // Finn has no preferred store and writes from his account page: unassigned.
    const unassigned = (await postCustomerMessage(db, { body: 'Anyone?' }, w.viewers.finn)).threadId;
    return { utrecht, unassigned };
  }

  it('a clerk of the store and the admin may answer; a clerk of another store is refused and nothing changes', async () => {
    const { utrecht } = await threads();
    expect(await codeOf(postStaffReply(db, { threadId: utrecht, body: 'Tomorrow.' }, w.clerkB))).toBe('ok');
    expect(await codeOf(postStaffReply(db, { threadId: utrecht, body: 'From HQ.' }, w.admin))).toBe('ok');

    const before = await conversationCounts(db);
    expect(await codeOf(postStaffReply(db, { threadId: utrecht, body: 'Not my store' }, w.clerkA))).toBe('conversationNotFound');
    expect(await codeOf(addStaffNote(db, { threadId: utrecht, channel: 'phone_note', body: 'x' }, w.clerkA))).toBe('conversationNotFound');
    expect(await codeOf(assignThread(db, { threadId: utrecht, assignee: 'me' }, w.clerkA))).toBe('conversationNotFound');
    expect(await codeOf(setThreadStatus(db, { threadId: utrecht, status: 'closed' }, w.clerkA))).toBe('conversationNotFound');
    expect(await codeOf(markReadByStaff(db, utrecht, w.clerkA))).toBe('conversationNotFound');
    expect(await getStaffThread(db, utrecht, w.clerkA)).toBeNull();
    // A customer is no staff, whatever thread id they name.
    expect(await codeOf(postStaffReply(db, { threadId: utrecht, body: 'x' }, w.eva))).toBe('conversationNotFound');
    expect(await conversationCounts(db)).toEqual(before);
  });

  it('unassigned threads are open to every clerk; taking one moves it into the clerk’s store', async () => {
    const { unassigned } = await threads();
    expect(await getStaffThread(db, unassigned, w.clerkA)).not.toBeNull();
    expect(await getStaffThread(db, unassigned, w.clerkB)).not.toBeNull();
    await assignThread(db, { threadId: unassigned, assignee: 'me' }, w.clerkA);
    const taken = await getStaffThread(db, unassigned, w.admin);
    expect(taken).toMatchObject({ locationId: w.shop.storeA.id, assignedUserId: w.clerkA.userId });
    expect(await getStaffThread(db, unassigned, w.clerkB)).toBeNull();
  });

  it('a clerk may note on the thread of a customer they serve at the counter, even of another store — not before', async () => {
    const { utrecht } = await threads();
    expect(await codeOf(addStaffNote(db, { customerId: w.eva.customerId!, channel: 'in_store_note', body: 'Came by' }, w.clerkA))).toBe('conversationNotFound');
    expect(await getNoteCustomer(db, w.eva.customerId!, w.clerkA)).toBeNull();
    await w.serveAtCounter(w.clerkA, w.eva.customerId!);
    const note = await addStaffNote(db, { customerId: w.eva.customerId!, channel: 'in_store_note', body: 'Came by' }, w.clerkA);
    expect(note.threadId).toBe(utrecht);
    expect(await getNoteCustomer(db, w.eva.customerId!, w.clerkA)).toMatchObject({ threadId: utrecht });
  });

  it('a note for a customer without a thread starts one at their preferred store; a clerk elsewhere may not start it', async () => {
    const before = await conversationCounts(db);
    // Finn has no preferred store and no thread: only an admin (or a clerk serving him) may start one.
    expect(await codeOf(addStaffNote(db, { customerId: w.finn.customerId!, channel: 'phone_note', body: 'Called' }, w.clerkB))).toBe('conversationNotFound');
    // Eva prefers Utrecht: the Amsterdam clerk (not serving her) may not.
    expect(await codeOf(addStaffNote(db, { customerId: w.eva.customerId!, channel: 'phone_note', body: 'Called' }, w.clerkA))).toBe('conversationNotFound');
    expect(await codeOf(addStaffNote(db, { customerId: 424242, channel: 'phone_note', body: 'Called' }, w.admin))).toBe('notFound');
    expect(await conversationCounts(db)).toEqual(before);
    // Eva prefers Utrecht: the Utrecht clerk may.
    const { threadId } = await addStaffNote(db, { customerId: w.eva.customerId!, channel: 'phone_note', body: 'Called about sizes' }, w.clerkB);
    const thread = await getStaffThread(db, threadId, w.admin);
    expect(thread).toMatchObject({ locationId: w.shop.storeB.id });
    expect(thread?.messages).toMatchObject([{ channel: 'phone_note', author: 'staff', body: 'Called about sizes' }]);
    // The customer does not see staff notes.
    expect((await getShopperThread(db, w.viewers.eva))?.messages).toEqual([]);
  });
});

describe('live topics of conversations', () => {
  it('a thread streams to its customer, the guest browser of its order and allowed staff; inboxes by store', async () => {
    const evaThread = (await postCustomerMessage(db, { orderId: w.evaOrder, body: 'Q' }, w.viewers.eva)).threadId;
    const guestThread = (await postCustomerMessage(db, { orderId: w.guestOrder, body: 'Q' }, w.viewers.guest)).threadId;
    const topics = [`thread:${evaThread}`, `thread:${guestThread}`, `inbox:${w.shop.storeB.id}`, `inbox:${w.shop.storeA.id}`, 'inbox:unassigned', 'inbox:all'];
    const allowed = (viewer: { actor: ConversationWorld['eva'] | null; guestOrderIds: string[] }) => allowedTopics(db, viewer, topics);
    expect(await allowed(w.viewers.eva)).toEqual([`thread:${evaThread}`]);
    expect(await allowed(w.viewers.finn)).toEqual([]);
    expect(await allowed(w.viewers.guest)).toEqual([`thread:${guestThread}`]);
    expect(await allowed(w.viewers.stranger)).toEqual([]);
    expect(await allowed({ actor: null, guestOrderIds: [w.evaOrder] })).toEqual([]);
    expect(await allowed({ actor: w.clerkB, guestOrderIds: [] })).toEqual([`thread:${evaThread}`, `thread:${guestThread}`, `inbox:${w.shop.storeB.id}`, 'inbox:unassigned']);
    expect(await allowed({ actor: w.clerkA, guestOrderIds: [] })).toEqual([`inbox:${w.shop.storeA.id}`, 'inbox:unassigned']);
    expect(await allowed({ actor: w.admin, guestOrderIds: [] })).toEqual(topics);
  });
});
