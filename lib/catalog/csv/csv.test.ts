/**
 * The catalog CSV on a real database: the dry run reports every broken row by its row number and
 * writes nothing; the import is all or nothing (one broken row → nothing written) with audit rows for
 * what changed; an export imported again is "unchanged" throughout.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { createTestDatabase } from '@/db/testing';
import { auditLog, priceChanges, products, variants } from '@/db/schema';
import { effectivePriceCents } from '@/lib/catalog/effective-price';
import { ean13CheckDigit } from '@/lib/catalog/ean';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { createCategory, createProduct, createStaff, createVariant, resetDatabase } from '@/lib/testing/fixtures';
import { applyCatalogImport } from './apply';
import { exportCatalogCsv, listCatalogRows } from './export';
import { planCatalogImport } from './plan';

let handle: DbHandle;
let db: Db;
let admin: Actor;

const HEADER = 'product_slug,brand,name_en,name_nl,category_slug,tax_class,sku,ean,size,color,price,active';
const ean = (n: number) => {
  const first12 = `871000${String(n).padStart(6, '0')}`;
  return `${first12}${ean13CheckDigit(first12)}`;
};
const wrongEan = (n: number) => `${ean(n).slice(0, 12)}${(Number(ean(n)[12]) + 1) % 10}`;
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n');

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
});
afterAll(() => handle?.close());
beforeEach(async () => {
  await resetDatabase(db);
  admin = await createStaff(db, { role: 'admin', email: 'boss@example.com' });
  const shoes = await createCategory(db, 'shoes');
  await createCategory(db, 'socks');
  const runner = await createProduct(db, { categoryId: shoes.id, slug: 'trail-runner', brand: 'Acme', nameEn: 'Trail Runner', nameNl: 'Trailloper' });
  await createVariant(db, { productId: runner.id, sku: 'TR-42', ean: ean(1), size: '42', color: 'black', priceCents: 8995 });
  await createVariant(db, { productId: runner.id, sku: 'TR-43', ean: ean(2), size: '43', color: 'black', priceCents: 8995 });
});

/** Everything an import could touch, to prove that a refused one touched nothing. */
async function catalogState(): Promise<string> {
  const rows = await db.execute(sql`select
    (select count(*) from audit_log)::text || '|' ||
    (select coalesce(string_agg(p::text, ';' order by p.id), '') from products p) || '|' ||
    (select coalesce(string_agg(v::text, ';' order by v.id), '') from variants v) as s`);
  return JSON.stringify(rows);
}

describe('dry run', () => {
  it('reports each broken row by its row number and what every good row would do; writes nothing', async () => {
    const before = await catalogState();
    const plan = await planCatalogImport(
      db,
      csv(
        'trail-runner,Acme,Trail Runner,Trailloper,shoes,standard,TR-42,' + ean(1) + ',42,black,"79,95",true', // 2: update (price)
        'trail-runner,Acme,Trail Runner,Trailloper,shoes,standard,TR-43,' + ean(2) + ',43,black,89.95,true', // 3: unchanged
        'trail-runner,Acme,Trail Runner,Trailloper,shoes,standard,TR-44,' + ean(3) + ',44,black,89.95,', // 4: create
        'hat-x,Sox,Hat,Hoed,hats,standard,SO-1,' + ean(4) + ',,,5,true', // 5: unknown category
        'new-sock,Sox,Sock,Sok,socks,standard,SO-2,' + wrongEan(5) + ',,,5,true', // 6: EAN check digit
        'new-sock,Sox,Sock,Sok,socks,standard,TR-44,' + ean(6) + ',,,5,true', // 7: SKU twice in the file
        'other,Sox,Other,Ander,socks,standard,TR-43,' + ean(2) + ',,,5,true', // 8: SKU of another product (and twice in the file)
        'new-sock,Sox,Sock,Sok,socks,standard,SO-3,' + ean(7) + ',,,-5,true', // 9: negative price
        'new-sock,Sox,Sock,Sok,socks,standard,SO-4,' + ean(8) + ',,,12.345,true', // 10: malformed price
        'new-sock,Sox,Sock,Sok,socks,standard,SO-5', // 11: too few columns
      ),
    );
    const byRow = Object.fromEntries(plan.rows.map((r) => [r.row, r.errors.length > 0 ? r.errors.map((e) => `${e.column}:${e.code}`) : r.action]));
    expect(byRow).toEqual({
      2: 'update',
      3: 'unchanged',
      4: 'create',
      5: ['category_slug:unknownCategory'],
      6: ['ean:eanChecksum'],
      7: ['sku:duplicateSku'],
      8: ['sku:duplicateSku', 'ean:duplicateEan', 'sku:skuOtherProduct'],
      9: ['price:priceNegative'],
      10: ['price:price'],
      11: expect.arrayContaining(['null:malformed']),
    });
    expect(plan.rows.find((r) => r.row === 7)!.errors[0].values).toEqual({ sku: 'TR-44', row: 4 });
    expect(plan.rows[0].changes).toEqual(['priceCents']);
    expect(plan.counts).toEqual({ create: 1, update: 1, unchanged: 1, errors: 7 });
    expect(await catalogState()).toBe(before);
  });

  it('refuses a file that lacks a required column, naming it', async () => {
    const plan = await planCatalogImport(db, 'product_slug,brand,name_en,name_nl,category_slug,tax_class,sku,ean\nx,y,z,z,shoes,standard,A-1,' + ean(9));
    expect(plan.fileError).toEqual({ code: 'missingColumns', columns: ['price'] });
    expect(plan.rows).toEqual([]);
  });

  it('refuses rows of one product that disagree on its fields', async () => {
    const plan = await planCatalogImport(
      db,
      csv('duo,Acme,Duo,Duo,socks,standard,DU-1,' + ean(10) + ',,,5,true', 'duo,Acme,Duo Two,Duo,socks,reduced,DU-2,' + ean(11) + ',,,5,true'),
    );
    expect(plan.rows[1].errors.map((e) => `${e.column}:${e.code}:${e.values?.row}`)).toEqual(['name_en:productMismatch:2', 'tax_class:productMismatch:2']);
  });
});

describe('apply', () => {
  it('applies a clean file in one go, with an audit row per changed product and variant and one for the import', async () => {
    const result = await applyCatalogImport(
      db,
      csv(
        'trail-runner,Acme,Trail Runner XT,Trailloper XT,shoes,standard,TR-42,' + ean(1) + ',42,black,"79,95",true',
        'trail-runner,Acme,Trail Runner XT,Trailloper XT,shoes,standard,TR-43,' + ean(2) + ',43,black,89.95,true',
        'wool-sock,Sox,Wool sock,Wollen sok,socks,reduced,WS-1,' + ean(12) + ',39-42,grey,"12,50",false',
      ),
      admin,
    );
    expect(result).toEqual({ createdProducts: 1, updatedProducts: 1, createdVariants: 1, updatedVariants: 1, unchanged: 1 });
    const rows = await listCatalogRows(db, admin);
    expect(rows.map((r) => [r.sku, r.nameEn, r.priceCents, r.active])).toEqual([
      ['TR-42', 'Trail Runner XT', 7995, true],
      ['TR-43', 'Trail Runner XT', 8995, true],
      ['WS-1', 'Wool sock', 1250, false],
    ]);
    const audit = await db.select().from(auditLog).orderBy(auditLog.id);
    expect(audit.map((a) => a.action)).toEqual(['product.updated', 'variant.updated', 'product.created', 'variant.created', 'catalog.imported']);
    expect(audit[1]).toMatchObject({ before: { priceCents: 8995 }, after: { priceCents: 7995 }, actorUserId: admin.userId });
    expect(audit[0]).toMatchObject({ before: { nameEn: 'Trail Runner', nameNl: 'Trailloper' }, after: { nameEn: 'Trail Runner XT', nameNl: 'Trailloper XT' } });
  });

  it('writes nothing at all when one row is broken', async () => {
    const before = await catalogState();
    const attempt = applyCatalogImport(
      db,
      csv(
        'trail-runner,Acme,Trail Runner,Trailloper,shoes,standard,TR-42,' + ean(1) + ',42,black,"59,95",true',
        'brand-new,Acme,New,Nieuw,shoes,standard,BN-1,' + ean(13) + ',,,10,true',
        'brand-new,Acme,New,Nieuw,shoes,standard,BN-2,' + wrongEan(14) + ',,,10,true',
      ),
      admin,
    );
    await expect(attempt).rejects.toBeInstanceOf(DomainError);
    await expect(attempt).rejects.toMatchObject({ code: 'csv.hasErrors', values: { count: 1 } });
    expect(await catalogState()).toBe(before);
  });

  it('rolls back every earlier write when the database refuses a later one', async () => {
    // A clean plan whose last insert the database refuses (a test trigger): proves the one transaction.
    await db.execute(sql.raw(`create function refuse_boom() returns trigger language plpgsql as $$ begin
      if new.sku like 'BOOM%' then raise exception 'refused for the test'; end if; return new; end $$`));
    await db.execute(sql.raw('create trigger refuse_boom before insert on variants for each row execute function refuse_boom()'));
    try {
      const before = await catalogState();
      await expect(
        applyCatalogImport(
          db,
          csv(
            'trail-runner,Acme,Trail Runner,Trailloper,shoes,standard,TR-42,' + ean(1) + ',42,black,"59,95",true',
            'brand-new,Acme,New,Nieuw,shoes,standard,BN-1,' + ean(13) + ',,,10,true',
            'brand-new,Acme,New,Nieuw,shoes,standard,BOOM-1,' + ean(14) + ',,,10,true',
          ),
          admin,
        ),
      ).rejects.toThrow();
      expect(await catalogState()).toBe(before);
    } finally {
      await db.execute(sql.raw('drop trigger refuse_boom on variants'));
      await db.execute(sql.raw('drop function refuse_boom()'));
    }
  });

  it('is for admins only', async () => {
    const clerk = { ...admin, role: 'clerk' as const };
    await expect(applyCatalogImport(db, csv(), clerk)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(exportCatalogCsv(db, clerk)).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('export → import', () => {
  it('is unchanged row for row, and importing it writes nothing (no audit row either)', async () => {
    // Awkward values on purpose: a comma, quotes, a formula-like name, no size, an inactive variant.
    const [cat] = await db.select().from(products);
    await createVariant(db, { productId: cat.id, sku: 'TR-XL', ean: ean(20), size: '', color: 'red', priceCents: 10005, active: false });
    await db.update(products).set({ nameEn: '=Trail, "Runner"', brand: '-Acme' });
    const text = await exportCatalogCsv(db, admin);
    expect(text.startsWith('\uFEFFproduct_slug,brand,')).toBe(true);
    const plan = await planCatalogImport(db, text);
    expect(plan.rows.map((r) => [r.sku, r.action, r.errors])).toEqual([
      ['TR-42', 'unchanged', []],
      ['TR-43', 'unchanged', []],
      ['TR-XL', 'unchanged', []],
    ]);
    const before = await catalogState();
    expect(await applyCatalogImport(db, text, admin)).toEqual({ createdProducts: 0, updatedProducts: 0, createdVariants: 0, updatedVariants: 0, unchanged: 3 });
    expect(await catalogState()).toBe(before);
  });
});

describe('prices with a scheduled change', () => {
  it('exports the price charged now, and an imported price takes effect at once over a started change', async () => {
    const [tr42] = await db.select({ id: variants.id }).from(variants).where(eq(variants.sku, 'TR-42'));
    await db.insert(priceChanges).values({ variantId: tr42.id, priceCents: 7995, startsAt: new Date(Date.now() - 60_000) });
    const exported = await listCatalogRows(db, admin);
    expect(exported.find((r) => r.sku === 'TR-42')?.priceCents).toBe(7995);

    await applyCatalogImport(db, csv('trail-runner,Acme,Trail Runner,Trailloper,shoes,standard,TR-42,' + ean(1) + ',42,black,69.95,true'), admin);
    const [charged] = await db.select({ price: effectivePriceCents(new Date()) }).from(variants).where(eq(variants.id, tr42.id));
    expect(charged.price).toBe(6995);
  });
});
