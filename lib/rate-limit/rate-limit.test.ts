import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { createTestDatabase } from '@/db/testing';
import { resetDatabase } from '@/lib/testing/fixtures';
import { clearRateLimit, pruneRateLimitHits, takeRateLimit } from './rate-limit';

let handle: DbHandle;
let db: Db;
const NOW = new Date('2026-05-01T10:00:00Z');
const LIMIT = { bucket: 'test', key: 'k', limit: 3, windowMs: 60_000 };

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
});
afterAll(() => handle?.close());
beforeEach(() => resetDatabase(db));

describe('takeRateLimit', () => {
  it('allows `limit` hits in the window, then refuses with the time until the oldest hit expires', async () => {
    for (let i = 0; i < 3; i++) expect(await takeRateLimit(db, LIMIT, new Date(NOW.getTime() + i * 1000))).toMatchObject({ allowed: true, count: i + 1 });
    expect(await takeRateLimit(db, LIMIT, new Date(NOW.getTime() + 10_000))).toEqual({ allowed: false, count: 3, retryAfterMs: 50_000 });
    // Refusals are not counted: once the first hit leaves the window, one more is allowed.
    expect(await takeRateLimit(db, LIMIT, new Date(NOW.getTime() + 60_001))).toMatchObject({ allowed: true, count: 3 });
  });

  it('counts each bucket and key on its own, and forgets a cleared key', async () => {
    for (let i = 0; i < 3; i++) await takeRateLimit(db, LIMIT, NOW);
    expect((await takeRateLimit(db, { ...LIMIT, key: 'other' }, NOW)).allowed).toBe(true);
    expect((await takeRateLimit(db, { ...LIMIT, bucket: 'other' }, NOW)).allowed).toBe(true);
    expect((await takeRateLimit(db, LIMIT, NOW)).allowed).toBe(false);
    await clearRateLimit(db, LIMIT.bucket, LIMIT.key);
    expect((await takeRateLimit(db, LIMIT, NOW)).allowed).toBe(true);
  });

  it('allows at most `limit` of many parallel hits', async () => {
    const results = await Promise.all(Array.from({ length: 12 }, () => takeRateLimit(db, LIMIT, NOW)));
    expect(results.filter((r) => r.allowed)).toHaveLength(3);
  });

  it('prunes old hits', async () => {
    await takeRateLimit(db, LIMIT, new Date(NOW.getTime() - 120_000));
    await takeRateLimit(db, LIMIT, NOW);
    expect(await pruneRateLimitHits(db, 60_000, NOW)).toBe(1);
  });
});
