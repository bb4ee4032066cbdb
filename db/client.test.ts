import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf, type DbHandle } from './client';
import { categories, locations, products, stockLevels, variants } from './schema';
import { createTestDatabase } from './testing';

describe(`database (${process.env.TEST_DB})`, () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(() => handle?.close());

  it('applies every migration from empty, and again without changes', async () => {
    const tables = rowsOf<{ table_name: string }>(
      await handle.db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`),
    ).map((r) => r.table_name);
    expect(tables).toEqual(expect.arrayContaining(['locations', 'users', 'customers', 'products', 'variants', 'stock_levels', 'stock_movements', 'promotions', 'carts', 'cart_lines', 'orders', 'order_lines', 'order_events', 'payments']));
    await handle.migrate(); // idempotent: nothing left to apply
    const applied = rowsOf<{ n: number }>(await handle.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`));
    expect(applied[0].n).toBe(fs.readdirSync(path.join(__dirname, 'migrations')).filter((f) => f.endsWith('.sql')).length);
  });

  it('delivers a NOTIFY sent inside a transaction on commit, and never one of a rolled-back transaction', async () => {
    const received: string[] = [];
    let wake: () => void = () => {};
    const unlisten = await handle.listen('client_test_channel', (payload) => {
      received.push(payload);
      wake();
    });
    const arrived = new Promise<void>((resolve) => (wake = resolve));
    await handle.db
      .transaction(async (tx) => {
        await tx.execute(sql`select pg_notify('client_test_channel', 'rolled back')`);
        throw new Error('roll back');
      })
      .catch((error: Error) => expect(error.message).toBe('roll back'));
    await handle.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_notify('client_test_channel', 'committed')`);
    });
    await arrived;
    await unlisten();
    expect(received).toEqual(['committed']);
  });

  it('rejects negative stock and reservations beyond what is on hand (CHECK constraints)', async () => {
    const [loc] = await handle.db.insert(locations).values({ code: 'T1', name: 'Test', kind: 'store', street: 'Straat 1', postcode: '1234 AB', city: 'Utrecht', latitude: 52, longitude: 5, openingHours: { 1: [], 2: [], 3: [], 4: [], 5: [], 6: [], 7: [] } }).returning();
    const [cat] = await handle.db.insert(categories).values({ slug: 'test', nameEn: 'Test', nameNl: 'Test' }).returning();
    const [prod] = await handle.db.insert(products).values({ slug: 'test', categoryId: cat.id, brand: 'B', nameEn: 'T', nameNl: 'T', imagePath: '/x.svg' }).returning();
    const [variant] = await handle.db.insert(variants).values({ productId: prod.id, sku: 'T-1', ean: '8712345678906', priceCents: 1000 }).returning();
    await handle.db.insert(stockLevels).values({ variantId: variant.id, locationId: loc.id, onHand: 2, reserved: 1 });

    await expect(handle.db.execute(sql`update stock_levels set on_hand = -1, reserved = 0`)).rejects.toThrow();
    await expect(handle.db.execute(sql`update stock_levels set reserved = 3`)).rejects.toThrow();
    await expect(handle.db.execute(sql`update stock_levels set reserved = -1`)).rejects.toThrow();
    const [level] = await handle.db.select().from(stockLevels);
    expect([level.onHand, level.reserved]).toEqual([2, 1]);
  });
});
