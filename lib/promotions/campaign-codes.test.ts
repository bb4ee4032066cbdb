// Campaign codes (issue #10): generated single-use codes that redeem one promotion wherever a code is
// accepted — web cart, counter cart, checkout — used up at placement, given back on cancel.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { auditLog, carts, promotionCodes, promotionRedemptions, promotions } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { addToCart, applyPromotionCode, getOrCreateCounterCart, getOrCreateWebCart } from '@/lib/carts/mutations';
import { getPricedCart } from '@/lib/carts/queries';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { placeOrder, transitionOrder, type PlaceOrderInput } from '@/lib/orders/mutations';
import { createPromotionRow, createShop, createStaff, resetDatabase } from '@/lib/testing/fixtures';
import { CAMPAIGN_CODE_ALPHABET, campaignCodesCsv, generateCampaignCodes, listCampaignCodes } from './campaign-codes';
import { loadPromotionCandidates } from './candidates';
import { listPromotionsForAdmin } from './admin-promotions';
import { createPromotion } from './mutations';
import { generateCampaignCodesSchema } from './schemas';
import { promotionInput } from './testing';

let handle: DbHandle;
let db: Db;
let shop: Awaited<ReturnType<typeof createShop>>;
let admin: Actor;
let clerk: Actor;

const NOW = new Date('2026-05-01T10:00:00Z');
const CODE_RE = new RegExp(`^NEWS-[${CAMPAIGN_CODE_ALPHABET}]{8}$`);

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
}, 120_000);
afterAll(() => handle?.close());
beforeEach(async () => {
  await resetDatabase(db);
  shop = await createShop(db, { warehouse: 10, storeA: 10, storeB: 0 });
  admin = await createStaff(db, { role: 'admin', email: 'admin@example.com' });
  clerk = await createStaff(db, { role: 'clerk', email: 'clerk@example.com', locationId: shop.storeA.id });
});

async function errorCode(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  return (error as DomainError).code;
}

async function codesOf(promotionId: number): Promise<string[]> {
  return (await db.select({ code: promotionCodes.code }).from(promotionCodes).where(eq(promotionCodes.promotionId, promotionId))).map((r) => r.code);
}

/** A 10% promotion without a code of its own, and `count` campaign codes for it. */
async function campaign(count = 2) {
  const promotion = await createPromotionRow(db, { name: 'Newsletter', kind: 'percentage', value: 10 });
  await generateCampaignCodes(db, { promotionId: promotion.id, count, prefix: 'news' }, admin);
  return { promotion, codes: await codesOf(promotion.id) };
}

async function webCart() {
  const { cartId } = await getOrCreateWebCart(db, {});
  await addToCart(db, { cartId, variantId: shop.variant.id, quantity: 1 });
  return cartId;
}

async function counterCart(clerkActor: Actor = clerk) {
  const { cartId } = await getOrCreateCounterCart(db, { clerkUserId: clerkActor.userId, locationId: shop.storeA.id });
  await addToCart(db, { cartId, variantId: shop.variant.id, quantity: 1 });
  return cartId;
}

const webOrder = (cartId: string): PlaceOrderInput => ({ idempotencyKey: randomUUID(), channel: 'web', fulfilment: 'pickup', cartId, pickupLocationId: shop.storeA.id, email: 'eva@example.com', now: NOW });
const counterOrder = (cartId: string): PlaceOrderInput => ({ idempotencyKey: randomUUID(), channel: 'store', fulfilment: 'in_store', cartId, stockLocationId: shop.storeA.id, now: NOW });

describe('generating campaign codes', () => {
  it('makes N unique upper-case codes with the prefix, more on a second run, and records it in the audit log', async () => {
    const { promotion, codes } = await campaign(250);
    expect(codes).toHaveLength(250);
    expect(new Set(codes).size).toBe(250);
    expect(codes.every((c) => CODE_RE.test(c))).toBe(true);
    expect(await generateCampaignCodes(db, { promotionId: promotion.id, count: 100, prefix: 'NEWS' }, admin)).toEqual({ generated: 100 });
    const all = await codesOf(promotion.id);
    expect(new Set(all).size).toBe(350);
    const rows = await db.select({ usageLimit: promotionCodes.usageLimit, usedCount: promotionCodes.usedCount }).from(promotionCodes);
    expect(rows.every((r) => r.usageLimit === 1 && r.usedCount === 0)).toBe(true);
    expect(await db.select({ action: auditLog.action, entityId: auditLog.entityId }).from(auditLog)).toEqual([
      { action: 'promotion.codes_generated', entityId: String(promotion.id) },
      { action: 'promotion.codes_generated', entityId: String(promotion.id) },
    ]);
  });

  it('makes 10,000 codes at once, all different; without a prefix a code is the 8 random characters', async () => {
    const promotion = await createPromotionRow(db, { name: 'Big', kind: 'percentage', value: 5 });
    await generateCampaignCodes(db, { promotionId: promotion.id, count: 10_000, prefix: null }, admin);
    const codes = await codesOf(promotion.id);
    expect(new Set(codes).size).toBe(10_000);
    expect(codes.every((c) => new RegExp(`^[${CAMPAIGN_CODE_ALPHABET}]{8}$`).test(c))).toBe(true);
  }, 120_000);

  it('is collision-safe: a code already taken (a campaign code or a promotion’s own code) is drawn again', async () => {
    const other = await createPromotionRow(db, { name: 'Other', kind: 'percentage', value: 5, code: 'DUP-AAAAAAAA' });
    await db.insert(promotionCodes).values({ promotionId: other.id, code: 'DUP-BBBBBBBB' });
    const promotion = await createPromotionRow(db, { name: 'Mine', kind: 'percentage', value: 5 });
    // The first draw spells AAAAAAAA, the second BBBBBBBB, then the alphabet in turn.
    let n = 0;
    const draw = (size: number) => (n++ < 8 ? 0 : n <= 16 ? 1 : n % size);
    expect(await generateCampaignCodes(db, { promotionId: promotion.id, count: 3, prefix: 'DUP' }, admin, draw)).toEqual({ generated: 3 });
    const mine = await codesOf(promotion.id);
    expect(mine).toHaveLength(3);
    expect(mine).not.toContain('DUP-AAAAAAAA');
    expect(mine).not.toContain('DUP-BBBBBBBB');
  });

  it('is for admins only, and for a promotion that exists', async () => {
    const promotion = await createPromotionRow(db, { name: 'Newsletter', kind: 'percentage', value: 10 });
    expect(await errorCode(generateCampaignCodes(db, { promotionId: promotion.id, count: 1, prefix: null }, clerk))).toBe('forbidden');
    expect(await errorCode(generateCampaignCodes(db, { promotionId: promotion.id + 999, count: 1, prefix: null }, admin))).toBe('notFound');
    await expect(generateCampaignCodes(db, { promotionId: promotion.id, count: 10_001, prefix: null }, admin)).rejects.toThrow(RangeError);
    expect(await db.select().from(promotionCodes)).toEqual([]);
  });

  it('the form: 1..10,000 codes, a prefix of at most 12 letters and digits (upper-cased), or none', () => {
    expect(generateCampaignCodesSchema.parse({ promotionId: '5', count: '100', prefix: ' news ' })).toEqual({ promotionId: 5, count: 100, prefix: 'NEWS' });
    expect(generateCampaignCodesSchema.parse({ promotionId: '5', count: '1', prefix: '' })).toEqual({ promotionId: 5, count: 1, prefix: undefined });
    const messages = (input: Record<string, unknown>) => {
      const result = generateCampaignCodesSchema.safeParse(input);
      return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
    };
    expect(messages({ promotionId: '5', count: '0' })).toEqual({ count: 'validation.tooSmall' });
    expect(messages({ promotionId: '5', count: '10001' })).toEqual({ count: 'validation.tooBig' });
    expect(messages({ promotionId: '5', count: '10', prefix: 'news letter' })).toEqual({ prefix: 'validation.campaignPrefix' });
    expect(messages({ promotionId: '5', count: '10', prefix: 'ABCDEFGHIJKLM' })).toEqual({ prefix: 'validation.campaignPrefix' });
    expect(messages({ promotionId: '5', count: '10', usageLimit: '3' })).toEqual({ '': expect.any(String) }); // .strict(): no other fields
  });

  it('a promotion cannot take a campaign code as its own code', async () => {
    const { codes } = await campaign(1);
    expect(await errorCode(createPromotion(db, promotionInput({ name: 'Copy', code: codes[0] }), admin))).toBe('codeTaken');
  });

  it('exports the codes as CSV with their uses (admins only)', async () => {
    const { promotion, codes } = await campaign(3);
    const listed = await listCampaignCodes(db, promotion.id, admin);
    expect(listed.name).toBe('Newsletter');
    const csv = campaignCodesCsv(listed.codes);
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('code,used,usage_limit,created_at');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(codes);
    expect(lines.slice(1).every((l) => /^NEWS-\w{8},0,1,\d{4}-\d\d-\d\dT/.test(l))).toBe(true);
    expect(await errorCode(listCampaignCodes(db, promotion.id, clerk))).toBe('forbidden');
  });
});

describe('redeeming a campaign code', () => {
  it('prices like the promotion in the web and the counter cart; without a code a promotion with campaign codes does not apply', async () => {
    const { codes } = await campaign(2);
    const web = await webCart();
    expect((await getPricedCart(db, web, { now: NOW }))?.totals.totalCents).toBe(5000);
    expect(await applyPromotionCode(db, web, codes[0].toLowerCase(), NOW)).toEqual({ codes: [codes[0]] });
    expect((await getPricedCart(db, web, { now: NOW }))?.totals).toMatchObject({ discountCents: 500, totalCents: 4500 });
    const counter = await counterCart();
    expect(await applyPromotionCode(db, counter, codes[1], NOW)).toEqual({ codes: [codes[1]] });
    expect((await getPricedCart(db, counter, { now: NOW }))?.totals.totalCents).toBe(4500);
    // Not automatic anywhere (product pages load candidates without codes).
    expect((await loadPromotionCandidates(db, NOW)).map((c) => c.name)).toEqual([]);
  });

  it('the promotion’s own code keeps working beside its campaign codes; two codes of it apply once', async () => {
    const promotion = await createPromotionRow(db, { name: 'Spring', kind: 'percentage', value: 10, code: 'SPRING', combination: 'combinable' });
    await generateCampaignCodes(db, { promotionId: promotion.id, count: 1, prefix: 'SPR' }, admin);
    const [code] = await codesOf(promotion.id);
    const cart = await webCart();
    await applyPromotionCode(db, cart, 'spring', NOW);
    expect(await errorCode(applyPromotionCode(db, cart, code, NOW))).toBe('codeRefused.same_promotion');
    expect((await getPricedCart(db, cart, { now: NOW }))?.totals.totalCents).toBe(4500);
  });

  it('single use: the first order takes it; a second cart is told it is used up, and so is a checkout that still has it', async () => {
    const { promotion, codes } = await campaign(1);
    const first = await webCart();
    await applyPromotionCode(db, first, codes[0], NOW);
    const placed = await placeOrder(db, webOrder(first), null);
    expect(placed.totalCents).toBe(4500);
    const [code] = await db.select({ usedCount: promotionCodes.usedCount, id: promotionCodes.id }).from(promotionCodes);
    expect(code.usedCount).toBe(1);
    const [redemption] = await db.select({ code: promotionRedemptions.code, campaignCodeId: promotionRedemptions.campaignCodeId }).from(promotionRedemptions);
    expect(redemption).toEqual({ code: codes[0], campaignCodeId: code.id });
    const [row] = await db.select({ usedCount: promotions.usedCount }).from(promotions).where(eq(promotions.id, promotion.id));
    expect(row.usedCount).toBe(1);
    expect(await listPromotionsForAdmin(db, { now: NOW })).toMatchObject([{ id: promotion.id, usedCount: 1, campaignCodesGenerated: 1, campaignCodesUsed: 1 }]);

    // A second cart (web, then counter) cannot add it …
    const second = await webCart();
    expect(await errorCode(applyPromotionCode(db, second, codes[0], NOW))).toBe('codeRefused.used_up');
    const counter = await counterCart();
    expect(await errorCode(applyPromotionCode(db, counter, codes[0], NOW))).toBe('codeRefused.used_up');
    // … and a cart that took it before the first order was placed is stopped at checkout, before paying.
    await db.update(carts).set({ promotionCodes: [codes[0]] }).where(eq(carts.id, counter));
    expect(await errorCode(placeOrder(db, counterOrder(counter), clerk))).toBe('codeRefused.used_up');
    await db.update(carts).set({ promotionCodes: [codes[0]] }).where(eq(carts.id, second));
    expect(await errorCode(placeOrder(db, webOrder(second), null))).toBe('codeRefused.used_up');
  });

  it('cancelling the order gives the code’s use back: it redeems again', async () => {
    const { codes } = await campaign(1);
    const first = await counterCart();
    await applyPromotionCode(db, first, codes[0], NOW);
    const placed = await placeOrder(db, counterOrder(first), clerk);
    await transitionOrder(db, { orderId: placed.orderId, to: 'cancelled', actor: admin });
    const [code] = await db.select({ usedCount: promotionCodes.usedCount }).from(promotionCodes);
    expect(code.usedCount).toBe(0);
    const again = await webCart();
    expect(await applyPromotionCode(db, again, codes[0], NOW)).toEqual({ codes: [codes[0]] });
    expect((await placeOrder(db, webOrder(again), null)).totalCents).toBe(4500);
  });

  it('an ended promotion’s campaign code is refused as expired, a scheduled one’s as not yet valid', async () => {
    const ended = await createPromotionRow(db, { name: 'Old', kind: 'percentage', value: 10, startsAt: new Date('2026-01-01T00:00:00Z'), endsAt: new Date('2026-02-01T00:00:00Z') });
    const later = await createPromotionRow(db, { name: 'Later', kind: 'percentage', value: 10, startsAt: new Date('2026-06-01T00:00:00Z') });
    await generateCampaignCodes(db, { promotionId: ended.id, count: 1, prefix: 'OLD' }, admin);
    await generateCampaignCodes(db, { promotionId: later.id, count: 1, prefix: 'LATER' }, admin);
    const cart = await webCart();
    expect(await errorCode(applyPromotionCode(db, cart, (await codesOf(ended.id))[0], NOW))).toBe('codeRefused.expired');
    expect(await errorCode(applyPromotionCode(db, cart, (await codesOf(later.id))[0], NOW))).toBe('codeRefused.not_yet_valid');
  });
});
