import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { createTestDatabase } from '@/db/testing';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { createCustomerActor, createPromotionRow, createShop, createStaff, resetDatabase } from '@/lib/testing/fixtures';
import { createPromotion, endPromotionNow, updatePromotion } from './mutations';
import { getPromotion, listPromotions, loadPromotionCandidates } from './queries';
import type { PromotionInput } from './schemas';
import { promotionInput } from './testing';

let handle: DbHandle;
let db: Db;
let shop: Awaited<ReturnType<typeof createShop>>;
let admin: Actor;

const NOW = new Date('2026-05-01T10:00:00Z');
const base: PromotionInput = promotionInput({ name: 'Spring', kind: 'percentage', value: 20 });

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
});
afterAll(() => handle?.close());
beforeEach(async () => {
  await resetDatabase(db);
  shop = await createShop(db);
  admin = await createStaff(db, { role: 'admin', email: 'admin@example.com' });
});

async function codeOf(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('promotion queries', () => {
  it('loads every promotion that has not ended as a candidate', async () => {
    await createPromotionRow(db, { name: 'Ended', kind: 'percentage', value: 10, endsAt: NOW });
    await createPromotionRow(db, { name: 'Running', kind: 'percentage', value: 10, endsAt: new Date('2026-06-01T00:00:00Z') });
    await createPromotionRow(db, { name: 'Scheduled', kind: 'fixed_amount', value: 500, startsAt: new Date('2026-05-10T00:00:00Z') });
    await createPromotionRow(db, { name: 'Web', kind: 'percentage', value: 5, channels: ['web'], code: 'WEB5', target: 'product', targetId: shop.product.id });
    const candidates = await loadPromotionCandidates(db, NOW);
    expect(candidates.map((c) => c.name).sort()).toEqual(['Running', 'Scheduled', 'Web']);
    // The engine's fields come along: the defaults of a row from before the engine (prices as before).
    expect(candidates.find((c) => c.name === 'Web')).toMatchObject({
      scope: 'item',
      combination: 'exclusive',
      priority: 0,
      title: { en: 'Web', nl: 'Web' },
      usage: { usedCount: 0, discountGivenCents: 0, usedByCustomer: 0 },
      id: expect.any(Number),
      name: 'Web',
      kind: 'percentage',
      value: 5,
      target: 'product',
      targetId: shop.product.id,
      startsAt: null,
      endsAt: null,
      code: 'WEB5',
      channels: ['web'],
    });
  });

  it('lists promotions with status and target label', async () => {
    await createPromotionRow(db, { name: 'Ended', kind: 'percentage', value: 10, endsAt: NOW });
    await createPromotionRow(db, { name: 'Shoes', kind: 'percentage', value: 10, target: 'category', targetId: shop.category.id });
    await createPromotionRow(db, { name: 'One SKU', kind: 'percentage', value: 10, target: 'variant', targetId: shop.variant.id, startsAt: new Date('2026-06-01T00:00:00Z') });
    const list = await listPromotions(db, { now: NOW, locale: 'en' });
    expect(Object.fromEntries(list.map((p) => [p.name, [p.status, p.targetLabel]]))).toEqual({
      Ended: ['ended', null],
      Shoes: ['active', 'Cat shoes'],
      'One SKU': ['scheduled', 'TR-42-BLK'],
    });
  });
});

describe('promotion mutations', () => {
  it('creates and updates a promotion, refusing a taken code and a missing target', async () => {
    const { id } = await createPromotion(db, { ...base, code: 'SPRING' }, admin);
    expect(await getPromotion(db, id, { now: NOW })).toMatchObject({ name: 'Spring', code: 'SPRING', status: 'active' });
    expect(await codeOf(createPromotion(db, { ...base, name: 'Again', code: 'SPRING' }, admin))).toMatchObject({ code: 'codeTaken', field: 'code' });
    expect(await codeOf(createPromotion(db, { ...base, target: 'product', targetId: 4242 }, admin))).toMatchObject({ code: 'notFound', field: 'targetId' });

    const other = await createPromotion(db, { ...base, name: 'Other', code: 'OTHER' }, admin);
    expect(await codeOf(updatePromotion(db, other.id, { ...base, code: 'SPRING' }, admin))).toMatchObject({ code: 'codeTaken' });
    await updatePromotion(db, other.id, { ...base, name: 'Other', kind: 'fixed_amount', value: 250, code: 'OTHER', channels: ['store'] }, admin);
    expect(await getPromotion(db, other.id)).toMatchObject({ kind: 'fixed_amount', value: 250, channels: ['store'] });
    expect(await codeOf(updatePromotion(db, 4242, base, admin))).toMatchObject({ code: 'notFound' });
  });

  it('is for admins only', async () => {
    const clerk = await createStaff(db, { role: 'clerk', email: 'c@example.com', locationId: shop.storeA.id });
    const customer = await createCustomerActor(db, 'e@example.com');
    expect((await codeOf(createPromotion(db, base, clerk))).code).toBe('forbidden');
    expect((await codeOf(createPromotion(db, base, customer))).code).toBe('forbidden');
    const { id } = await createPromotion(db, base, admin);
    expect((await codeOf(endPromotionNow(db, id, clerk, NOW))).code).toBe('forbidden');
  });

  it('ends a running or scheduled promotion now, and ending twice changes nothing', async () => {
    const running = await createPromotion(db, base, admin);
    const scheduled = await createPromotion(db, { ...base, name: 'Later', startsAt: new Date('2026-06-01T00:00:00Z') }, admin);
    expect(await endPromotionNow(db, running.id, admin, NOW)).toEqual({ id: running.id, endsAt: NOW });
    expect(await endPromotionNow(db, scheduled.id, admin, NOW)).toEqual({ id: scheduled.id, endsAt: NOW });
    const later = new Date(NOW.getTime() + 60_000);
    expect(await endPromotionNow(db, running.id, admin, later)).toEqual({ id: running.id, endsAt: NOW });
    expect(await loadPromotionCandidates(db, NOW)).toEqual([]);
    expect((await getPromotion(db, scheduled.id, { now: NOW }))?.status).toBe('ended');
    expect((await codeOf(endPromotionNow(db, 4242, admin, NOW))).code).toBe('notFound');
  });
});
