import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { createTestDatabase } from '@/db/testing';
import { conversationMessages, customers, notifications } from '@/db/schema';
import { LIVE_CHANNEL, type LiveEvent } from '@/lib/live/publish';
import { renderNotification } from '@/lib/notifications/templates';
import { countUnreadForCustomer, markReadByCustomer, MESSAGE_RATE_LIMIT, postCustomerMessage } from './customer-messages';
import { countInboxBadge, countUnreadThreads, listInbox } from './inbox-queries';
import { getShopperThread, getStaffThread } from './queries';
import { customerMessageSchema, staffNoteSchema } from './schemas';
import { markReadByStaff, postStaffReply, setThreadStatus } from './staff-messages';
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

// The answers' notifications (placing an order queues its own confirmation, not looked at here).
const outbox = () =>
  db
    .select({ channel: notifications.channel, recipient: notifications.recipient, templateKey: notifications.templateKey, locale: notifications.locale, payload: notifications.payload })
    .from(notifications)
    .where(eq(notifications.templateKey, 'conversation_reply'))
    .orderBy(notifications.channel);

describe('bad input is refused with a localized message before anything happens', () => {
  it('empty, blank and 5,000-character messages; unknown fields; a note without a thread or customer', () => {
    const issue = (input: unknown) => customerMessageSchema.safeParse(input).error?.issues.map((i) => i.message);
    expect(issue({ body: '' })).toEqual(['validation.messageRequired']);
    expect(issue({ body: '   \n ' })).toEqual(['validation.messageRequired']);
    expect(issue({})).toEqual(['validation.messageRequired']);
    expect(issue({ body: 'x'.repeat(5000) })).toEqual(['validation.messageTooLong']);
    expect(issue({ body: 'hi', threadId: w.evaOrder })).toHaveLength(1);
    // Half a surrogate pair is no text: it would break the notification's JSON payload later.
    expect(issue({ body: 'a\ud800b' })).toEqual(['validation.invalid']);
    expect(customerMessageSchema.parse({ body: 'ok 👍' })).toEqual({ body: 'ok 👍' });
    expect(customerMessageSchema.parse({ body: `  ${'x'.repeat(2000)}  `, orderId: '' })).toEqual({ body: 'x'.repeat(2000) });
    expect(staffNoteSchema.safeParse({ channel: 'phone_note', body: 'Called' }).success).toBe(false);
    expect(staffNoteSchema.safeParse({ channel: 'web_chat', threadId: w.evaOrder, body: 'x' }).success).toBe(false);
  });

  it('the database refuses an over-long body too, and HTML is stored and returned exactly as typed (shown as text)', async () => {
    expect(await codeOf(postCustomerMessage(db, { orderId: w.evaOrder, body: 'x'.repeat(2001) }, w.viewers.eva))).not.toBe('ok');
    expect(await conversationCounts(db)).toMatchObject({ threads: 0, messages: 0 });
    const html = '<script>alert(1)</script><b>bold</b> & "quotes"';
    await postCustomerMessage(db, { orderId: w.evaOrder, body: html }, w.viewers.eva);
    expect((await getShopperThread(db, w.viewers.eva))?.messages[0].body).toBe(html);
  });
});

describe('a staff answer notifies the customer through the outbox, in the same transaction', () => {
  it('per the customer’s preferences: email and SMS (E.164), in their language, linking to their account', async () => {
    const { threadId } = await postCustomerMessage(db, { orderId: w.evaOrder, body: 'When can I pick it up?' }, w.viewers.eva);
    const { notified } = await postStaffReply(db, { threadId, body: 'Tomorrow <b>after 10</b>.' }, w.clerkB);
    expect(notified).toEqual(['email', 'sms']);
    const payload = { customerName: 'eva', excerpt: 'Tomorrow <b>after 10</b>.', link: '/account#messages' };
    expect(await outbox()).toEqual([
      { channel: 'email', recipient: 'eva@example.com', templateKey: 'conversation_reply', locale: 'en', payload },
      { channel: 'sms', recipient: '+31612345678', templateKey: 'conversation_reply', locale: 'en', payload },
    ]);
  });

  it('the email shows HTML of the answer as text', async () => {
    const { threadId } = await postCustomerMessage(db, { orderId: w.evaOrder, body: 'Q' }, w.viewers.eva);
    const body = '<script>alert(1)</script> <b>after 10</b>';
    await postStaffReply(db, { threadId, body }, w.clerkB);
    const [row] = await db.select().from(notifications).where(and(eq(notifications.channel, 'email'), eq(notifications.templateKey, 'conversation_reply')));
    const mail = await renderNotification(row.templateKey, 'en', row.payload, { db });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('<b>after');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;after 10&lt;/b&gt;');
    expect(mail.text).toContain(`> ${body}`);
  });

  it('nothing when the customer wants neither', async () => {
    const { threadId } = await postCustomerMessage(db, { orderId: w.evaOrder, body: 'Q' }, w.viewers.eva);
    await db.update(customers).set({ notifyByEmail: false, notifyBySms: false }).where(eq(customers.id, w.eva.customerId!));
    expect((await postStaffReply(db, { threadId, body: 'A' }, w.clerkB)).notified).toEqual([]);
    expect(await outbox()).toEqual([]);
  });

  it('no SMS to a number that is not valid: who wants only SMS gets the email instead, as with order messages', async () => {
    const { threadId } = await postCustomerMessage(db, { orderId: w.evaOrder, body: 'Q' }, w.viewers.eva);
    await db.update(customers).set({ notifyByEmail: false, notifyBySms: true, phone: '12' }).where(eq(customers.id, w.eva.customerId!));
    expect((await postStaffReply(db, { threadId, body: 'A' }, w.clerkB)).notified).toEqual(['email']);
  });

  it('a guest gets an email at the order’s address with a link to the order', async () => {
    const { threadId } = await postCustomerMessage(db, { orderId: w.guestOrder, body: 'Ready?' }, w.viewers.guest);
    await postStaffReply(db, { threadId, body: 'Yes!' }, w.clerkB);
    expect(await outbox()).toEqual([
      {
        channel: 'email',
        recipient: 'guest@example.com',
        templateKey: 'conversation_reply',
        locale: 'nl',
        payload: { customerName: 'Gina Guest', excerpt: 'Yes!', link: `/orders/${w.guestOrder}` },
      },
    ]);
  });

  it('a failure after the answer rolls back the answer and its notifications together', async () => {
    const { threadId } = await postCustomerMessage(db, { orderId: w.evaOrder, body: 'Q' }, w.viewers.eva);
    const before = await conversationCounts(db);
    await expect(
      db.transaction(async (tx) => {
        await postStaffReply(tx, { threadId, body: 'A' }, w.clerkB);
        expect(await tx.select().from(notifications).where(eq(notifications.templateKey, 'conversation_reply'))).toHaveLength(2);
        throw new Error('boom after the answer');
      }),
    ).rejects.toThrow('boom after the answer');
    expect(await conversationCounts(db)).toEqual(before);
    expect(await outbox()).toEqual([]);
  });

  it('announces the change on commit to the thread and its inboxes, and never for a rolled-back answer', async () => {
    const { threadId } = await postCustomerMessage(db, { orderId: w.evaOrder, body: 'Q' }, w.viewers.eva);
    const events: string[] = [];
    let arrived: () => void = () => {};
    const done = new Promise<void>((resolve) => (arrived = resolve));
    const unlisten = await handle.listen(LIVE_CHANNEL, (payload) => {
      const { topic } = JSON.parse(payload) as LiveEvent;
      if (topic === 'sentinel') arrived();
      else events.push(topic);
    });
    // The reply itself must succeed; only the error after it rolls it back (any other error fails the test).
    await expect(
      db.transaction(async (tx) => {
        await postStaffReply(tx, { threadId, body: 'rolled back' }, w.clerkB);
        throw new Error('rolled back after the answer');
      }),
    ).rejects.toThrow('rolled back after the answer');
    await postStaffReply(db, { threadId, body: 'A' }, w.clerkB);
    // Notifications arrive in commit order: once this one is here, a stray event would have been too.
    await db.execute(sql`select pg_notify(${LIVE_CHANNEL}, ${JSON.stringify({ topic: 'sentinel' })})`);
    await done;
    await unlisten();
    expect(events.sort()).toEqual(['inbox:all', `inbox:${w.shop.storeB.id}`, `thread:${threadId}`].sort());
  });
});

describe('read state and unread counts', () => {
  it('counts unread threads per store inbox, clears them when staff read or answer, and tracks the customer’s side', async () => {
    const storeB = { kind: 'store' as const, storeId: w.shop.storeB.id };
    const storeA = { kind: 'store' as const, storeId: w.shop.storeA.id };
    const { threadId } = await postCustomerMessage(db, { orderId: w.evaOrder, body: 'Q1' }, w.viewers.eva);
    await postCustomerMessage(db, { orderId: w.guestOrder, body: 'Q2' }, w.viewers.guest);
    await postCustomerMessage(db, { body: 'Anyone?' }, w.viewers.finn); // unassigned
    expect(await countUnreadThreads(db, storeB)).toEqual({ open: 2, unassigned: 1, closed: 0 });
    expect(await countInboxBadge(db, storeB)).toBe(3);
    expect(await countInboxBadge(db, storeA)).toBe(1);
    expect(await countInboxBadge(db, { kind: 'all' })).toBe(3);
    expect((await listInbox(db, storeB, 'open')).map((t) => [t.customerName, t.unread])).toEqual([
      ['Gina Guest', 1],
      ['eva', 1],
    ]);

    expect(await markReadByStaff(db, threadId, w.clerkB)).toBe(1);
    expect(await countInboxBadge(db, storeB)).toBe(2);
    await postStaffReply(db, { threadId, body: 'A1' }, w.clerkB);
    expect(await countUnreadForCustomer(db, w.eva.customerId!)).toBe(1);
    expect((await getShopperThread(db, w.viewers.eva))?.unread).toBe(1);
    expect(await markReadByCustomer(db, {}, w.viewers.eva)).toBe(1);
    expect(await countUnreadForCustomer(db, w.eva.customerId!)).toBe(0);
    const [answer] = await db.select().from(conversationMessages).where(eq(conversationMessages.body, 'A1'));
    expect(answer.readByCustomerAt).not.toBeNull();
    // Finn cannot mark Eva's answers as read.
    expect(await markReadByCustomer(db, {}, w.viewers.finn)).toBe(0);
  });

  it('closing moves a thread to “closed”; the customer’s next message reopens it', async () => {
    const { threadId } = await postCustomerMessage(db, { orderId: w.evaOrder, body: 'Q' }, w.viewers.eva);
    await setThreadStatus(db, { threadId, status: 'closed' }, w.clerkB);
    const storeB = { kind: 'store' as const, storeId: w.shop.storeB.id };
    expect((await listInbox(db, storeB, 'closed')).map((t) => t.id)).toEqual([threadId]);
    expect(await listInbox(db, storeB, 'open')).toEqual([]);
    await postCustomerMessage(db, { body: 'One more thing' }, w.viewers.eva);
    expect((await getStaffThread(db, threadId, w.clerkB))?.status).toBe('open');
  });

  it('a customer writing about an order of another store moves the thread there (and clears its assignee)', async () => {
    const { threadId } = await postCustomerMessage(db, { orderId: w.evaOrder, body: 'Q' }, w.viewers.eva);
    const amsterdamOrder = await w.pickupOrder(w.eva, w.shop.storeA.id, w.eva.email);
    await postCustomerMessage(db, { orderId: amsterdamOrder, body: 'About the other one' }, w.viewers.eva);
    expect((await getStaffThread(db, threadId, w.clerkA))?.locationId).toBe(w.shop.storeA.id);
    expect(await getStaffThread(db, threadId, w.clerkB)).toBeNull();
  });

  it('limits how fast one thread fills up', async () => {
    const now = new Date();
    for (let i = 0; i < MESSAGE_RATE_LIMIT.limit; i++) await postCustomerMessage(db, { body: `m${i}` }, w.viewers.eva, now);
    const before = await conversationCounts(db);
    expect(await codeOf(postCustomerMessage(db, { body: 'one too many' }, w.viewers.eva, now))).toBe('tooManyRequests');
    expect(await conversationCounts(db)).toEqual(before);
  });
});
