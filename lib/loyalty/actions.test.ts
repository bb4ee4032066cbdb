/**
 * Who may see and change points: a customer sees only their own balance, only admins adjust, and an
 * adjustment leaves an entry with its reason and an audit row. Through the real action wrapper.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { auditLog, loyaltyEntries } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import type { Actor } from '@/lib/identity/queries';
import { securityState } from '@/lib/security/harness';
import { createCustomerActor, createLocation, createStaff, resetDatabase } from '@/lib/testing/fixtures';

vi.mock('@/lib/auth/session', async () => (await import('@/lib/security/harness')).sessionMock());
vi.mock('@/lib/db', async () => (await import('@/lib/security/harness')).libDbMock());
vi.mock('@/lib/i18n/translate', async () => (await import('@/lib/security/harness')).translateMock());
vi.mock('next/cache', async () => (await import('@/lib/security/harness')).nextCacheMock());
vi.mock('next/headers', async () => (await import('@/lib/security/harness')).nextHeadersMock());

const { adjustLoyaltyAction, issueMyLoyaltyCardAction } = await import('./actions');
const { getCustomerLoyaltyForStaff, getMyLoyalty } = await import('./queries');
const { grantPoints, ledgerOf, cardOf } = await import('./test-helpers');

let handle: DbHandle;
let db: Db;
let admin: Actor;
let clerk: Actor;
let eva: Actor;
let noor: Actor;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  securityState.db = db;
});
afterAll(() => handle?.close());
beforeEach(async () => {
  await resetDatabase(db);
  admin = await createStaff(db, { role: 'admin', email: 'admin@example.com' });
  const store = await createLocation(db, { code: 'UTR', kind: 'store' });
  clerk = await createStaff(db, { role: 'clerk', email: 'clerk@example.com', locationId: store.id });
  eva = await createCustomerActor(db, 'eva@example.com');
  noor = await createCustomerActor(db, 'noor@example.com');
  securityState.actor = null;
});

const adjust = (as: Actor | null, input: Record<string, unknown>) => {
  securityState.actor = as;
  return adjustLoyaltyAction({ customerId: String(eva.customerId), idempotencyKey: randomUUID(), ...input });
};

describe('adjusting points', () => {
  it('an admin adds points with a reason: an adjustment entry, an audit row, the new balance in the message', async () => {
    expect(await adjust(admin, { points: '250', reason: 'Goodwill: late delivery' })).toEqual({ ok: true, message: 'Points adjusted: the balance is now 250.' });
    const [entry] = await db.select().from(loyaltyEntries).where(eq(loyaltyEntries.customerId, eva.customerId!));
    expect(entry).toMatchObject({ kind: 'adjustment', points: 250, reason: 'Goodwill: late delivery', actorUserId: admin.userId });
    const [audit] = await db.select().from(auditLog);
    expect(audit).toMatchObject({ action: 'loyalty.adjusted', entityType: 'customer', entityId: String(eva.customerId), actorUserId: admin.userId, before: { balance: 0 }, after: { balance: 250 } });
  });

  it('refuses taking more than the balance, 0 points and a missing reason — with localized messages, nothing changes', async () => {
    await grantPoints(db, eva.customerId!, 100);
    expect(await adjust(admin, { points: '-200', reason: 'Correction' })).toMatchObject({ ok: false, fieldErrors: { loyaltyPoints: ['Not enough points: the balance is 100 points.'] } });
    expect(await adjust(admin, { points: '0', reason: 'Nothing' })).toMatchObject({ ok: false, fieldErrors: { points: [expect.any(String)] } });
    expect(await adjust(admin, { points: '50', reason: '  ' })).toMatchObject({ ok: false, fieldErrors: { reason: [expect.any(String)] } });
    expect(await adjust(admin, { points: '50', reason: 'x', balance: '999' })).toMatchObject({ ok: false });
    expect(await ledgerOf(db, eva.customerId!)).toMatchObject({ balance: 100, sum: 100 });
    expect(await db.select().from(auditLog)).toEqual([]);
  });

  it('only admins adjust: a clerk, a customer (even for themselves) and an anonymous visitor are refused', async () => {
    for (const who of [clerk, eva, null]) {
      const result = await adjust(who, { points: '500', reason: 'Please' });
      expect(result).toMatchObject({ ok: false, formError: expect.any(String) });
    }
    expect(await ledgerOf(db, eva.customerId!)).toMatchObject({ balance: 0, sum: 0 });
  });

  it('the same form submitted twice adjusts once', async () => {
    const idempotencyKey = randomUUID();
    await adjust(admin, { points: '40', reason: 'Once', idempotencyKey });
    await adjust(admin, { points: '40', reason: 'Once', idempotencyKey });
    expect((await ledgerOf(db, eva.customerId!)).balance).toBe(40);
  });
});

describe('seeing points', () => {
  it('a customer sees only their own balance and entries; staff see any customer; a customer cannot ask for another', async () => {
    await grantPoints(db, eva.customerId!, 300);
    await grantPoints(db, noor.customerId!, 70);
    expect(await getMyLoyalty(db, eva)).toMatchObject({ customerId: eva.customerId, balance: 300, entries: [expect.objectContaining({ points: 300 })] });
    expect(await getMyLoyalty(db, noor)).toMatchObject({ customerId: noor.customerId, balance: 70 });
    expect(await getMyLoyalty(db, clerk)).toBeNull();
    expect(await getCustomerLoyaltyForStaff(db, clerk, eva.customerId!)).toMatchObject({ balance: 300 });
    await expect(getCustomerLoyaltyForStaff(db, noor, eva.customerId!)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('"Get my loyalty card" gives the signed-in customer a card once; staff and visitors are refused', async () => {
    securityState.actor = eva;
    expect(await issueMyLoyaltyCardAction({})).toEqual({ ok: true });
    const card = await cardOf(db, eva.customerId!);
    expect(card).toMatch(/^29\d{11}$/);
    expect(await issueMyLoyaltyCardAction({})).toEqual({ ok: true });
    expect(await cardOf(db, eva.customerId!)).toBe(card);
    for (const who of [clerk, admin, null]) {
      securityState.actor = who;
      expect(await issueMyLoyaltyCardAction({})).toMatchObject({ ok: false });
    }
    expect(await cardOf(db, noor.customerId!)).toBeNull();
  });
});
