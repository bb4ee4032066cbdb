/**
 * The review actions as a form calls them, on a real database: a customer who did not buy the product,
 * bad input and script get a clear message and change nothing; the buyer's post and the admin's "Hide"
 * work. (The role matrix and the hostile-input fuzz cover the other callers: lib/security.)
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { productReviews } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { MESSAGES } from '@/lib/i18n/messages';
import type { Actor } from '@/lib/identity/queries';
import { createCustomerActor, createShop, createStaff, resetDatabase } from '@/lib/testing/fixtures';
import { callAction } from '@/lib/testing/call-action';
import { resetCaller, securityState as state } from '@/lib/security/harness';

vi.mock('@/lib/auth/session', async () => (await import('@/lib/security/harness')).sessionMock());
vi.mock('@/lib/auth/auth', async () => (await import('@/lib/security/harness')).authMock());
vi.mock('next-auth', async () => (await import('@/lib/security/harness')).nextAuthMock());
vi.mock('@/lib/i18n/translate', async () => (await import('@/lib/security/harness')).translateMock());
vi.mock('@/lib/db', async () => (await import('@/lib/security/harness')).libDbMock());
vi.mock('@/db/client', async (original) => (await import('@/lib/security/harness')).dbClientMock(await original<object>()));
vi.mock('next/cache', async () => (await import('@/lib/security/harness')).nextCacheMock());
vi.mock('next/headers', async () => (await import('@/lib/security/harness')).nextHeadersMock());

const { moderateReviewAction, writeReviewAction } = await import('./actions');
const { buyOnline } = await import('./testing');

let handle: DbHandle;
let db: Db;
let shop: Awaited<ReturnType<typeof createShop>>;
let buyer: Actor;
let stranger: Actor;
let admin: Actor;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  state.db = db;
});
afterAll(() => handle?.close());
beforeEach(async () => {
  await resetDatabase(db);
  resetCaller();
  shop = await createShop(db, { warehouse: 10, storeA: 5 });
  buyer = await createCustomerActor(db, 'buyer@example.com');
  stranger = await createCustomerActor(db, 'stranger@example.com');
  admin = await createStaff(db, { role: 'admin', email: 'admin@example.com' });
  await buyOnline(db, buyer, shop.variant.id, shop.storeA.id);
});

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};
const reviews = () => db.select().from(productReviews);

describe('writeReviewAction', () => {
  it('a customer who did not buy it is told so (en; the Dutch message exists too) and nothing is written', async () => {
    state.actor = stranger;
    const outcome = await callAction(writeReviewAction, form({ productId: String(shop.product.id), rating: '5', title: 'Fake' }));
    expect(outcome).toMatchObject({ ok: false, formError: MESSAGES.en.errors.reviews.notVerifiedBuyer, values: { title: 'Fake' } });
    expect(MESSAGES.nl.errors.reviews.notVerifiedBuyer).toMatch(/gekocht/);
    expect(await reviews()).toEqual([]);
  });

  it('bad input gets field messages and nothing is written: no rating, 6 stars, script', async () => {
    state.actor = buyer;
    expect(await callAction(writeReviewAction, form({ productId: String(shop.product.id), rating: '6' }))).toMatchObject({
      ok: false,
      fieldErrors: { rating: [MESSAGES.en.validation.reviews.rating] },
    });
    expect(await callAction(writeReviewAction, form({ productId: String(shop.product.id), rating: '4', body: '<script>alert(1)</script>' }))).toMatchObject({
      ok: false,
      fieldErrors: { body: [MESSAGES.en.validation.reviews.markup] },
    });
    expect(await callAction(writeReviewAction, form({ productId: String(shop.product.id) }))).toMatchObject({ ok: false, fieldErrors: { rating: expect.any(Array) } });
    expect(await reviews()).toEqual([]);
  });

  it('the buyer posts, then replaces; the admin rejects it only with a reason, then approves it', async () => {
    state.actor = buyer;
    expect(await callAction(writeReviewAction, form({ productId: String(shop.product.id), rating: '5', title: 'Great' }))).toEqual({ ok: true, message: MESSAGES.en.reviews.form.posted });
    expect(await callAction(writeReviewAction, form({ productId: String(shop.product.id), rating: '4', title: 'Good' }))).toEqual({ ok: true, message: MESSAGES.en.reviews.form.updated });
    const [row] = await reviews();
    expect(row).toMatchObject({ customerId: buyer.customerId, rating: 4, title: 'Good', locale: 'en' });

    state.actor = admin;
    expect(row.status).toBe('pending');
    expect(await callAction(moderateReviewAction, form({ reviewId: String(row.id), decision: 'reject', reason: ' ' }))).toMatchObject({
      ok: false,
      fieldErrors: { reason: [MESSAGES.en.validation.reviews.rejectReason] },
    });
    expect((await reviews())[0].status).toBe('pending');
    expect(await callAction(moderateReviewAction, form({ reviewId: String(row.id), decision: 'reject', reason: 'Not about the product' }))).toEqual({
      ok: true,
      message: MESSAGES.en.reviews.admin.rejectedDone,
    });
    expect((await reviews())[0]).toMatchObject({ status: 'rejected', rejectReason: 'Not about the product' });
    expect(await callAction(moderateReviewAction, form({ reviewId: String(row.id), decision: 'approve' }))).toEqual({ ok: true, message: MESSAGES.en.reviews.admin.approvedDone });
    expect((await reviews())[0]).toMatchObject({ status: 'published', rejectReason: null });
  });
});
