import 'server-only';
import { desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import {
  conversationMessages,
  conversationThreads,
  locations,
  loyaltyAccounts,
  loyaltyEntries,
  orders,
} from '@/db/schema';
import type { FulfilmentKind, LoyaltyEntryKind, MessageChannel, OrderStatus } from '@/db/schema';
import type { Actor } from '@/lib/identity/queries';
import { assertStaff } from './queries';

/** Where a touchpoint happened, for the badge. Conversations by email/SMS/phone have none. */
export type TouchChannel = 'web' | 'store' | null;

export type TimelineEntry =
  | {
      kind: 'order';
      at: Date;
      channel: 'web' | 'store';
      orderId: string;
      number: string;
      status: OrderStatus;
      fulfilment: FulfilmentKind;
      /** The pickup store's city, or the counter store's (in-store sales); null for delivery. */
      storeCity: string | null;
      totalCents: number;
      itemCount: number;
    }
  | {
      kind: 'conversation';
      at: Date;
      channel: TouchChannel;
      threadId: string;
      status: 'open' | 'closed';
      messageCount: number;
      lastMessage: { author: 'customer' | 'staff'; channel: MessageChannel; excerpt: string } | null;
    }
  | {
      kind: 'loyalty';
      at: Date;
      channel: TouchChannel;
      entryKind: LoyaltyEntryKind;
      points: number;
      orderNumber: string | null;
    };

/** Derived from the channels the person bought in (cancelled orders do not count). */
export type Segment = 'new' | 'web_only' | 'store_only' | 'omnichannel';

export interface CustomerTimeline {
  entries: TimelineEntry[];
  segment: Segment;
  loyalty: {
    balance: number;
    recent: { at: Date; entryKind: LoyaltyEntryKind; points: number; orderNumber: string | null }[];
  };
}

const EXCERPT = 140;
const RECENT_POINTS = 5;

export function segmentOf(channels: Iterable<'web' | 'store'>): Segment {
  const set = new Set(channels);
  if (set.has('web') && set.has('store')) return 'omnichannel';
  if (set.has('web')) return 'web_only';
  if (set.has('store')) return 'store_only';
  return 'new';
}

function messageBadge(channel: MessageChannel | null): TouchChannel {
  if (channel === 'web_chat') return 'web';
  if (channel === 'in_store_note') return 'store';
  return null;
}

const toDate = (v: Date | string) => (v instanceof Date ? v : new Date(v));

/**
 * ONE timeline of a person across channels, newest first: web orders with their live status, counter
 * purchases in any store, the conversation, loyalty entries; plus the segment and the points balance.
 * Returns (when they exist) join here too. For staff only; the caller logs the lookup.
 */
export async function getCustomerTimeline(
  db: DbOrTx,
  actor: Actor | null,
  customerId: number,
): Promise<CustomerTimeline> {
  assertStaff(actor);
  const pickup = alias(locations, 'pickup_location');
  const stock = alias(locations, 'stock_location');
  const orderRows = await db
    .select({
      orderId: orders.id,
      number: orders.number,
      channel: orders.channel,
      status: orders.status,
      fulfilment: orders.fulfilment,
      placedAt: orders.placedAt,
      totalCents: orders.totalCents,
      pickupCity: pickup.city,
      stockCity: stock.city,
      itemCount: sql<number>`(select coalesce(sum(l.quantity), 0)::int from order_lines l where l.order_id = "orders"."id")`,
    })
    .from(orders)
    .innerJoin(stock, eq(stock.id, orders.stockLocationId))
    .leftJoin(pickup, eq(pickup.id, orders.pickupLocationId))
    .where(eq(orders.customerId, customerId));

  const entries: TimelineEntry[] = orderRows.map((o) => ({
    kind: 'order',
    at: toDate(o.placedAt),
    channel: o.channel,
    orderId: o.orderId,
    number: o.number,
    status: o.status,
    fulfilment: o.fulfilment,
    storeCity: o.fulfilment === 'pickup' ? o.pickupCity : o.fulfilment === 'in_store' ? o.stockCity : null,
    totalCents: o.totalCents,
    itemCount: Number(o.itemCount),
  }));

  const [thread] = await db
    .select({
      threadId: conversationThreads.id,
      status: conversationThreads.status,
      lastMessageAt: conversationThreads.lastMessageAt,
      messageCount: sql<number>`(select count(*)::int from conversation_messages m where m.thread_id = "conversation_threads"."id")`,
    })
    .from(conversationThreads)
    .where(eq(conversationThreads.customerId, customerId));
  if (thread) {
    const [last] = await db
      .select({
        author: conversationMessages.author,
        channel: conversationMessages.channel,
        body: conversationMessages.body,
      })
      .from(conversationMessages)
      .where(eq(conversationMessages.threadId, thread.threadId))
      .orderBy(desc(conversationMessages.createdAt), desc(conversationMessages.id))
      .limit(1);
    entries.push({
      kind: 'conversation',
      at: toDate(thread.lastMessageAt),
      channel: messageBadge(last?.channel ?? null),
      threadId: thread.threadId,
      status: thread.status,
      messageCount: Number(thread.messageCount),
      lastMessage: last
        ? {
            author: last.author,
            channel: last.channel,
            excerpt: last.body.length > EXCERPT ? `${last.body.slice(0, EXCERPT - 1)}…` : last.body,
          }
        : null,
    });
  }

  // Read-only here: the ledger is lib/loyalty's; balance = loyalty_accounts.balance (0 without an account).
  const points = await db
    .select({
      at: loyaltyEntries.createdAt,
      entryKind: loyaltyEntries.kind,
      points: loyaltyEntries.points,
      orderNumber: orders.number,
      orderChannel: orders.channel,
    })
    .from(loyaltyEntries)
    .leftJoin(orders, eq(orders.id, loyaltyEntries.orderId))
    .where(eq(loyaltyEntries.customerId, customerId))
    .orderBy(desc(loyaltyEntries.createdAt), desc(loyaltyEntries.id));
  for (const p of points) {
    entries.push({
      kind: 'loyalty',
      at: toDate(p.at),
      channel: p.orderChannel ?? null,
      entryKind: p.entryKind,
      points: p.points,
      orderNumber: p.orderNumber,
    });
  }
  const [account] = await db
    .select({ balance: loyaltyAccounts.balance })
    .from(loyaltyAccounts)
    .where(eq(loyaltyAccounts.customerId, customerId));

  // Newest first; at the same moment an order comes before the points it earned.
  const rank = { order: 0, loyalty: 1, conversation: 2 } as const;
  entries.sort((a, b) => b.at.getTime() - a.at.getTime() || rank[a.kind] - rank[b.kind]);

  return {
    entries,
    segment: segmentOf(orderRows.filter((o) => o.status !== 'cancelled').map((o) => o.channel)),
    loyalty: {
      balance: account?.balance ?? 0,
      recent: points.slice(0, RECENT_POINTS).map((p) => ({
        at: toDate(p.at),
        entryKind: p.entryKind,
        points: p.points,
        orderNumber: p.orderNumber,
      })),
    },
  };
}
