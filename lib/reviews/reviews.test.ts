/**
 * Reviews (S10) on a real database: who may review (a verified buyer of any channel, through the one
 * profile), one review per customer per product, bad input refused with nothing changed, moderation,
 * the aggregates computed in SQL, and the profile's life cycle (merge, export, erase).
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { auditLog, customers, orderLines, productReviews } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { eraseCustomer } from '@/lib/customers/erase';
import { exportCustomer } from '@/lib/customers/export';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { mergeProfileInto } from '@/lib/identity/profile-merge';
import { createCustomerActor, createProduct, createShop, createStaff, createVariant, receiveStock, resetDatabase } from '@/lib/testing/fixtures';
import { moderateReview, writeReview } from './mutations';
import { getDisplayProduct } from './display';
import { getCounterReviewBadges, getMyReviewState, getReviewSummaries, getReviewSummary, listProductReviews, listReviewsForAdmin, reviewLinksForVariants } from './queries';
import { moderateReviewSchema, REVIEW_BODY_MAX, writeReviewSchema } from './schemas';
import { buyAtCounter, buyOnline, returnEverything } from './testing';
import { isVerifiedBuyer } from './verified-buyer';

let handle: DbHandle;
let db: Db;
let shop: Awaited<ReturnType<typeof createShop>>;
let anna: Actor;
let bram: Actor;
let clerk: Actor;
let admin: Actor;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
});
afterAll(() => handle?.close());
beforeEach(async () => {
  await resetDatabase(db);
  shop = await createShop(db, { warehouse: 20, storeA: 20, storeB: 5 });
  anna = await createCustomerActor(db, 'anna@example.com');
  bram = await createCustomerActor(db, 'bram@example.com');
  clerk = await createStaff(db, { role: 'clerk', email: 'clerk@example.com', locationId: shop.storeA.id });
  admin = await createStaff(db, { role: 'admin', email: 'admin@example.com' });
});

const review = (input: Partial<{ rating: number; title: string; body: string }> = {}) => ({ productId: shop.product.id, rating: 5, ...input });
const codeOf = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'no error';
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
};
const allReviews = () => db.select().from(productReviews).orderBy(productReviews.id);
/** Writes a review and has the admin approve it: what shoppers see. */
const writeApproved = async (...args: Parameters<typeof writeReview>) => {
  const written = await writeReview(...args);
  await moderateReview(db, { reviewId: written.reviewId, decision: 'approve' }, admin);
  return written;
};

describe('bad input is refused with a localized message (validation.* keys in both languages)', () => {
  const issues = (input: unknown) => writeReviewSchema.safeParse(input).error?.issues.map((i) => `${String(i.path[0])}:${i.message}`);

  it('a rating outside 1–5, not a whole number, or missing', () => {
    expect(issues({ productId: '1', rating: '0' })).toEqual(['rating:validation.reviews.rating']);
    expect(issues({ productId: '1', rating: '6' })).toEqual(['rating:validation.reviews.rating']);
    expect(issues({ productId: '1', rating: '4.5' })).toEqual(['rating:validation.reviews.rating']);
    expect(issues({ productId: '1' })?.[0]).toMatch(/^rating:/);
  });

  it('too long, markup, half a character, unknown fields (the customer is never a field)', () => {
    expect(issues({ productId: '1', rating: '5', title: 'x'.repeat(121) })).toEqual(['title:validation.reviews.titleTooLong']);
    expect(issues({ productId: '1', rating: '5', body: 'x'.repeat(REVIEW_BODY_MAX + 1) })).toEqual(['body:validation.reviews.bodyTooLong']);
    expect(issues({ productId: '1', rating: '5', body: 'Nice <script>alert(1)</script>' })).toEqual(['body:validation.reviews.markup']);
    expect(issues({ productId: '1', rating: '5', title: '< img src=x onerror=alert(1)>' })).toEqual(['title:validation.reviews.markup']);
    expect(issues({ productId: '1', rating: '5', body: 'a\ud800b' })).toEqual(['body:validation.invalid']);
    expect(writeReviewSchema.safeParse({ productId: '1', rating: '5', customerId: '2' }).success).toBe(false);
    expect(writeReviewSchema.safeParse({ productId: '1', rating: '5', status: 'published' }).success).toBe(false);
    expect(moderateReviewSchema.safeParse({ reviewId: '1', status: 'deleted' }).success).toBe(false);
    expect(moderateReviewSchema.safeParse({ reviewId: '1', decision: 'approve' }).success).toBe(true);
    const reject = (reason?: string) => moderateReviewSchema.safeParse({ reviewId: '1', decision: 'reject', reason }).error?.issues.map((i) => `${String(i.path[0])}:${i.message}`);
    expect(reject(undefined)).toEqual(['reason:validation.reviews.rejectReason']);
    expect(reject('   ')).toEqual(['reason:validation.reviews.rejectReason']);
    expect(reject('x'.repeat(301))).toEqual(['reason:validation.reviews.rejectReasonTooLong']);
    expect(reject('Not about the product')).toBeUndefined();
  });

  it('keeps plain text as typed (trimmed), blank fields become none, "<3" and "a < b" are text', () => {
    expect(writeReviewSchema.parse({ productId: '7', rating: '4', title: '  Fits  ', body: ' ' })).toEqual({ productId: 7, rating: 4, title: 'Fits' });
    expect(writeReviewSchema.parse({ productId: '7', rating: '3', body: 'I <3 it, size 42 < 43 & "quotes"' }).body).toBe('I <3 it, size 42 < 43 & "quotes"');
  });
});

describe('only a verified buyer may review: any channel, through the one profile', () => {
  it('a paid web order makes a buyer; an unpaid one, another product or nothing does not', async () => {
    const other = await createProduct(db, { categoryId: shop.category.id, slug: 'trail-sock', nameEn: 'Trail Sock', nameNl: 'Trailsok' });
    await createVariant(db, { productId: other.id, sku: 'TR-SOCK', priceCents: 900 });
    await buyOnline(db, bram, shop.variant.id, shop.storeA.id, { paid: false });
    expect(await isVerifiedBuyer(db, bram.customerId!, shop.product.id)).toBe(false);
    expect(await codeOf(writeReview(db, review(), bram, 'en'))).toBe('reviews.notVerifiedBuyer');

    await buyOnline(db, anna, shop.variant.id, shop.storeA.id);
    expect(await isVerifiedBuyer(db, anna.customerId!, shop.product.id)).toBe(true);
    expect(await isVerifiedBuyer(db, anna.customerId!, other.id)).toBe(false);
    expect(await codeOf(writeReview(db, { productId: other.id, rating: 5 }, anna, 'en'))).toBe('reviews.notVerifiedBuyer');
    expect(await allReviews()).toEqual([]);
  });

  it('a counter sale with the customer attached counts (another variant of the product too); a walk-in sale makes nobody a buyer', async () => {
    const red = await createVariant(db, { productId: shop.product.id, sku: 'TR-42-RED', priceCents: 5000, color: 'Red' });
    await receiveStock(db, red.id, shop.storeA.id, 3);
    await buyAtCounter(db, clerk, null, shop.variant.id);
    expect(await isVerifiedBuyer(db, bram.customerId!, shop.product.id)).toBe(false);

    await buyAtCounter(db, clerk, bram.customerId!, red.id);
    expect(await isVerifiedBuyer(db, bram.customerId!, shop.product.id)).toBe(true);
    await writeReview(db, review({ rating: 4, body: 'Bought it in Amsterdam.' }), bram, 'nl');
    expect(await allReviews()).toMatchObject([{ customerId: bram.customerId, rating: 4, locale: 'nl', verifiedBuyer: true, purchaseChannel: 'store', status: 'pending' }]);
  });

  it('a fully returned purchase no longer counts; a partly returned one does', async () => {
    const orderId = await buyOnline(db, anna, shop.variant.id, shop.storeA.id, { quantity: 2 });
    await db.update(orderLines).set({ returnedQuantity: 1 }).where(eq(orderLines.orderId, orderId));
    expect(await isVerifiedBuyer(db, anna.customerId!, shop.product.id)).toBe(true);
    await returnEverything(db, orderId);
    expect(await codeOf(writeReview(db, review(), anna, 'en'))).toBe('reviews.notVerifiedBuyer');
    // Bought again at the counter: a buyer once more.
    await buyAtCounter(db, clerk, anna.customerId!, shop.variant.id);
    expect(await codeOf(writeReview(db, review(), anna, 'en'))).toBe('no error');
  });

  it('a counter purchase on a profile the clerk made, merged into the account, lets the account review', async () => {
    const [walkIn] = await db.insert(customers).values({ name: 'Anna at the counter', phone: '+31611111111' }).returning({ id: customers.id });
    await buyAtCounter(db, clerk, walkIn.id, shop.variant.id);
    expect(await codeOf(writeReview(db, review(), anna, 'en'))).toBe('reviews.notVerifiedBuyer');
    await db.transaction((tx) => mergeProfileInto(tx, { from: walkIn.id, into: anna.customerId!, userId: anna.userId }));
    expect(await codeOf(writeReview(db, review(), anna, 'en'))).toBe('no error');
  });

  it('staff cannot review, and an unknown or inactive product is not found', async () => {
    expect(await codeOf(writeReview(db, review(), clerk, 'en'))).toBe('forbidden');
    expect(await codeOf(writeReview(db, review(), admin, 'en'))).toBe('forbidden');
    expect(await codeOf(writeReview(db, { productId: 999_999, rating: 5 }, anna, 'en'))).toBe('notFound');
  });
});

describe('one review per customer per product', () => {
  it('writing again replaces the review (no second row); the page knows it is theirs', async () => {
    await buyOnline(db, anna, shop.variant.id, shop.storeA.id);
    expect(await writeReview(db, review({ rating: 2, title: 'Too small' }), anna, 'en')).toMatchObject({ replaced: false });
    expect(await writeReview(db, review({ rating: 4, body: 'Better in 43.' }), anna, 'nl')).toMatchObject({ replaced: true });
    expect(await allReviews()).toMatchObject([{ rating: 4, title: null, body: 'Better in 43.', locale: 'nl' }]);
    expect(await getMyReviewState(db, shop.product.id, anna)).toEqual({
      canReview: true,
      mine: { rating: 4, title: null, body: 'Better in 43.', status: 'pending', rejectReason: null },
    });
    expect(await getMyReviewState(db, shop.product.id, bram)).toEqual({ canReview: false, mine: null });
    expect(await getMyReviewState(db, shop.product.id, null)).toEqual({ canReview: false, mine: null });
  });

  it('two posts at once make one review', async () => {
    await buyOnline(db, anna, shop.variant.id, shop.storeA.id);
    await Promise.all([writeReview(db, review({ rating: 1 }), anna, 'en'), writeReview(db, review({ rating: 5 }), anna, 'en')]);
    expect(await allReviews()).toHaveLength(1);
  });
});

describe('moderation (admins only): nothing shows before approval', () => {
  it('pending shows nowhere; approve publishes; reject with a reason hides it and tells the author; a rewrite waits again; audited', async () => {
    await buyOnline(db, anna, shop.variant.id, shop.storeA.id);
    const { reviewId } = await writeReview(db, review({ rating: 1, title: 'Meh' }), anna, 'en');
    expect(await listProductReviews(db, shop.product.id)).toEqual([]);
    expect(await getReviewSummary(db, shop.product.id)).toMatchObject({ count: 0 });
    expect(await listReviewsForAdmin(db, admin, { status: 'pending', locale: 'en' })).toMatchObject([{ id: reviewId, status: 'pending', purchaseChannel: 'web' }]);

    expect(await codeOf(moderateReview(db, { reviewId, decision: 'approve' }, clerk))).toBe('forbidden');
    expect(await codeOf(moderateReview(db, { reviewId, decision: 'approve' }, anna))).toBe('forbidden');
    expect(await codeOf(moderateReview(db, { reviewId: 999_999, decision: 'approve' }, admin))).toBe('notFound');
    expect((await allReviews())[0].status).toBe('pending');

    await moderateReview(db, { reviewId, decision: 'approve' }, admin);
    expect(await listProductReviews(db, shop.product.id)).toMatchObject([{ id: reviewId, purchaseChannel: 'web' }]);
    expect(await getReviewSummary(db, shop.product.id)).toMatchObject({ count: 1, average: 1 });

    await moderateReview(db, { reviewId, decision: 'reject', reason: 'Please describe the product.' }, admin);
    expect(await listProductReviews(db, shop.product.id)).toEqual([]);
    expect(await getReviewSummary(db, shop.product.id)).toMatchObject({ count: 0, average: 0 });
    expect((await getMyReviewState(db, shop.product.id, anna)).mine).toMatchObject({ status: 'rejected', rejectReason: 'Please describe the product.' });
    expect(await listReviewsForAdmin(db, admin, { status: 'rejected', locale: 'en' })).toMatchObject([{ id: reviewId, productName: 'Trail Runner' }]);

    // Rewriting is no way around moderation: it waits for approval again, without the old reason.
    await writeReview(db, review({ rating: 3, body: 'Runs small, nice grip.' }), anna, 'en');
    expect((await allReviews())[0]).toMatchObject({ status: 'pending', rejectReason: null, moderatedAt: null });
    expect(await listProductReviews(db, shop.product.id)).toEqual([]);

    await moderateReview(db, { reviewId, decision: 'approve' }, admin);
    expect(await listProductReviews(db, shop.product.id)).toMatchObject([{ rating: 3 }]);
    const audit = await db.select({ action: auditLog.action, after: auditLog.after }).from(auditLog).orderBy(auditLog.id);
    expect(audit.map((a) => a.action)).toEqual(['review.approved', 'review.rejected', 'review.approved']);
    expect(audit[1].after).toEqual({ status: 'rejected', rejectReason: 'Please describe the product.' });
    expect(await codeOf(listReviewsForAdmin(db, clerk, { locale: 'en' }))).toBe('forbidden');
  });
});

describe('aggregates, computed in SQL', () => {
  it('average (one decimal), count and distribution of the published reviews, per product; newest first', async () => {
    const people = [anna, bram, ...(await Promise.all(['c@example.com', 'd@example.com'].map((e) => createCustomerActor(db, e))))];
    const ratings = [5, 4, 4, 2];
    for (const [i, person] of people.entries()) {
      await buyOnline(db, person, shop.variant.id, shop.storeA.id);
      await writeApproved(db, review({ rating: ratings[i], title: `Review ${i}` }), person, 'en');
    }
    const other = await createProduct(db, { categoryId: shop.category.id, slug: 'cap', nameEn: 'Cap', nameNl: 'Pet' });
    const summaries = await getReviewSummaries(db, [shop.product.id, other.id]);
    // (5 + 4 + 4 + 2) / 4 = 3.75 → 3.8
    expect(summaries.get(shop.product.id)).toEqual({ productId: shop.product.id, average: 3.8, count: 4, distribution: [0, 1, 0, 2, 1] });
    expect(summaries.get(other.id)).toEqual({ productId: other.id, average: 0, count: 0, distribution: [0, 0, 0, 0, 0] });

    const [dReview] = await db.select({ id: productReviews.id }).from(productReviews).where(eq(productReviews.rating, 2));
    await moderateReview(db, { reviewId: dReview.id, decision: 'reject', reason: 'Off topic' }, admin);
    // (5 + 4 + 4) / 3 = 4.33 → 4.3
    expect(await getReviewSummary(db, shop.product.id)).toMatchObject({ average: 4.3, count: 3, distribution: [0, 0, 0, 2, 1] });

    const list = await listProductReviews(db, shop.product.id);
    expect(list.map((r) => r.title)).toEqual(['Review 2', 'Review 1', 'Review 0']);
    expect(list[0]).toMatchObject({ verifiedBuyer: true, authorFirstName: 'c' });
    expect(list[0]).not.toHaveProperty('customerId');
    expect(await listProductReviews(db, shop.product.id, { limit: 1 })).toHaveLength(1);
  });
});

describe("the customer's data: merge, GDPR export and erase", () => {
  it('a profile merge keeps the newer review where both reviewed the product, and moves the rest', async () => {
    const cap = await createProduct(db, { categoryId: shop.category.id, slug: 'cap', nameEn: 'Cap', nameNl: 'Pet' });
    const capVariant = await createVariant(db, { productId: cap.id, sku: 'CAP-1', priceCents: 1500 });
    await receiveStock(db, capVariant.id, shop.storeA.id, 5);
    const [walkIn] = await db.insert(customers).values({ name: 'Anna', phone: '+31622222222' }).returning({ id: customers.id });
    await buyOnline(db, anna, shop.variant.id, shop.storeA.id);
    await writeReview(db, review({ rating: 2, title: 'old' }), anna, 'en');
    await buyAtCounter(db, clerk, walkIn.id, shop.variant.id);
    await buyAtCounter(db, clerk, walkIn.id, capVariant.id);
    // Reviews the counter profile held (written while it was its own account's, say).
    await db.insert(productReviews).values([
      { productId: shop.product.id, customerId: walkIn.id, rating: 5, title: 'new', locale: 'nl' },
      { productId: cap.id, customerId: walkIn.id, rating: 3, title: 'cap', locale: 'nl' },
    ]);
    await db.transaction((tx) => mergeProfileInto(tx, { from: walkIn.id, into: anna.customerId!, userId: anna.userId }));
    const rows = await allReviews();
    expect(rows.map((r) => [r.customerId, r.productId, r.title]).sort()).toEqual(
      [
        [anna.customerId, shop.product.id, 'new'],
        [anna.customerId, cap.id, 'cap'],
      ].sort(),
    );
  });

  it('the export holds the reviews; the erase deletes them', async () => {
    await buyOnline(db, anna, shop.variant.id, shop.storeA.id);
    await writeReview(db, review({ rating: 4, title: 'Mine', body: 'My words.' }), anna, 'en');
    await buyOnline(db, bram, shop.variant.id, shop.storeA.id);
    await writeReview(db, review({ rating: 3 }), bram, 'en');

    const exported = await exportCustomer(db, { customerId: anna.customerId! }, admin);
    expect(exported.reviews).toMatchObject([{ productSlug: shop.product.slug, rating: 4, title: 'Mine', body: 'My words.', status: 'pending' }]);

    const result = await eraseCustomer(db, { customerId: anna.customerId! }, admin);
    expect(result.reviews).toBe(1);
    expect((await allReviews()).map((r) => r.customerId)).toEqual([bram.customerId]);
  });
});

describe('what the counter, the in-store display and the order page show', () => {
  it('the counter: average and count per product, and the display page slug', async () => {
    await buyAtCounter(db, clerk, anna.customerId!, shop.variant.id);
    await writeApproved(db, review({ rating: 4 }), anna, 'nl');
    await buyOnline(db, bram, shop.variant.id, shop.storeA.id);
    await writeApproved(db, review({ rating: 5 }), bram, 'en');
    const cap = await createProduct(db, { categoryId: shop.category.id, slug: 'cap', nameEn: 'Cap', nameNl: 'Pet' });
    expect(await getCounterReviewBadges(db, [shop.product.id, shop.product.id, cap.id])).toEqual({
      [shop.product.id]: { slug: 'trail-runner', average: 4.5, count: 2 },
      [cap.id]: { slug: 'cap', average: 0, count: 0 },
    });
    expect(await getCounterReviewBadges(db, [])).toEqual({});
  });

  it('the in-store display: product, price from the one price function, average, latest reviews, a QR; unknown slug → null', async () => {
    await buyOnline(db, anna, shop.variant.id, shop.storeA.id);
    await writeApproved(db, review({ rating: 3, title: 'Okay', body: 'Runs small.' }), anna, 'en');
    const shown = await getDisplayProduct(db, 'trail-runner', 'en');
    expect(shown).toMatchObject({
      name: 'Trail Runner',
      price: { unitPriceCents: 5000, finalUnitCents: 5000 },
      priceVaries: false,
      summary: { average: 3, count: 1 },
      reviews: [{ title: 'Okay', body: 'Runs small.', verifiedBuyer: true, purchaseChannel: 'web' }],
    });
    expect(shown!.productUrl).toMatch(/\/products\/trail-runner$/);
    expect(shown!.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect(await getDisplayProduct(db, 'no-such-thing', 'en')).toBeNull();
  });

  it('the order page links "Write a review" for what the signed-in customer bought, for nobody else', async () => {
    await buyOnline(db, anna, shop.variant.id, shop.storeA.id);
    expect(await reviewLinksForVariants(db, anna, [shop.variant.id])).toEqual({ [shop.variant.id]: 'trail-runner' });
    expect(await reviewLinksForVariants(db, bram, [shop.variant.id])).toEqual({});
    expect(await reviewLinksForVariants(db, null, [shop.variant.id])).toEqual({});
    expect(await reviewLinksForVariants(db, clerk, [shop.variant.id])).toEqual({});
  });
});
