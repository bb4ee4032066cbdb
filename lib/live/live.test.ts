import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { createTestDatabase } from '@/db/testing';
import { sellStock } from '@/lib/inventory/mutations';
import { createShop, resetDatabase } from '@/lib/testing/fixtures';
import { allowedTopics, MAX_TOPICS } from './access';
import { LIVE_CHANNEL, type LiveEvent } from './publish';

let handle: DbHandle;
let shop: Awaited<ReturnType<typeof createShop>>;

beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle?.close());
beforeEach(async () => {
  await resetDatabase(handle.db);
  shop = await createShop(handle.db, { storeA: 3 });
});

describe('live events', () => {
  it('announce a stock change once it commits, and never a rolled-back one', async () => {
    const events: LiveEvent[] = [];
    let arrived: () => void = () => {};
    const first = new Promise<void>((resolve) => (arrived = resolve));
    const unlisten = await handle.listen(LIVE_CHANNEL, (payload) => {
      events.push(JSON.parse(payload) as LiveEvent);
      arrived();
    });
    const sale = { variantId: shop.variant.id, locationId: shop.storeA.id, quantity: 1 };
    await expect(
      handle.db.transaction(async (tx) => {
        await sellStock(tx, sale);
        await sellStock(tx, { ...sale, quantity: 5 }); // only 2 left: the whole transaction rolls back
      }),
    ).rejects.toMatchObject({ code: 'outOfStock' });
    await handle.db.transaction(async (tx) => {
      await sellStock(tx, sale);
      await sellStock(tx, sale); // the same topic twice in one transaction: folded into one event
    });
    await first;
    await unlisten();
    expect(events).toEqual([{ topic: `stock:${shop.variant.id}` }]);
  });

  it('streams only topics that the viewer may watch', async () => {
    const viewer = { actor: null, guestOrderIds: [] };
    expect(await allowedTopics(handle.db, viewer, ['stock:12', 'stock:12', 'stock:x', 'secret:1', 'thread:abc', 'stock'])).toEqual(['stock:12']);
    const many = Array.from({ length: 80 }, (_, i) => `stock:${i}`);
    expect(await allowedTopics(handle.db, viewer, many)).toHaveLength(MAX_TOPICS);
  });
});
