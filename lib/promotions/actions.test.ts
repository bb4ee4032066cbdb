/**
 * The admin promotion actions end to end below the browser: FormData-shaped input → wrapper → form
 * translation → SKU lookup → mutation → redirect, on a real (PGlite) database. Session and translator
 * are stubbed; what is refused to other roles is covered by lib/security.
 */
import { createTranslator } from 'next-intl';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { createTestDatabase } from '@/db/testing';
import { MESSAGES } from '@/lib/i18n/messages';
import type { Actor } from '@/lib/identity/queries';
import {
  createCategory,
  createProduct,
  createShop,
  createStaff,
  createVariant,
  resetDatabase,
} from '@/lib/testing/fixtures';

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

const { createPromotionAction, endPromotionAction, previewPromotionAction, updatePromotionAction } =
  await import('./actions');
const { getPromotion, listPromotions } = await import('./queries');

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
  state.actor = (await createStaff(db, { role: 'admin', email: 'admin@example.com' })) satisfies Actor;
});

const form = {
  name: 'Socks week',
  kind: 'percentage',
  value: '15',
  target: 'all',
  startsAt: '',
  endsAt: '',
  code: '',
  channels: ['web', 'store'],
};

/** Runs an action that redirects on success; returns where it went, or the refused state. */
async function submit(run: Promise<unknown>): Promise<{ redirect: string } | { state: unknown }> {
  try {
    return { state: await run };
  } catch (error) {
    const digest = String((error as { digest?: string }).digest ?? '');
    if (!digest.startsWith('NEXT_REDIRECT')) throw error;
    return { redirect: digest.split(';')[2] };
  }
}

describe('createPromotionAction / updatePromotionAction', () => {
  it('creates a promotion for a variant given by SKU and goes back to the list', async () => {
    const result = await submit(
      createPromotionAction({
        ...form,
        target: 'variant',
        variantSku: 'tr-42-blk',
        kind: 'fixed_amount',
        value: '2,50',
      }),
    );
    const [saved] = await listPromotions(db);
    expect(result).toEqual({ redirect: `/admin/promotions?saved=${saved.id}` });
    expect(saved).toMatchObject({
      target: 'variant',
      targetId: shop.variant.id,
      kind: 'fixed_amount',
      value: 250,
      channels: null,
    });
  });

  it('answers an unknown SKU, a missing category and a taken code on the right field, changing nothing', async () => {
    expect(await submit(createPromotionAction({ ...form, target: 'variant', variantSku: 'NOPE-1' }))).toEqual(
      {
        state: expect.objectContaining({
          ok: false,
          fieldErrors: { variantSku: ['No product variant has SKU NOPE-1.'] },
        }),
      },
    );
    expect(await submit(createPromotionAction({ ...form, target: 'category', categoryId: '999' }))).toEqual({
      state: expect.objectContaining({ ok: false, fieldErrors: { categoryId: ['This no longer exists.'] } }),
    });
    await submit(createPromotionAction({ ...form, code: 'socks' }));
    expect(await submit(createPromotionAction({ ...form, name: 'Again', code: 'SOCKS' }))).toEqual({
      state: expect.objectContaining({
        ok: false,
        fieldErrors: { code: ['Another promotion already uses this code.'] },
      }),
    });
    expect((await listPromotions(db)).map((p) => p.name)).toEqual(['Socks week']);
  });

  it('refuses invalid input with localized field errors', async () => {
    const result = await submit(
      createPromotionAction({
        ...form,
        value: '150',
        startsAt: '2030-05-02T10:00',
        endsAt: '2030-05-01T10:00',
        channels: undefined,
      }),
    );
    expect(result).toEqual({
      state: expect.objectContaining({
        ok: false,
        fieldErrors: {
          value: ['Enter a whole percentage from 1 to 100.'],
          endsAt: ['The end must be after the start.'],
          channels: ['Choose at least one channel.'],
        },
      }),
    });
    expect(await submit(createPromotionAction({ ...form, price: '1' }))).toEqual({
      state: expect.objectContaining({ ok: false }),
    });
    expect(await listPromotions(db)).toEqual([]);
  });

  it('updates a promotion, reading the window in Amsterdam time', async () => {
    await submit(createPromotionAction(form));
    const [{ id }] = await listPromotions(db);
    const result = await submit(
      updatePromotionAction({
        ...form,
        id: String(id),
        target: 'category',
        categoryId: String(shop.category.id),
        startsAt: '2030-07-03T09:00',
        channels: 'store',
      }),
    );
    expect(result).toEqual({ redirect: `/admin/promotions?saved=${id}` });
    expect(await getPromotion(db, id)).toMatchObject({
      target: 'category',
      targetId: shop.category.id,
      startsAt: new Date('2030-07-03T07:00:00Z'),
      channels: ['store'],
    });
  });
});

describe('endPromotionAction', () => {
  it('ends a running promotion now', async () => {
    await submit(createPromotionAction(form));
    const [{ id }] = await listPromotions(db);
    expect(await submit(endPromotionAction({ id: String(id) }))).toEqual({
      redirect: `/admin/promotions?ended=${id}`,
    });
    expect((await getPromotion(db, id))?.status).toBe('ended');
  });
});

describe('previewPromotionAction', () => {
  it('prices the first targeted product with lib/pricing', async () => {
    // Alphabetically before "Trail Runner": the example uses this one.
    const other = await createProduct(db, {
      categoryId: shop.category.id,
      slug: 'approach',
      nameEn: 'Approach Shoe',
      nameNl: 'Approach schoen',
    });
    await createVariant(db, { productId: other.id, sku: 'AP-41', priceCents: 8995 });
    const books = await createCategory(db, 'books');

    // The action also prices a sample cart (its own tests); here: the example product it picks.
    const sample = { lines: [{ sku: 'AP-41', quantity: 1 }], customer: 'guest', channel: 'web', fulfilment: 'pickup', withRunning: false };
    const preview = async (input: Record<string, unknown>) =>
      ((await previewPromotionAction({ ...input, sample })) as { data?: { example: unknown } }).data?.example;
    expect(
      await preview({
        kind: 'percentage',
        value: '20',
        target: 'category',
        categoryId: String(shop.category.id),
      }),
    ).toEqual({
      productName: 'Approach Shoe',
      sku: 'AP-41',
      variantLabel: '42 / black',
      regularCents: 8995,
      finalCents: 7196,
    });
    expect(
      await preview({ kind: 'fixed_amount', value: '5', target: 'variant', variantSku: 'tr-42-blk' }),
    ).toMatchObject({ regularCents: 5000, finalCents: 4500 });
    expect(
      await preview({
        kind: 'fixed_amount',
        value: '60',
        target: 'product',
        productId: String(shop.product.id),
      }),
    ).toMatchObject({ finalCents: 0 });
    expect(
      await preview({ kind: 'percentage', value: '20', target: 'category', categoryId: String(books.id) }),
    ).toBeNull();
    // An unknown SKU is answered on its field, as the form does (not an empty example).
    expect(
      await previewPromotionAction({ kind: 'percentage', value: '20', target: 'variant', variantSku: 'NOPE', sample }),
    ).toMatchObject({ ok: false });
    expect(await previewPromotionAction({ kind: 'percentage', value: '150', target: 'all', sample })).toMatchObject({
      ok: false,
    });
  });
});
