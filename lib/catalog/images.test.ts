/**
 * Product photos: the local image store (put / get / url / delete, only our own keys), the magic-byte
 * type check, and the upload through the admin action — a renamed SVG, a file over 5 MB, missing alt
 * text and an unknown colour are refused and leave neither a row nor a file; the shop shows the chosen
 * colour's photos.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createTranslator } from 'next-intl';
import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { createTestDatabase } from '@/db/testing';
import { auditLog, productImages } from '@/db/schema';
import { MESSAGES } from '@/lib/i18n/messages';
import { callAction } from '@/lib/testing/call-action';
import { createShop, createStaff, createVariant, resetDatabase } from '@/lib/testing/fixtures';
import { createLocalImageStore, getImageStore } from './image-store';
import { detectImageType } from './image-type';
import { getCardImages, getProductImages } from './images';
import { PNG_1X1, pngFile } from './testing';

const state = vi.hoisted(() => ({ db: null as unknown, actor: null as unknown, dir: '' }));

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

const { uploadProductImageAction, deleteProductImageAction } = await import('./image-actions');

const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]);
const WEBP = Uint8Array.from([...Buffer.from('RIFF'), 0x24, 0, 0, 0, ...Buffer.from('WEBPVP8 ')]);
const SVG = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
const KEY = 'products/7/0b6f8a8e-3c1d-4e5f-9a7b-1c2d3e4f5a6b.png';

let handle: DbHandle;
let db: Db;
let shop: Awaited<ReturnType<typeof createShop>>;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  state.db = db;
  state.dir = await fs.mkdtemp(path.join(os.tmpdir(), 'omnishop-images-'));
  process.env.IMAGE_DIR = state.dir;
});
afterAll(async () => {
  delete process.env.IMAGE_DIR;
  await fs.rm(state.dir, { recursive: true, force: true });
  await handle?.close();
});
beforeEach(async () => {
  await fs.rm(path.join(state.dir, 'products'), { recursive: true, force: true });
  await resetDatabase(db);
  shop = await createShop(db); // one black variant
  await createVariant(db, { productId: shop.product.id, sku: 'TR-42-RED', priceCents: 5000, color: 'red' });
  state.actor = await createStaff(db, { role: 'admin', email: 'admin@example.com' });
});

const filesOnDisk = async () => (await fs.readdir(state.dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).length;
const form = (over: Record<string, unknown> = {}) => ({ productId: String(shop.product.id), file: pngFile(), altNl: 'Zijkant', altEn: 'Side', color: '', ...over });

describe('local image store', () => {
  it('puts, gets, serves under /api/images and deletes a file', async () => {
    const store = createLocalImageStore(state.dir);
    await store.put(KEY, PNG_1X1, 'image/png');
    expect(await store.get(KEY)).toEqual({ bytes: PNG_1X1, contentType: 'image/png' });
    expect(store.url(KEY)).toBe(`/api/images/${KEY}`);
    await store.delete(KEY);
    expect(await store.get(KEY)).toBeNull();
    await store.delete(KEY); // already gone: no error
  });

  it('accepts only its own keys: no ../, no other folders or extensions', async () => {
    const store = createLocalImageStore(state.dir);
    for (const bad of ['../etc/passwd', 'products/7/../../x.png', '/abs.png', 'products/7/not-a-uuid.png', KEY.replace('.png', '.svg')]) {
      await expect(store.put(bad, PNG_1X1, 'image/png')).rejects.toThrow(/not an image key/);
      expect(await store.get(bad)).toBeNull();
    }
  });

  it('is the default store; IMAGE_STORE=s3 needs its settings', () => {
    expect(getImageStore({ IMAGE_DIR: state.dir } as unknown as NodeJS.ProcessEnv).url(KEY)).toBe(`/api/images/${KEY}`);
    expect(() => getImageStore({ IMAGE_STORE: 's3', S3_BUCKET: 'b' } as unknown as NodeJS.ProcessEnv)).toThrow(/S3_ENDPOINT, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY/);
  });
});

describe('detectImageType', () => {
  it('knows JPEG, PNG and WebP by their first bytes, and nothing else', () => {
    expect(detectImageType(JPEG)).toBe('image/jpeg');
    expect(detectImageType(PNG_1X1)).toBe('image/png');
    expect(detectImageType(WEBP)).toBe('image/webp');
    expect(detectImageType(SVG)).toBeNull();
    expect(detectImageType(new Uint8Array([0x89, 0x50]))).toBeNull();
  });
});

describe('uploadProductImageAction', () => {
  it('stores the photo, writes the row with alt texts and colour, audits it; the shop follows the colour', async () => {
    expect(await callAction(uploadProductImageAction, form({ color: 'red', altEn: 'Red, side' }))).toMatchObject({ ok: true, message: 'Photo uploaded.' });
    expect(await callAction(uploadProductImageAction, form({ altEn: 'Any colour' }))).toMatchObject({ ok: true });
    const rows = await db.select().from(productImages).orderBy(asc(productImages.id));
    expect(rows.map((r) => [r.color, r.altEn, r.sortOrder])).toEqual([
      ['red', 'Red, side', 0],
      [null, 'Any colour', 1],
    ]);
    expect(await filesOnDisk()).toBe(2);
    const served = await getImageStore().get(rows[0].path);
    expect(served?.contentType).toBe('image/png');
    const [audit] = await db.select().from(auditLog).orderBy(asc(auditLog.id));
    expect(audit).toMatchObject({ action: 'product_image.uploaded', entityType: 'product', entityId: String(shop.product.id) });

    expect((await getProductImages(db, shop.product.id, 'red', 'en')).map((i) => i.alt)).toEqual(['Red, side', 'Any colour']);
    expect((await getProductImages(db, shop.product.id, 'black', 'en')).map((i) => i.alt)).toEqual(['Any colour']);
    expect((await getCardImages(db, [shop.product.id], 'en'))[shop.product.id].alt).toBe('Any colour');
    expect((await getCardImages(db, [shop.product.id], 'en', { [shop.product.id]: 'red' }))[shop.product.id].alt).toBe('Red, side');
  });

  it('refuses an SVG named .png, a file over 5 MB, missing alt text and an unknown colour; no row, no file', async () => {
    const svg = new File([SVG], 'photo.png', { type: 'image/png' });
    expect(await callAction(uploadProductImageAction, form({ file: svg }))).toMatchObject({
      ok: false,
      fieldErrors: { file: ['This file is not a JPEG, PNG or WebP photo.'] },
    });
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(PNG_1X1);
    expect(await callAction(uploadProductImageAction, form({ file: new File([big], 'big.png') }))).toMatchObject({
      fieldErrors: { file: ['This photo is larger than 5 MB. Make it smaller and try again.'] },
    });
    expect(await callAction(uploadProductImageAction, form({ altNl: ' ' }))).toMatchObject({ fieldErrors: { altNl: ['This field is required.'] } });
    expect(await callAction(uploadProductImageAction, form({ color: 'green' }))).toMatchObject({
      fieldErrors: { color: ['This product has no variant in the colour “green”.'] },
    });
    expect(await callAction(uploadProductImageAction, form({ file: 'not a file' }))).toMatchObject({ fieldErrors: { file: ['Choose a photo to upload.'] } });
    expect(await db.select().from(productImages)).toHaveLength(0);
    expect(await db.select().from(auditLog)).toHaveLength(0);
    expect(await filesOnDisk()).toBe(0);
  });

  it('removes a photo: row and file gone, audited', async () => {
    await callAction(uploadProductImageAction, form());
    const [row] = await db.select().from(productImages);
    expect(await callAction(deleteProductImageAction, { id: String(row.id) })).toMatchObject({ ok: true, message: 'Photo removed.' });
    expect(await db.select().from(productImages)).toHaveLength(0);
    expect(await filesOnDisk()).toBe(0);
    expect((await db.select().from(auditLog).orderBy(asc(auditLog.id))).map((a) => a.action)).toEqual(['product_image.uploaded', 'product_image.deleted']);
  });
});
