import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { storeCreditEntries } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { DomainError } from '@/lib/errors';
import { setSetting } from '@/lib/settings/settings';
import { createCustomerActor, resetDatabase } from '@/lib/testing/fixtures';
import { createStoreCreditExpiryJob } from './expiry-job';
import { expireStoreCredit, getStoreCreditBalance, issueStoreCredit, listStoreCreditEntries, restoreStoreCredit, spendStoreCredit, sumOfStoreCreditEntries } from './ledger';

let handle: DbHandle;
let db: Db;
let customerId: number;
const NOW = new Date('2026-06-01T10:00:00Z');

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
}, 240_000);
afterAll(() => handle?.close());
beforeEach(async () => {
  await resetDatabase(db);
  customerId = (await createCustomerActor(db, 'eva@example.com')).customerId!;
});

async function consistent() {
  const balance = await getStoreCreditBalance(db, customerId);
  expect(balance).toBe(await sumOfStoreCreditEntries(db, customerId));
  const remaining = (await db.select({ r: storeCreditEntries.remainingCents }).from(storeCreditEntries)).reduce((s, e) => s + (e.r ?? 0), 0);
  expect(remaining).toBe(balance);
  return balance;
}

describe('store-credit ledger', () => {
  it('balance = Σ entries through issue, spend and restore; keys make each idempotent', async () => {
    await issueStoreCredit(db, { customerId, amountCents: 5000, idempotencyKey: 'i1', now: NOW });
    expect((await issueStoreCredit(db, { customerId, amountCents: 5000, idempotencyKey: 'i1', now: NOW })).applied).toBe(false);
    await spendStoreCredit(db, { customerId, amountCents: 1200, orderId: null, idempotencyKey: 's1' });
    expect((await spendStoreCredit(db, { customerId, amountCents: 1200, orderId: null, idempotencyKey: 's1' })).applied).toBe(false);
    await expect(spendStoreCredit(db, { customerId, amountCents: 999, orderId: null, idempotencyKey: 's1' })).rejects.toMatchObject({ code: 'conflict' });
    await restoreStoreCredit(db, { customerId, amountCents: 200, idempotencyKey: 'r1', now: NOW });
    expect(await consistent()).toBe(4000);
    expect((await listStoreCreditEntries(db, customerId)).map((e) => e.kind).sort()).toEqual(['issue', 'reversal', 'spend']);
  });

  it('a spend above the balance is refused and changes nothing', async () => {
    await issueStoreCredit(db, { customerId, amountCents: 1000, idempotencyKey: 'i1', now: NOW });
    const error = await spendStoreCredit(db, { customerId, amountCents: 1001, orderId: null, idempotencyKey: 's1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('storeCreditInsufficient');
    expect(await consistent()).toBe(1000);
    expect(await db.select().from(storeCreditEntries)).toHaveLength(1);
    // Without any account at all, too.
    const other = (await createCustomerActor(db, 'piet@example.com')).customerId!;
    await expect(spendStoreCredit(db, { customerId: other, amountCents: 1, orderId: null, idempotencyKey: 's2' })).rejects.toMatchObject({ code: 'storeCreditInsufficient' });
  });

  it('expiry: the unspent part of an expired issue expires (oldest spent first), once; the job does the same', async () => {
    await setSetting(db, 'returns', { windowDays: 30, storeCreditExpiryMonths: 12 }, null);
    await issueStoreCredit(db, { customerId, amountCents: 3000, idempotencyKey: 'old', now: new Date('2025-01-01T00:00:00Z') });
    await issueStoreCredit(db, { customerId, amountCents: 2000, idempotencyKey: 'new', now: NOW });
    await issueStoreCredit(db, { customerId, amountCents: 700, idempotencyKey: 'forever', expiresAt: null, now: NOW });
    // Spending takes the credit that expires first.
    await spendStoreCredit(db, { customerId, amountCents: 1000, orderId: null, idempotencyKey: 's1' });
    expect(await expireStoreCredit(db, NOW)).toBe(1);
    expect(await consistent()).toBe(2000 + 700);
    expect(await expireStoreCredit(db, NOW)).toBe(0);
    const expired = (await listStoreCreditEntries(db, customerId)).find((e) => e.kind === 'expire')!;
    expect(expired.amountCents).toBe(-2000);
    const job = createStoreCreditExpiryJob();
    expect(await job.runBatch({ db, workerId: 't' })).toMatchObject({ handled: 0 });
    expect(await job.runBatch({ db: db, workerId: 't' }).then(() => expireStoreCredit(db, new Date('2027-07-01T00:00:00Z')))).toBe(1);
    expect(await consistent()).toBe(700);
  });

  it('expiry months 0 = credit never expires', async () => {
    await setSetting(db, 'returns', { windowDays: 30, storeCreditExpiryMonths: 0 }, null);
    await issueStoreCredit(db, { customerId, amountCents: 3000, idempotencyKey: 'i', now: NOW });
    expect(await expireStoreCredit(db, new Date('2099-01-01T00:00:00Z'))).toBe(0);
  });
});
