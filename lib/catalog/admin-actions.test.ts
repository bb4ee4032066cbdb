/**
 * The admin catalog actions below the browser: FormData-shaped input → wrapper → zod → mutation, on a
 * real database. Bad input (wrong EAN check digit, duplicate SKU, negative price, a taken slug) gets a
 * localized message on its field and changes nothing; every write leaves one audit row with the
 * changed fields before and after. Other roles are refused by lib/security's matrix.
 */
import { createTranslator } from 'next-intl';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { createTestDatabase } from '@/db/testing';
import { auditLog, categories, priceChanges, products, variants } from '@/db/schema';
import { callAction } from '@/lib/testing/call-action';
import { MESSAGES } from '@/lib/i18n/messages';
import { createShop, createStaff, resetDatabase } from '@/lib/testing/fixtures';
import { validEan } from './testing';

const state = vi.hoisted(() => ({ db: null as unknown, actor: null as unknown }));

vi.mock('@/lib/auth/session', async () => ({
  ADMIN_ROLES: ['admin'],
  COUNTER_ROLES: ['clerk', 'admin'],
  getActor: async () => state.actor,
  authorize: async () => state.actor,
}));
vi.mock('@/lib/db', () => ({ getDb: () => state.db }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
vi.mock('@/lib/i18n/translate', () => ({
  getTranslator: async () => ({ locale: 'en', t: createTranslator({ locale: 'en', messages: MESSAGES.en }) }),
}));

const { createProductAction, updateProductAction, createVariantAction, updateVariantAction, setVariantActiveAction } = await import('./product-actions');
const { createCategoryAction, updateCategoryAction, moveCategoryAction } = await import('./category-actions');
const { schedulePriceChangeAction, cancelPriceChangeAction } = await import('./price-change-actions');
const { loadPriceLines } = await import('./queries');

let handle: DbHandle;
let db: Db;
let shop: Awaited<ReturnType<typeof createShop>>;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  state.db = db;
});
afterAll(() => handle?.close());
beforeEach(async () => {
  await resetDatabase(db);
  shop = await createShop(db);
  state.actor = await createStaff(db, { role: 'admin', email: 'admin@example.com' });
});

const productForm = () => ({
  nameNl: 'Wandelschoen',
  nameEn: 'Hiking Shoe',
  descriptionNl: 'Stevig.',
  descriptionEn: 'Sturdy.',
  brand: 'Acme',
  slug: 'hiking-shoe',
  categoryId: String(shop.category.id),
  taxClass: 'standard',
  active: 'on',
});
const variantForm = (over: Record<string, string> = {}) => ({
  productId: String(shop.product.id),
  size: '43',
  color: 'Navy',
  sku: 'tr-43-nvy',
  ean: validEan('871234567890'),
  price: '89,95',
  active: 'on',
  ...over,
});

const audits = () => db.select().from(auditLog).orderBy(asc(auditLog.id));
const variantCount = async () => (await db.select({ id: variants.id }).from(variants)).length;

describe('products', () => {
  it('creates a product, goes to its page and audits it', async () => {
    const result = await callAction(createProductAction, productForm());
    const [row] = await db.select().from(products).where(eq(products.slug, 'hiking-shoe'));
    expect(result).toEqual({ redirected: `/admin/products/${row.id}?saved=product` });
    expect(row).toMatchObject({ nameEn: 'Hiking Shoe', nameNl: 'Wandelschoen', active: true, taxClass: 'standard', imagePath: '/products/placeholder.svg' });
    const [audit] = await audits();
    expect(audit).toMatchObject({ action: 'product.created', entityType: 'product', entityId: String(row.id), actorRole: 'admin' });
    expect(audit.after).toMatchObject({ slug: 'hiking-shoe', nameEn: 'Hiking Shoe' });
  });

  it('refuses a taken slug, a bad slug and missing names on their fields; nothing is written', async () => {
    expect(await callAction(createProductAction, { ...productForm(), slug: shop.product.slug })).toMatchObject({
      ok: false,
      fieldErrors: { slug: [`Another product already uses the slug “${shop.product.slug}”.`] },
    });
    const bad = await callAction(createProductAction, { ...productForm(), slug: 'Hiking Shoe!', nameEn: '  ' });
    expect(bad).toMatchObject({
      ok: false,
      fieldErrors: { slug: ['Use lower-case letters, digits and hyphens only, e.g. trail-runner.'], nameEn: ['This field is required.'] },
    });
    expect(await db.select({ id: products.id }).from(products)).toHaveLength(1);
    expect(await audits()).toHaveLength(0);
  });

  it('edits a product: the audit row holds only the changed fields, before and after; unchecked active takes it out of the shop', async () => {
    const { active: _active, ...rest } = productForm();
    void _active;
    const result = await callAction(updateProductAction, { ...rest, id: String(shop.product.id), slug: shop.product.slug, nameEn: 'Trail Runner Pro' });
    expect(result).toMatchObject({ ok: true, message: 'Product saved.' });
    const [audit] = await audits();
    expect(audit.action).toBe('product.updated');
    expect(audit.before).toEqual({ nameEn: 'Trail Runner', nameNl: 'Trailloper', descriptionNl: '', descriptionEn: '', active: true });
    expect(audit.after).toEqual({ nameEn: 'Trail Runner Pro', nameNl: 'Wandelschoen', descriptionNl: 'Stevig.', descriptionEn: 'Sturdy.', active: false });
  });
});

describe('variants', () => {
  it('adds a variant: SKU upper-case, colour as typed, "89,95" and "89.95" both 8995 cents', async () => {
    expect(await callAction(createVariantAction, variantForm())).toEqual({ redirected: `/admin/products/${shop.product.id}?saved=variant` });
    expect(await callAction(createVariantAction, variantForm({ sku: 'TR-44-NVY', ean: validEan('871234567891'), price: '89.95' }))).toMatchObject({
      redirected: expect.any(String),
    });
    const rows = await db.select().from(variants).where(eq(variants.productId, shop.product.id)).orderBy(asc(variants.id));
    expect(rows.slice(1).map((v) => [v.sku, v.color, v.priceCents])).toEqual([
      ['TR-43-NVY', 'Navy', 8995],
      ['TR-44-NVY', 'Navy', 8995],
    ]);
    const created = (await audits()).filter((a) => a.action === 'variant.created');
    expect(created).toHaveLength(2);
    expect(created[0].after).toMatchObject({ sku: 'TR-43-NVY', priceCents: 8995 });
  });

  it('refuses a wrong EAN check digit, a duplicate SKU and a negative price with clear messages; nothing is written', async () => {
    const good = validEan('871234567890');
    const wrongDigit = `${good.slice(0, 12)}${(Number(good[12]) + 1) % 10}`;
    expect(await callAction(createVariantAction, variantForm({ ean: wrongDigit }))).toMatchObject({
      ok: false,
      fieldErrors: { ean: ['This EAN-13 has a wrong check digit: check the number on the barcode.'] },
    });
    expect(await callAction(createVariantAction, variantForm({ ean: '12345' }))).toMatchObject({ fieldErrors: { ean: ['An EAN-13 has exactly 13 digits.'] } });
    expect(await callAction(createVariantAction, variantForm({ sku: shop.variant.sku.toLowerCase() }))).toMatchObject({
      ok: false,
      fieldErrors: { sku: [`SKU ${shop.variant.sku} is already in use by another variant.`] },
    });
    expect(await callAction(createVariantAction, variantForm({ price: '-5,00' }))).toMatchObject({
      ok: false,
      fieldErrors: { price: ['A price cannot be negative.'] },
    });
    expect(await callAction(createVariantAction, variantForm({ price: '12,3x' }))).toMatchObject({ fieldErrors: { price: ['Enter a price such as 89,95.'] } });
    expect(await variantCount()).toBe(1);
    expect(await audits()).toHaveLength(0);
  });

  it('refuses an EAN that another variant already has', async () => {
    await callAction(createVariantAction, variantForm());
    expect(await callAction(createVariantAction, variantForm({ sku: 'TR-45-NVY' }))).toMatchObject({
      ok: false,
      fieldErrors: { ean: [`EAN ${validEan('871234567890')} is already in use by another variant.`] },
    });
    expect(await variantCount()).toBe(2);
  });

  it('the same checks on edit: a duplicate SKU of another variant is refused, the variant unchanged', async () => {
    await callAction(createVariantAction, variantForm());
    const [, second] = await db.select().from(variants).orderBy(asc(variants.id));
    const before = await audits();
    const { productId: _productId, ...edit } = variantForm({ sku: shop.variant.sku });
    void _productId;
    const refused = await callAction(updateVariantAction, { ...edit, id: String(second.id) });
    expect(refused).toMatchObject({ ok: false, fieldErrors: { sku: [`SKU ${shop.variant.sku} is already in use by another variant.`] } });
    const [again] = await db.select().from(variants).where(eq(variants.id, second.id));
    expect(again.sku).toBe('TR-43-NVY');
    expect(await audits()).toHaveLength(before.length);
  });

  it('a new price takes effect at once, closes a started scheduled change and is audited with before/after', async () => {
    const past = new Date(Date.now() - 60_000);
    await db.insert(priceChanges).values({ variantId: shop.variant.id, priceCents: 4000, startsAt: past });
    const form = { id: String(shop.variant.id), size: '42', color: 'black', sku: shop.variant.sku, ean: validEan('871234567892'), price: '45,50', active: 'on' };
    expect(await callAction(updateVariantAction, form)).toMatchObject({ ok: true, message: 'Variant saved.' });
    const [line] = await loadPriceLines(db, [{ variantId: shop.variant.id, quantity: 1 }], 'en', new Date());
    expect(line.unitPriceCents).toBe(4550);
    const [closed] = await db.select().from(priceChanges);
    expect(closed.cancelledAt).not.toBeNull();
    const [audit] = (await audits()).filter((a) => a.action === 'variant.updated');
    expect(audit.before).toMatchObject({ priceCents: 4000 });
    expect(audit.after).toMatchObject({ priceCents: 4550 });
    expect(audit.summary).toContain('€ 40,00 → € 45,50');
  });

  it('takes a variant out of sale and back, each audited once', async () => {
    expect(await callAction(setVariantActiveAction, { id: String(shop.variant.id), active: 'false' })).toMatchObject({ ok: true });
    expect(await callAction(setVariantActiveAction, { id: String(shop.variant.id), active: 'false' })).toMatchObject({ ok: true });
    expect(await callAction(setVariantActiveAction, { id: String(shop.variant.id), active: 'true' })).toMatchObject({ ok: true });
    expect((await audits()).map((a) => [a.action, a.before, a.after])).toEqual([
      ['variant.deactivated', { active: true }, { active: false }],
      ['variant.activated', { active: false }, { active: true }],
    ]);
  });
});

describe('categories', () => {
  it('creates, renames and reorders categories, audited; a taken slug is refused', async () => {
    expect(await callAction(createCategoryAction, { nameNl: 'Tassen', nameEn: 'Bags', slug: 'bags' })).toMatchObject({ ok: true });
    expect(await callAction(createCategoryAction, { nameNl: 'Tassen', nameEn: 'Bags', slug: 'bags' })).toMatchObject({
      ok: false,
      fieldErrors: { slug: ['Another category already uses the slug “bags”.'] },
    });
    const bags = (await db.select().from(categories).where(eq(categories.slug, 'bags')))[0];
    expect(await callAction(updateCategoryAction, { id: String(bags.id), nameNl: 'Tassen', nameEn: 'Bags & totes', slug: 'bags' })).toMatchObject({ ok: true });
    expect(await callAction(moveCategoryAction, { id: String(bags.id), direction: 'up' })).toMatchObject({ ok: true });
    const order = await db.select({ slug: categories.slug }).from(categories).orderBy(asc(categories.sortOrder));
    expect(order.map((c) => c.slug)).toEqual(['bags', 'shoes']);
    expect((await audits()).map((a) => a.action)).toEqual(['category.created', 'category.updated', 'category.moved']);
    const [, renamed, moved] = await audits();
    expect([renamed.before, renamed.after]).toEqual([{ nameEn: 'Bags' }, { nameEn: 'Bags & totes' }]);
    expect([moved.before, moved.after]).toEqual([{ position: 2 }, { position: 1 }]);
  });
});

describe('scheduled prices through the actions', () => {
  it('schedules and cancels, audited; a DST-skipped time and a negative price are refused on their fields', async () => {
    const refused = await callAction(schedulePriceChangeAction, { variantId: String(shop.variant.id), startsAt: '2099-03-29T02:30', price: '-1' });
    expect(refused).toMatchObject({ ok: false, fieldErrors: { price: ['A price cannot be negative.'] } });
    const gap = await callAction(schedulePriceChangeAction, { variantId: String(shop.variant.id), startsAt: '2099-03-29T02:30', price: '39,95' });
    expect(gap).toMatchObject({
      ok: false,
      fieldErrors: { startsAt: ['2099-03-29 02:30 does not exist in Amsterdam: the clocks jump from 02:00 to 03:00 that night. Choose 03:00 or later.'] },
    });
    expect(await db.select().from(priceChanges)).toHaveLength(0);

    expect(await callAction(schedulePriceChangeAction, { variantId: String(shop.variant.id), startsAt: '2099-03-29T03:00', price: '39,95' })).toMatchObject({
      ok: true,
      message: 'Price change scheduled.',
    });
    const [change] = await db.select().from(priceChanges);
    expect(change).toMatchObject({ priceCents: 3995, startsAt: new Date('2099-03-29T01:00:00Z'), cancelledAt: null });
    expect(await callAction(cancelPriceChangeAction, { id: String(change.id) })).toMatchObject({ ok: true, message: 'Scheduled price change cancelled.' });
    expect((await audits()).map((a) => a.action)).toEqual(['price_change.scheduled', 'price_change.cancelled']);
  });
});

describe('slug messages', () => {
  it('one message per problem: empty, too long, not a slug', async () => {
    expect(await callAction(createProductAction, { ...productForm(), slug: '' })).toMatchObject({ fieldErrors: { slug: ['This field is required.'] } });
    expect(await callAction(createProductAction, { ...productForm(), slug: 'a'.repeat(101) })).toMatchObject({
      fieldErrors: { slug: ['Use at most 100 characters.'] },
    });
    expect(await callAction(createProductAction, { ...productForm(), slug: 'Hiking_Shoe' })).toMatchObject({
      fieldErrors: { slug: ['Use lower-case letters, digits and hyphens only, e.g. trail-runner.'] },
    });
  });
});
