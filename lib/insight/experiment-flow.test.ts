import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { auditLog, experimentExposures, experimentOrders, experiments, promotions } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { addToCart, getOrCreateCounterCart, getOrCreateWebCart, setCartCustomer } from '@/lib/carts/mutations';
import { getPricedCart } from '@/lib/carts/queries';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { getCounterCartView } from '@/lib/orders/counter-queries';
import { placeOrder } from '@/lib/orders/mutations';
import { createCustomerActor, createPromotionRow, createShop, createStaff, resetDatabase } from '@/lib/testing/fixtures';
import { createExperiment, startExperiment, stopExperiment } from './experiment-mutations';
import { getExperimentAnalysis, listExperiments } from './experiment-queries';

let handle: DbHandle;
let db: Db;
let shop: Awaited<ReturnType<typeof createShop>>;
let admin: Actor;
let clerk: Actor;
let anna: Actor;
let percent: { id: number };
let fixed: { id: number };

const NOW = new Date('2026-05-01T10:00:00Z');

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
});
afterAll(() => handle?.close());
beforeEach(async () => {
  await resetDatabase(db);
  shop = await createShop(db);
  admin = await createStaff(db, { role: 'admin', email: 'admin@example.com' });
  clerk = await createStaff(db, { role: 'clerk', email: 'clerk@example.com', locationId: shop.storeA.id });
  anna = await createCustomerActor(db, 'anna@example.com');
  // On the € 50,00 product: 20% off saves € 10,00, € 5 off saves € 5,00.
  percent = await createPromotionRow(db, { name: '20% off', kind: 'percentage', value: 20, target: 'product', targetId: shop.product.id });
  fixed = await createPromotionRow(db, { name: '€5 off', kind: 'fixed_amount', value: 500, target: 'product', targetId: shop.product.id });
});

async function fiftyFifty(name = 'Percent vs fixed') {
  return createExperiment(db, { name, variants: [{ promotionId: percent.id, weightPercent: 50 }, { promotionId: fixed.id, weightPercent: 50 }] }, admin, NOW);
}

async function webCartOf(customerId: number | null) {
  const { cartId } = await getOrCreateWebCart(db, { customerId });
  await addToCart(db, { cartId, variantId: shop.variant.id, quantity: 1 });
  return cartId;
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return 'no error';
}

describe('experiments in pricing', () => {
  it('never applies the promotions of a draft experiment; a running one gives each person one variant', async () => {
    const id = await fiftyFifty();
    const cartId = await webCartOf(anna.customerId);
    expect((await getPricedCart(db, cartId, { now: NOW, channel: 'web' }))!.totals.discountCents).toBe(0);

    await startExperiment(db, id, admin, NOW);
    const web = (await getPricedCart(db, cartId, { now: NOW, channel: 'web', recordExposure: true }))!;
    expect([500, 1000]).toContain(web.totals.discountCents);
    expect(web.totals.appliedPromotions).toHaveLength(1);
  });

  it('prices the same person with the same variant in the web cart and at the counter, and counts the exposure once', async () => {
    const id = await fiftyFifty();
    await startExperiment(db, id, admin, NOW);
    const webCartId = await webCartOf(anna.customerId);
    const web = (await getPricedCart(db, webCartId, { now: NOW, channel: 'web', recordExposure: true }))!;

    const { cartId: counterCartId } = await getOrCreateCounterCart(db, { clerkUserId: clerk.userId, locationId: shop.storeA.id });
    await addToCart(db, { cartId: counterCartId, variantId: shop.variant.id, quantity: 1 });
    await setCartCustomer(db, { cartId: counterCartId, customerId: anna.customerId });
    const counter = (await getCounterCartView(db, { cartId: counterCartId, storeId: shop.storeA.id, locale: 'en', now: NOW }))!;

    expect(counter.totals.appliedPromotions.map((p) => p.id)).toEqual(web.totals.appliedPromotions.map((p) => p.id));
    expect(counter.totals.discountCents).toBe(web.totals.discountCents);
    const exposures = await db.select().from(experimentExposures);
    expect(exposures).toHaveLength(1);
    expect(exposures[0]).toMatchObject({ experimentId: id, subject: `customer:${anna.customerId}`, channel: 'web', customerId: anna.customerId });

    // The counter sale converts: the order row is written in the sale's transaction, with the same variant.
    const placed = await placeOrder(db, { idempotencyKey: randomUUID(), channel: 'store', fulfilment: 'in_store', cartId: counterCartId, stockLocationId: shop.storeA.id, customerId: anna.customerId, now: NOW }, clerk);
    expect(placed.totalCents).toBe(5000 - web.totals.discountCents);
    const [conversion] = await db.select().from(experimentOrders).where(eq(experimentOrders.orderId, placed.orderId));
    expect(conversion).toMatchObject({ experimentId: id, variantId: exposures[0].variantId, subject: `customer:${anna.customerId}` });

    const analysis = (await getExperimentAnalysis(db, id))!;
    const mine = analysis.variants.find((v) => v.id === exposures[0].variantId)!;
    const other = analysis.variants.find((v) => v.id !== exposures[0].variantId)!;
    expect(mine).toMatchObject({ exposed: 1, converted: 1, orders: 1, revenueCents: placed.totalCents, revenuePerExposedCents: placed.totalCents, conversionRate: 1 });
    expect(other).toMatchObject({ exposed: 0, converted: 0, revenueCents: 0, revenuePerExposedCents: 0 });
    expect(analysis.variants.find((v) => v.id !== analysis.baselineVariantId)!.comparison!.verdict).toBe('insufficient');
    // The list counts the same, per experiment.
    expect(await listExperiments(db)).toMatchObject([{ id, status: 'running', variantCount: 2, exposed: 1, converted: 1 }]);
  });

  it('assigns an anonymous counter sale by its cart and a web guest by the visitor id', async () => {
    const id = await fiftyFifty();
    await startExperiment(db, id, admin, NOW);
    const { cartId } = await getOrCreateCounterCart(db, { clerkUserId: clerk.userId, locationId: shop.storeA.id });
    await addToCart(db, { cartId, variantId: shop.variant.id, quantity: 1 });
    await getCounterCartView(db, { cartId, storeId: shop.storeA.id, locale: 'en', now: NOW });
    const guestCart = await webCartOf(null);
    const visitorId = randomUUID();
    await getPricedCart(db, guestCart, { now: NOW, channel: 'web', visitorId, recordExposure: true });
    const subjects = (await db.select({ subject: experimentExposures.subject }).from(experimentExposures)).map((r) => r.subject).sort();
    expect(subjects).toEqual([`cart:${cartId}`, `visitor:${visitorId}`].sort());
    // The guest's order is priced and converted with the same visitor's variant.
    const web = (await getPricedCart(db, guestCart, { now: NOW, channel: 'web', visitorId }))!;
    const placed = await placeOrder(db, { idempotencyKey: randomUUID(), channel: 'web', fulfilment: 'pickup', cartId: guestCart, pickupLocationId: shop.storeA.id, email: 'guest@example.com', visitorId, now: NOW, expectedTotalCents: web.totals.totalCents }, null);
    const [conversion] = await db.select().from(experimentOrders).where(eq(experimentOrders.orderId, placed.orderId));
    expect(conversion.subject).toBe(`visitor:${visitorId}`);
  });

  it('does not log an exposure for a cart without the experiment’s products', async () => {
    const other = await createPromotionRow(db, { name: 'Socks', kind: 'percentage', value: 10, target: 'category', targetId: shop.category.id + 1000 });
    const id = await createExperiment(db, { name: 'Socks', variants: [{ promotionId: other.id, weightPercent: 50 }, { promotionId: null, weightPercent: 50 }] }, admin, NOW);
    await startExperiment(db, id, admin, NOW);
    const cartId = await webCartOf(anna.customerId);
    await getPricedCart(db, cartId, { now: NOW, channel: 'web', recordExposure: true });
    expect(await db.select().from(experimentExposures)).toHaveLength(0);
  });

  it('stops with a winner: the winner becomes a normal promotion for everyone, the other ends', async () => {
    const id = await fiftyFifty();
    await startExperiment(db, id, admin, NOW);
    const analysis = (await getExperimentAnalysis(db, id))!;
    const winner = analysis.variants.find((v) => v.promotionId === fixed.id)!;
    await stopExperiment(db, { experimentId: id, winnerVariantId: winner.id }, admin, NOW);
    const later = new Date(NOW.getTime() + 1000);
    for (let i = 0; i < 4; i++) {
      const customer = await createCustomerActor(db, `c${i}@example.com`);
      const cartId = await webCartOf(customer.customerId);
      expect((await getPricedCart(db, cartId, { now: later, channel: 'web' }))!.totals.appliedPromotions.map((p) => p.id)).toEqual([fixed.id]);
    }
    const [ended] = await db.select({ endsAt: promotions.endsAt }).from(promotions).where(eq(promotions.id, percent.id));
    expect(ended.endsAt).toEqual(NOW);
    const [row] = await db.select().from(experiments).where(eq(experiments.id, id));
    expect(row).toMatchObject({ status: 'stopped', winnerVariantId: winner.id });
    const actions = (await db.select({ action: auditLog.action }).from(auditLog)).map((r) => r.action);
    expect(actions).toEqual(['experiment.created', 'experiment.started', 'experiment.stopped']);
    expect(await codeOf(stopExperiment(db, { experimentId: id }, admin, NOW))).toBe('experiments.alreadyStopped');
    expect(await codeOf(startExperiment(db, id, admin, NOW))).toBe('experiments.notDraft');
  });
});

describe('experiment validation', () => {
  async function count() {
    const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(experiments);
    return n;
  }

  it('refuses bad experiments with a clear error and changes nothing', async () => {
    const all = await createPromotionRow(db, { name: 'Everything 5%', kind: 'percentage', value: 5 });
    const third = await createPromotionRow(db, { name: 'Also the product', kind: 'percentage', value: 15, target: 'product', targetId: shop.product.id });
    const make = (variants: { promotionId: number | null; weightPercent: number }[]) => codeOf(createExperiment(db, { name: 'X', variants }, admin, NOW));
    expect(await make([{ promotionId: percent.id, weightPercent: 60 }, { promotionId: fixed.id, weightPercent: 50 }])).toBe('experiments.weightsNot100');
    expect(await make([{ promotionId: percent.id, weightPercent: 100 }])).toBe('experiments.tooFewVariants');
    expect(await make([{ promotionId: percent.id, weightPercent: 50 }, { promotionId: percent.id, weightPercent: 50 }])).toBe('experiments.promotionTwice');
    expect(await make([{ promotionId: null, weightPercent: 50 }, { promotionId: null, weightPercent: 50 }])).toBe('experiments.controlTwice');
    expect(await make([{ promotionId: percent.id, weightPercent: 50 }, { promotionId: 99_999, weightPercent: 50 }])).toBe('notFound');
    expect(await count()).toBe(0);

    await fiftyFifty();
    // The same product in another draft/running experiment; and a promotion on everything overlaps all.
    expect(await make([{ promotionId: third.id, weightPercent: 50 }, { promotionId: null, weightPercent: 50 }])).toBe('experiments.overlap');
    expect(await make([{ promotionId: all.id, weightPercent: 50 }, { promotionId: null, weightPercent: 50 }])).toBe('experiments.overlap');
    expect(await count()).toBe(1);
    expect((await db.select().from(auditLog)).length).toBe(1);
  });
});
