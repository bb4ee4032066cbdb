import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from './common';
import { customers, users } from './identity';
import { locations } from './locations';
import { orders } from './orders';

export const threadStatus = pgEnum('thread_status', ['open', 'closed']);
export const messageChannel = pgEnum('message_channel', ['web_chat', 'email', 'sms', 'phone_note', 'in_store_note']);
export const messageAuthor = pgEnum('message_author', ['customer', 'staff']);

/**
 * One conversation per customer (S9); a guest's thread hangs on their order and its email. `locationId`
 * is the store that looks after it (the pickup/sale store, or the customer's preferred store); null =
 * unassigned, seen by every counter's "unassigned" list and by admins.
 */
export const conversationThreads = pgTable(
  'conversation_threads',
  {
    id: uuid().primaryKey().defaultRandom(),
    customerId: integer().references(() => customers.id, { onDelete: 'cascade' }),
    // Guests only: the order the thread belongs to, and where to answer.
    orderId: uuid().references(() => orders.id, { onDelete: 'cascade' }),
    email: text(),
    status: threadStatus().notNull().default('open'),
    locationId: integer().references(() => locations.id, { onDelete: 'set null' }),
    assignedUserId: integer().references(() => users.id, { onDelete: 'set null' }),
    lastMessageAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('conversation_threads_customer_id_idx').on(t.customerId).where(sql`${t.customerId} is not null`),
    uniqueIndex('conversation_threads_guest_order_id_idx').on(t.orderId).where(sql`${t.customerId} is null`),
    index('conversation_threads_location_id_idx').on(t.locationId, t.lastMessageAt),
    check('conversation_threads_owner', sql`${t.customerId} is not null or ${t.orderId} is not null`),
  ],
);

/** A message in a thread: web chat, an email or SMS, or a staff note of a phone call or an in-store talk. */
export const conversationMessages = pgTable(
  'conversation_messages',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    threadId: uuid()
      .notNull()
      .references(() => conversationThreads.id, { onDelete: 'cascade' }),
    // The order the message is about, when there is one.
    orderId: uuid().references(() => orders.id, { onDelete: 'set null' }),
    channel: messageChannel().notNull(),
    author: messageAuthor().notNull(),
    authorUserId: integer().references(() => users.id, { onDelete: 'set null' }),
    body: text().notNull(),
    readByCustomerAt: timestamp({ withTimezone: true }),
    readByStaffAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('conversation_messages_thread_id_idx').on(t.threadId, t.createdAt),
    index('conversation_messages_order_id_idx').on(t.orderId),
    check('conversation_messages_body_length', sql`char_length(${t.body}) between 1 and 2000`),
  ],
);

export type ConversationThread = typeof conversationThreads.$inferSelect;
export type ConversationMessage = typeof conversationMessages.$inferSelect;
export type MessageChannel = (typeof messageChannel.enumValues)[number];
