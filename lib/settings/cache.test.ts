import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { settings } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { resetDatabase } from '@/lib/testing/fixtures';
import { SETTINGS_CHANNEL, SettingsCache } from './cache';
import { isSettingKey } from './keys';
import { disableSettingsCache, enableSettingsCache, getSetting, setSetting } from './settings';

let handle: DbHandle;
let db: Db;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
});
afterAll(() => handle?.close());
beforeEach(() => resetDatabase(db));
afterEach(() => disableSettingsCache(db));

/** Resolves on the cache's next invalidation of `key`. */
function nextInvalidation(cache: SettingsCache, key: string): Promise<void> {
  return new Promise((resolve) => {
    cache.onInvalidate = (k) => {
      if (k === key || k === null) resolve();
    };
  });
}

const readStored = (key: 'shipping') => async () => {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, key));
  return (row?.value ?? { deliveryFeeCents: 495, freeDeliveryThresholdCents: 5000 }) as { deliveryFeeCents: number };
};

describe('the settings cache', () => {
  it('serves a cached value until a NOTIFY drops it (a write that bypasses setSetting stays unseen)', async () => {
    const cache = await enableSettingsCache(handle);
    expect((await getSetting(db, 'shipping')).deliveryFeeCents).toBe(495);
    // Behind the cache's back: the cached value is still served.
    await db.insert(settings).values({ key: 'shipping', value: { deliveryFeeCents: 600, freeDeliveryThresholdCents: 5000 } });
    expect((await getSetting(db, 'shipping')).deliveryFeeCents).toBe(495);
    // Another instance announces it: this one drops its value.
    const dropped = nextInvalidation(cache, 'shipping');
    await db.execute(sql`select pg_notify(${SETTINGS_CHANNEL}, 'shipping')`);
    await dropped;
    expect((await getSetting(db, 'shipping')).deliveryFeeCents).toBe(600);
  });

  it('a second instance (its own listener and cache) drops its value when the first saves, once that commits', async () => {
    await enableSettingsCache(handle); // "instance A": the cache getSetting uses here
    const other = new SettingsCache(db); // "instance B": not in this process's registry, reached only by NOTIFY
    await other.listen(handle.listen, isSettingKey);
    try {
      expect((await other.get('shipping', readStored('shipping'))).deliveryFeeCents).toBe(495);
      expect((await getSetting(db, 'shipping')).deliveryFeeCents).toBe(495);

      const dropped = nextInvalidation(other, 'shipping');
      await db.transaction(async (tx) => {
        await setSetting(tx, 'shipping', { deliveryFeeCents: 695, freeDeliveryThresholdCents: 7500 }, null);
        // Not committed yet: B still serves its value.
        expect((await other.get('shipping', readStored('shipping'))).deliveryFeeCents).toBe(495);
      });
      await dropped;
      expect((await other.get('shipping', readStored('shipping'))).deliveryFeeCents).toBe(695);
      expect(await getSetting(db, 'shipping')).toEqual({ deliveryFeeCents: 695, freeDeliveryThresholdCents: 7500 });
    } finally {
      await other.stop();
    }
  });

  it('a rolled-back save announces nothing and changes nothing', async () => {
    const cache = await enableSettingsCache(handle);
    expect((await getSetting(db, 'vat')).standard).toBe(2100);
    await expect(
      db.transaction(async (tx) => {
        await setSetting(tx, 'vat', { standard: 2000, reduced: 900, zero: 0 }, null);
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    // The next notification is a later committed save of another key; none ever came for 'vat'.
    const seen: (string | null)[] = [];
    const dropped = new Promise<void>((resolve) => {
      cache.onInvalidate = (k) => {
        seen.push(k);
        if (k === 'returns') resolve();
      };
    });
    await db.transaction((tx) => setSetting(tx, 'returns', { windowDays: 14 }, null));
    await dropped;
    expect(seen.filter((k) => k === 'vat')).toEqual([]);
    expect((await getSetting(db, 'vat')).standard).toBe(2100);
  });

  it('a read that was in flight while its key was invalidated is not kept', async () => {
    const cache = new SettingsCache(db);
    let finish: (v: number) => void = () => {};
    const slow = cache.get('stock', () => new Promise<number>((resolve) => (finish = resolve)));
    cache.invalidate('stock');
    finish(1);
    expect(await slow).toBe(1);
    expect(await cache.get('stock', async () => 2)).toBe(2);
    expect(await cache.get('stock', async () => 3)).toBe(2); // now cached
  });

  it('hands out copies: changing a returned value changes nothing for the next reader', async () => {
    await enableSettingsCache(handle);
    const first = await getSetting(db, 'seller');
    first.legalName = 'Changed in memory';
    expect((await getSetting(db, 'seller')).legalName).toBe('Omnishop B.V.');
  });
});
