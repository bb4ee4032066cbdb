import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rowsOf, type Db, type DbHandle } from '@/db/client';
import { experiments, experimentVariants, locations, promotions } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { priceUnit } from '@/lib/pricing';
import { loadExperimentPricing } from '@/lib/insight/experiment-context';
import { getLocation, listStores } from '@/lib/locations/queries';
import { loadPromotionCandidates } from '@/lib/promotions/queries';
import { createLocation, createPromotionRow, createShop, resetDatabase } from '@/lib/testing/fixtures';
import { CACHED_TABLES, disableTableCache, enableTableCache, TableCache, type CachedTable } from './table-cache';

describe('TableCache (no database)', () => {
  const cache = () => new TableCache({} as Db);
  const counting = (value: string, validUntil?: number) => {
    const loads = { n: 0 };
    return { loads, load: async () => ({ value: `${value}${++loads.n}`, validUntil }) };
  };

  it('serves an entry until one of its own tables changes', async () => {
    const c = cache();
    const { loads, load } = counting('v');
    expect(await c.get('k', ['promotions'], load, 1000)).toBe('v1');
    expect(await c.get('k', ['promotions'], load, 2000)).toBe('v1');
    c.invalidate('locations');
    expect(await c.get('k', ['promotions'], load, 3000)).toBe('v1');
    c.invalidate('promotions');
    expect(await c.get('k', ['promotions'], load, 4000)).toBe('v2');
    c.invalidate(null); // an unknown payload drops everything
    expect(await c.get('k', ['promotions'], load, 5000)).toBe('v3');
    expect(loads.n).toBe(3);
  });

  it('does not keep a value whose table changed while it was being read', async () => {
    const c = cache();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let n = 0;
    const load = async () => {
      n++;
      if (n === 1) await gate;
      return { value: `v${n}` };
    };
    const first = c.get('k', ['promotions'], load, 1000);
    c.invalidate('promotions'); // the change commits while the first read is on its way
    release();
    expect(await first).toBe('v1'); // that caller gets what it read…
    expect(await c.get('k', ['promotions'], load, 1001)).toBe('v2'); // …but nobody after it
  });

  it('holds an entry only for the moments from its read up to its validUntil', async () => {
    const c = cache();
    const { loads, load } = counting('v', 5000);
    expect(await c.get('k', ['promotions'], load, 1000)).toBe('v1');
    expect(await c.get('k', ['promotions'], load, 4999)).toBe('v1');
    expect(await c.get('k', ['promotions'], load, 5000)).toBe('v2'); // the boundary itself reads again
    expect(await c.get('k', ['promotions'], load, 900)).toBe('v3'); // an earlier moment than the entry's
    expect(loads.n).toBe(3);
  });

  it('forgets a failed read', async () => {
    const c = cache();
    let fail = true;
    const load = async () => {
      if (fail) throw new Error('down');
      return { value: 'ok' };
    };
    await expect(c.get('k', ['promotions'], load)).rejects.toThrow('down');
    fail = false;
    expect(await c.get('k', ['promotions'], load)).toBe('ok');
  });
});

describe('the table cache on the database', () => {
  let handle: DbHandle;
  let db: Db;
  let cache: TableCache;
  const seen: (CachedTable | null)[] = [];

  beforeAll(async () => {
    handle = await createTestDatabase();
    db = handle.db;
  });
  afterAll(() => handle?.close());
  beforeEach(async () => {
    await resetDatabase(db);
    cache = await enableTableCache(handle);
    seen.length = 0;
    cache.onInvalidate = (table) => seen.push(table);
  });
  afterEach(() => disableTableCache(db));

  /** Resolves once the cache has been told that `table` changed (notifications arrive in commit order). */
  const announced = (table: CachedTable) =>
    new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (seen.includes(table)) {
          clearInterval(check);
          resolve();
        }
      }, 2);
    });
  const valueOf = async (name: string, now = new Date()) => (await loadPromotionCandidates(db, now)).find((c) => c.name === name)?.value;

  it('every cached table announces its changes through a trigger', async () => {
    const rows = rowsOf<{ t: string }>(await db.execute(sql`select distinct event_object_table as t from information_schema.triggers where action_statement like '%announce_%'`));
    const tables = rows.map((r) => r.t);
    expect(new Set(tables)).toEqual(new Set(CACHED_TABLES));
  });

  it('a promotion changed by any writer is read anew on commit — not before it, not after a rollback', async () => {
    await createPromotionRow(db, { name: 'Spring', kind: 'percentage', value: 20, target: 'all' });
    await announced('promotions');
    expect(await valueOf('Spring')).toBe(20);

    seen.length = 0;
    await expect(
      db.transaction(async (tx) => {
        await tx.update(promotions).set({ value: 25 }).where(eq(promotions.name, 'Spring'));
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    await db.transaction(async (tx) => {
      // A plain UPDATE, as a psql session or an import would write it: the trigger announces it too.
      await tx.execute(sql`update promotions set value = 30 where name = 'Spring'`);
      expect(await valueOf('Spring')).toBe(20); // not committed: every instance still prices with 20
    });
    await announced('promotions');
    expect(seen).toEqual(['promotions']); // once: the rolled-back change announced nothing
    expect(await valueOf('Spring')).toBe(30);
  });

  it("an order's use of a promotion without a limit announces nothing; of one with a limit it does, and the count is exact", async () => {
    await createShop(db);
    const open = await createPromotionRow(db, { name: 'Open', kind: 'percentage', value: 10, target: 'all' });
    const limited = await createPromotionRow(db, { name: 'Limited', kind: 'percentage', value: 15, target: 'all', usageLimit: 2 });
    await announced('promotions');
    expect((await loadPromotionCandidates(db, new Date())).find((c) => c.id === limited!.id)?.usage?.usedCount).toBe(0);

    seen.length = 0;
    await db.update(promotions).set({ usedCount: sql`${promotions.usedCount} + 1`, discountGivenCents: 500 }).where(eq(promotions.id, open!.id));
    await db.update(locations).set({ name: 'Sentinel' }).where(eq(locations.code, 'WH'));
    await announced('locations');
    expect(seen).toEqual(['locations']); // the open promotion's counter did not drop the cache

    await db.update(promotions).set({ usedCount: sql`${promotions.usedCount} + 2` }).where(eq(promotions.id, limited!.id));
    await announced('promotions');
    const candidates = await loadPromotionCandidates(db, new Date());
    expect(candidates.find((c) => c.id === limited!.id)?.usage?.usedCount).toBe(2); // used up: priceCart refuses it now
  });

  it('a promotion starting at 09:00 applies at 09:00 and one ending then stops, with nothing written in between', async () => {
    const nine = new Date('2031-03-03T08:00:00Z'); // 09:00 in Amsterdam
    const before = new Date(nine.getTime() - 1);
    await createPromotionRow(db, { name: 'Morning', kind: 'percentage', value: 40, target: 'all', startsAt: nine });
    await createPromotionRow(db, { name: 'Night', kind: 'percentage', value: 5, target: 'all', endsAt: nine });
    await createLocation(db, { code: 'ST', kind: 'store', name: 'Store' });
    await announced('locations');
    const line = { variantId: 1, productId: 1, categoryId: 1, unitPriceCents: 10_000, taxClass: 'standard' as const };

    const early = await loadPromotionCandidates(db, before);
    expect(early.map((c) => c.name).sort()).toEqual(['Morning', 'Night']);
    expect(priceUnit(line, early, { channel: 'web', now: before }).finalUnitCents).toBe(9_500);
    expect((await loadPromotionCandidates(db, before)).length).toBe(2); // served by the cache

    const atNine = await loadPromotionCandidates(db, nine);
    expect(atNine.map((c) => c.name)).toEqual(['Morning']);
    expect(priceUnit(line, atNine, { channel: 'web', now: nine }).finalUnitCents).toBe(6_000);
  });

  it('a store changed by any writer is listed anew on every page once it commits', async () => {
    await createLocation(db, { code: 'ST', kind: 'store', name: 'Utrecht' });
    await announced('locations');
    expect((await listStores(db)).map((s) => s.name)).toEqual(['Utrecht']);
    const copy = await listStores(db);
    copy[0]!.name = 'changed by a caller'; // each caller's own copy
    expect((await listStores(db))[0]!.name).toBe('Utrecht');

    seen.length = 0;
    await db.execute(sql`update locations set name = 'Utrecht Centrum', pickup_enabled = false where code = 'ST'`);
    await announced('locations');
    const [store] = await listStores(db);
    expect(store).toMatchObject({ name: 'Utrecht Centrum', pickupEnabled: false });
    expect(await getLocation(db, store!.id)).toMatchObject({ name: 'Utrecht Centrum' });
  });

  it('an experiment started by any writer assigns its variant on the next price, on every instance', async () => {
    const promotion = await createPromotionRow(db, { name: 'Test arm', kind: 'percentage', value: 10, target: 'all' });
    await db.execute(sql`truncate experiments cascade`);
    const [experiment] = await db.insert(experiments).values({ name: 'Ten percent' }).returning();
    await db.insert(experimentVariants).values({ experimentId: experiment!.id, key: 'b', name: 'B', promotionId: promotion!.id, weightPercent: 100 });
    await announced('experiment_variants');
    const who = { channel: 'web' as const, customerId: 7, cartId: '00000000-0000-4000-8000-000000000007' };
    expect((await loadExperimentPricing(db, who)).experimentVariants).toEqual({}); // a draft assigns nobody

    seen.length = 0;
    await db.update(experiments).set({ status: 'running' }).where(eq(experiments.id, experiment!.id));
    await announced('experiments');
    expect(Object.keys((await loadExperimentPricing(db, who)).experimentVariants)).toEqual([String(experiment!.id)]);
  });
});
