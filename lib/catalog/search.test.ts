import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Db, DbHandle } from '@/db/client';
import { rowsOf } from '@/db/client';
import { categories, products } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { createVariant, resetDatabase } from '@/lib/testing/fixtures';
import { searchCatalog, searchTokens } from './search';
import { suggestProducts } from './suggest';

let handle: DbHandle;
let db: Db;
const ids: Record<string, number> = {};

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
});
afterAll(() => handle?.close());

async function product(slug: string, categoryId: number, fields: { en: string; nl: string; brand: string; dEn?: string; dNl?: string; active?: boolean }) {
  const [row] = await db
    .insert(products)
    .values({
      slug,
      categoryId,
      brand: fields.brand,
      nameEn: fields.en,
      nameNl: fields.nl,
      descriptionEn: fields.dEn ?? '',
      descriptionNl: fields.dNl ?? '',
      imagePath: `/images/${slug}.svg`,
      active: fields.active ?? true,
    })
    .returning();
  ids[slug] = row.id;
  return row;
}

beforeEach(async () => {
  await resetDatabase(db);
  const [shoes, bags] = await db
    .insert(categories)
    .values([
      { slug: 'shoes', nameEn: 'Shoes', nameNl: 'Schoenen' },
      { slug: 'bags', nameEn: 'Bags', nameNl: 'Tassen' },
    ])
    .returning();
  const canvas = await product('canvas-low-sneaker', shoes.id, {
    en: 'Canvas Low Sneaker',
    nl: 'Canvas lage sneaker',
    brand: 'Stapvast',
    dEn: 'The easy summer sneaker in organic cotton canvas.',
    dNl: 'De makkelijke zomersneaker van biologisch katoenen canvas.',
  });
  await createVariant(db, { productId: canvas.id, sku: 'CLS-42-WHT', ean: '8712345000017', size: '42', color: 'White', priceCents: 6995 });
  const court = await product('court-classic-sneaker', shoes.id, {
    en: 'Court Classic Sneaker',
    nl: 'Court Classic sneaker',
    brand: 'Stapvast',
    dEn: 'A clean leather tennis-style sneaker.',
    dNl: 'Een strakke leren sneaker in tennisstijl.',
  });
  await createVariant(db, { productId: court.id, sku: 'CCS-42-BLK', ean: '8712345000024', size: '42', color: 'Black', priceCents: 8995 });
  const tote = await product('canvas-tote', bags.id, {
    en: 'Market Tote',
    nl: 'Marktshopper',
    brand: 'Urbana',
    dEn: 'A roomy bag in heavy canvas with leather handles.',
    dNl: 'Een ruime tas van zwaar canvas met leren hengsels.',
  });
  await createVariant(db, { productId: tote.id, sku: 'MT-ONE-BLK', ean: '8712345000031', size: 'One size', color: 'Black', priceCents: 3995 });
  const crème = await product('creme-boot', shoes.id, { en: 'Chelsea Boot', nl: 'Chelsea laars', brand: 'Bottier', dEn: 'Suede boots.', dNl: 'Suède laarzen.' });
  await createVariant(db, { productId: crème.id, sku: 'CB-41-CRM', ean: '8712345000048', size: '41', color: 'Cream', priceCents: 12995 });
  const gone = await product('old-sneaker', shoes.id, { en: 'Old Sneaker', nl: 'Oude sneaker', brand: 'Stapvast', active: false });
  await createVariant(db, { productId: gone.id, sku: 'OS-1', priceCents: 100 });
});

const slugsOf = (productIds: number[]) => productIds.map((id) => Object.keys(ids).find((slug) => ids[slug] === id));

describe('catalog search', () => {
  it('folds case and accents into words', () => {
    expect(searchTokens('  Crème  BRÛLÉE crème ')).toEqual(['creme', 'brulee']);
    expect(searchTokens('%_')).toEqual([]);
  });

  it('finds English and Dutch words, stemmed, and ranks a name above a description', async () => {
    const english = await searchCatalog(db, 'canvas');
    expect(english.match).toBe('words');
    // "Canvas" is in the sneaker's name; the tote only says it in its description.
    expect(slugsOf(english.productIds)).toEqual(['canvas-low-sneaker', 'canvas-tote']);
    expect(slugsOf((await searchCatalog(db, 'sneakers')).productIds).sort()).toEqual(['canvas-low-sneaker', 'court-classic-sneaker']);
    expect(slugsOf((await searchCatalog(db, 'laarzen')).productIds)).toEqual(['creme-boot']);
    expect(slugsOf((await searchCatalog(db, 'leren hengsels')).productIds)).toEqual(['canvas-tote']);
    expect(slugsOf((await searchCatalog(db, 'tassen')).productIds)).toEqual(['canvas-tote']); // Dutch category name
    expect(slugsOf((await searchCatalog(db, 'urbana')).productIds)).toEqual(['canvas-tote']); // brand
    expect(slugsOf((await searchCatalog(db, 'suede')).productIds)).toEqual(['creme-boot']); // "Suède" unaccented
    expect((await searchCatalog(db, 'old')).productIds).toEqual([]); // inactive products stay out
  });

  it('finds colours by their English and Dutch names', async () => {
    expect(slugsOf((await searchCatalog(db, 'zwart')).productIds).sort()).toEqual(['canvas-tote', 'court-classic-sneaker']);
    expect(slugsOf((await searchCatalog(db, 'black sneaker')).productIds)).toEqual(['court-classic-sneaker']);
    expect(slugsOf((await searchCatalog(db, 'zwarte sneaker')).productIds)).toEqual(['court-classic-sneaker']);
    expect(slugsOf((await searchCatalog(db, 'crème')).productIds)).toEqual(['creme-boot']);
  });

  it('tolerates typos with trigram matching', async () => {
    const typo = await searchCatalog(db, 'snekaer');
    expect(typo).toMatchObject({ match: 'fuzzy', didYouMean: 'sneaker' });
    expect(slugsOf(typo.productIds).sort()).toEqual(['canvas-low-sneaker', 'court-classic-sneaker']);
    expect(slugsOf((await searchCatalog(db, 'chelsee')).productIds)).toEqual(['creme-boot']);
    expect(slugsOf((await searchCatalog(db, 'zwrat snekaer')).productIds)).toContain('court-classic-sneaker');
  });

  it('puts an exact SKU or EAN first', async () => {
    const sku = await searchCatalog(db, 'ccs-42-blk');
    expect(sku.match).toBe('code');
    expect(slugsOf(sku.productIds)).toEqual(['court-classic-sneaker']);
    expect(sku.exactVariantIds).toHaveLength(1);
    expect(slugsOf((await searchCatalog(db, '8712345000031')).productIds)).toEqual(['canvas-tote']);
    expect(slugsOf((await searchCatalog(db, 'MT-ONE')).productIds)).toEqual(['canvas-tote']); // SKU prefix
  });

  it('offers the nearest matches when nothing matches', async () => {
    const brand = await searchCatalog(db, 'stpvst');
    expect(brand).toMatchObject({ match: 'none', productIds: [], didYouMean: 'stapvast' });
    expect(slugsOf(brand.nearestProductIds).sort()).toEqual(['canvas-low-sneaker', 'court-classic-sneaker']);
    const category = await searchCatalog(db, 'tsasen');
    expect(category).toMatchObject({ match: 'none', didYouMean: 'tassen' });
    expect(slugsOf(category.nearestProductIds)).toEqual(['canvas-tote']);
    const nothing = await searchCatalog(db, 'xyzzyq');
    expect(nothing).toMatchObject({ match: 'none', productIds: [], didYouMean: null });
  });

  it('suggests products while typing, named in the shopper\'s language, and the nearest when none match', async () => {
    expect(await suggestProducts(db, 'snea', 'nl')).toMatchObject({ items: [{ name: expect.stringMatching(/sneaker/) }, { name: expect.stringMatching(/sneaker/) }] });
    expect(await suggestProducts(db, 'laars', 'en')).toEqual({ items: [{ slug: 'creme-boot', name: 'Chelsea Boot', brand: 'Bottier' }], didYouMean: null });
    expect(await suggestProducts(db, 'stpvst', 'en')).toMatchObject({ didYouMean: 'stapvast', items: [{ brand: 'Stapvast' }, { brand: 'Stapvast' }] });
  });

  it('has indexes the text queries can use', async () => {
    const result = await db.execute(
      sql`select indexname from pg_indexes where tablename = 'products' and indexname like 'products_search_%' order by indexname`,
    );
    expect(rowsOf<{ indexname: string }>(result).map((r) => r.indexname)).toEqual(['products_search_document_idx', 'products_search_words_idx']);
    await db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      const plan = await tx.execute(sql`explain select id from products p
        where public.omnishop_product_document(p.name_en, p.name_nl, p.brand, p.description_en, p.description_nl) @@ plainto_tsquery('english', 'canvas')`);
      expect(JSON.stringify(rowsOf(plan))).toContain('products_search_document_idx');
      const trigram = await tx.execute(sql`explain select id from products p where 'snekaer' <% public.omnishop_product_words(p.name_en, p.name_nl, p.brand)`);
      expect(JSON.stringify(rowsOf(trigram))).toContain('products_search_words_idx');
    });
  });
});
