import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { createTestDatabase } from '@/db/testing';
import { orders } from '@/db/schema';
import { buildConversationWorld, type ConversationWorld } from '@/lib/conversations/test-helpers';
import { recordPayment } from '@/lib/orders/record-payment';
import { markPickupReady } from '@/lib/orders/pickup-mutations';
import { transitionOrder } from '@/lib/orders/transition-order';
import { allowedTopics, type LiveViewer } from './access';
import { LIVE_CHANNEL, type LiveEvent } from './publish';

// The orders room's live topics (lib/orders/live.ts): who may watch them, and that every status change
// announces them on commit only. The world: Eva's and a guest's pickup orders in Utrecht (store B).

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

/** The live topics published while `run` runs, in order; a sentinel NOTIFY (delivered in commit order) ends the wait. */
async function publishedBy(run: () => Promise<unknown>): Promise<string[]> {
  const topics: string[] = [];
  let arrived: () => void = () => {};
  const done = new Promise<void>((resolve) => (arrived = resolve));
  const unlisten = await handle.listen(LIVE_CHANNEL, (payload) => {
    const { topic } = JSON.parse(payload) as LiveEvent;
    if (topic === 'sentinel') arrived();
    else topics.push(topic);
  });
  try {
    await run();
    await db.execute(sql`select pg_notify(${LIVE_CHANNEL}, ${JSON.stringify({ topic: 'sentinel' })})`);
    await done;
  } finally {
    await unlisten();
  }
  return topics;
}

async function payOnline(orderId: string) {
  const [order] = await db.select({ totalCents: orders.totalCents }).from(orders).where(eq(orders.id, orderId));
  return recordPayment(db, { orderId, method: 'test_provider', amountCents: order.totalCents, idempotencyKey: `pay-${orderId}` }, null);
}

describe('order and pickups topics', () => {
  it('an order streams to its customer, the guest browser that placed it, admins and clerks of its store; pickups to the store’s clerks and admins', async () => {
    const amsterdam = `pickups:${w.shop.storeA.id}`;
    const utrecht = `pickups:${w.shop.storeB.id}`;
    const topics = [`order:${w.evaOrder}`, `order:${w.guestOrder}`, amsterdam, utrecht];
    const allowed = (viewer: LiveViewer) => allowedTopics(db, viewer, [...topics, 'order:not-a-uuid', 'pickups:x', 'pickups:']);
    // Customer A never gets customer B's order; Finn has no order at all.
    expect(await allowed(w.viewers.eva)).toEqual([`order:${w.evaOrder}`]);
    expect(await allowed(w.viewers.finn)).toEqual([]);
    expect(await allowed({ actor: w.finn, guestOrderIds: [] })).toEqual([]);
    // The guest browser: only the guest order its signed cookie holds; the cookie never opens an account's order.
    expect(await allowed(w.viewers.guest)).toEqual([`order:${w.guestOrder}`]);
    expect(await allowed({ actor: null, guestOrderIds: [w.evaOrder] })).toEqual([]);
    expect(await allowed(w.viewers.stranger)).toEqual([]);
    // Both orders are Utrecht pickups: Utrecht's clerk sees them and Utrecht's list, not Amsterdam's.
    expect(await allowed({ actor: w.clerkB, guestOrderIds: [] })).toEqual([`order:${w.evaOrder}`, `order:${w.guestOrder}`, utrecht]);
    expect(await allowed({ actor: w.clerkA, guestOrderIds: [] })).toEqual([amsterdam]);
    // A customer cannot watch a store's queue.
    expect(await allowed({ actor: w.eva, guestOrderIds: [w.guestOrder] })).toEqual([`order:${w.evaOrder}`, `order:${w.guestOrder}`]);
    expect(await allowed({ actor: w.admin, guestOrderIds: [] })).toEqual(topics);
  });

  it('a status change announces the order and its pickup store on commit, never when it rolls back', async () => {
    await payOnline(w.evaOrder);
    const topics = await publishedBy(async () => {
      await expect(
        db.transaction(async (tx) => {
          await transitionOrder(tx, { orderId: w.evaOrder, to: 'ready_for_pickup', actor: w.clerkB });
          throw new Error('rolled back after the transition');
        }),
      ).rejects.toThrow('rolled back after the transition');
      expect((await db.select({ status: orders.status }).from(orders).where(eq(orders.id, w.evaOrder)))[0].status).toBe('paid');
      await markPickupReady(db, { orderId: w.evaOrder, storeId: w.shop.storeB.id, actor: w.clerkB });
    });
    expect(topics).toEqual([`order:${w.evaOrder}`, `pickups:${w.shop.storeB.id}`]);
  });

  it('a paid pickup order appears on its store’s list: the payment announces it (its status moves outside transitionOrder)', async () => {
    expect(await publishedBy(() => payOnline(w.guestOrder))).toEqual([`order:${w.guestOrder}`, `pickups:${w.shop.storeB.id}`]);
  });
});
