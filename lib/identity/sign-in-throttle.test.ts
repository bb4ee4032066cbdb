// Runs on PGlite and, with DATABASE_URL, on PostgreSQL, where the parallel guesses are really parallel
// (a pool of connections, the advisory lock deciding the order).
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { rateLimitHits, users } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { resetDatabase } from '@/lib/testing/fixtures';
import { verifyCredentials } from './mutations';
import { accountBackoffMs, ACCOUNT_BACKOFF, ADDRESS_BUDGET, takeSignInAttempt } from './sign-in-throttle';

// Counts how many attempts reach the (expensive) password check.
vi.mock('@/lib/auth/password', async (original) => {
  const real = await original<typeof import('@/lib/auth/password')>();
  return { ...real, verifyPassword: vi.fn(real.verifyPassword) };
});

let handle: DbHandle;
let db: Db;
let passwordHash: string;
const NOW = new Date('2026-05-01T10:00:00Z');
const at = (ms: number) => new Date(NOW.getTime() + ms);
const EMAIL = 'anna@example.com';
const ADDRESS = '203.0.113.7';
const MINUTE = 60_000;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  passwordHash = await hashPassword('right-password');
});
afterAll(() => handle?.close());
beforeEach(async () => {
  await resetDatabase(db);
  await db.insert(users).values({ email: EMAIL, name: 'Anna', passwordHash, role: 'customer' });
  vi.mocked(verifyPassword).mockClear();
});

const hitsOf = async (bucket: string, key: string) =>
  (await db.select().from(rateLimitHits).where(and(eq(rateLimitHits.bucket, bucket), eq(rateLimitHits.key, key)))).length;
const guess = (password: string, now: Date, who: { email?: string; address?: string } = {}) =>
  verifyCredentials(db, { email: who.email ?? EMAIL, password, address: who.address ?? ADDRESS }, now);

describe('accountBackoffMs', () => {
  it('allows a few free failures, then doubles the wait per failure up to 15 minutes', () => {
    expect([0, 1, 2, 3, 4].map(accountBackoffMs)).toEqual([0, 0, 0, 0, 0]);
    expect([5, 6, 7, 8, 9].map(accountBackoffMs)).toEqual([2_000, 4_000, 8_000, 16_000, 32_000]);
    expect(accountBackoffMs(13)).toBe(512_000);
    expect(accountBackoffMs(14)).toBe(15 * MINUTE);
    expect(accountBackoffMs(10_000)).toBe(15 * MINUTE); // no Infinity, no lock-out
  });
});

describe('takeSignInAttempt', () => {
  it('follows the back-off schedule per account instead of locking it', async () => {
    const who = { email: EMAIL, address: ADDRESS };
    for (let i = 0; i < 5; i++) expect(await takeSignInAttempt(db, who, NOW)).toEqual({ allowed: true });
    expect(await takeSignInAttempt(db, who, at(1_000))).toEqual({ allowed: false, reason: 'account', retryAfterMs: 1_000 });
    expect(await takeSignInAttempt(db, who, at(2_000))).toEqual({ allowed: true });
    expect(await takeSignInAttempt(db, who, at(5_999))).toMatchObject({ allowed: false, retryAfterMs: 1 });
    expect(await takeSignInAttempt(db, who, at(6_000))).toEqual({ allowed: true });
  });

  it('never makes the owner wait longer than the cap, however many failures a stranger causes', async () => {
    const hits = Array.from({ length: 200 }, () => ({ bucket: ACCOUNT_BACKOFF.bucket, key: EMAIL, hitAt: NOW }));
    await db.insert(rateLimitHits).values(hits);
    const refused = await takeSignInAttempt(db, { email: EMAIL, address: '198.51.100.1' }, at(MINUTE));
    expect(refused).toEqual({ allowed: false, reason: 'account', retryAfterMs: 14 * MINUTE });
    expect(await takeSignInAttempt(db, { email: EMAIL, address: '198.51.100.1' }, at(15 * MINUTE))).toEqual({ allowed: true });
  });

  it('refuses password spraying: one address, one guess at each of many accounts', async () => {
    const results = [];
    for (let i = 0; i < ADDRESS_BUDGET.limit + 10; i++) results.push(await takeSignInAttempt(db, { email: `user${i}@example.com`, address: ADDRESS }, NOW));
    expect(results.filter((r) => r.allowed)).toHaveLength(ADDRESS_BUDGET.limit);
    expect(results.slice(ADDRESS_BUDGET.limit).every((r) => !r.allowed && r.reason === 'address')).toBe(true);
    // Those accounts are not blocked for their owners elsewhere.
    expect(await takeSignInAttempt(db, { email: 'user0@example.com', address: '198.51.100.1' }, NOW)).toEqual({ allowed: true });
    // The budget refills as the window slides.
    expect((await takeSignInAttempt(db, { email: 'late@example.com', address: ADDRESS }, at(ADDRESS_BUDGET.windowMs + 1))).allowed).toBe(true);
  });
});

describe('verifyCredentials', () => {
  it('takes the attempt before bcrypt: once in back-off, even the right password is not checked', async () => {
    for (let i = 0; i < 5; i++) expect(await guess('wrong', NOW)).toBeNull();
    await expect(guess('right-password', at(500))).rejects.toMatchObject({ code: 'tooManyAttempts' });
    expect(verifyPassword).toHaveBeenCalledTimes(5);
    expect(await guess('right-password', at(2_000))).toMatchObject({ email: EMAIL, role: 'customer' });
  });

  it('forgets the account’s failures after a success, and successes cost the address nothing', async () => {
    for (let i = 0; i < 4; i++) await guess('wrong', NOW);
    expect(await hitsOf(ADDRESS_BUDGET.bucket, ADDRESS)).toBe(4);
    expect(await guess('right-password', NOW)).not.toBeNull();
    expect(await hitsOf(ACCOUNT_BACKOFF.bucket, EMAIL)).toBe(0);
    expect(await hitsOf(ADDRESS_BUDGET.bucket, ADDRESS)).toBe(4);
    for (let i = 0; i < 5; i++) expect(await guess('wrong', NOW)).toBeNull();
  });

  it('lets at most the free failures of 30 parallel wrong guesses reach the password check', async () => {
    const results = await Promise.allSettled(Array.from({ length: 30 }, () => guess('wrong', NOW)));
    expect(vi.mocked(verifyPassword).mock.calls.length).toBeLessThanOrEqual(ACCOUNT_BACKOFF.freeFailures);
    expect(vi.mocked(verifyPassword).mock.calls.length).toBeGreaterThan(0);
    const refused = results.filter((r) => r.status === 'rejected');
    expect(refused).toHaveLength(30 - vi.mocked(verifyPassword).mock.calls.length);
    expect(refused.every((r) => (r.reason as { code?: string }).code === 'tooManyAttempts')).toBe(true);
  });
});
