import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, rowsOf, type DbHandle } from './client';
import { DatabaseLockedError } from './pglite-lock';
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

describe.runIf(process.env.TEST_DB === 'pglite')('embedded database lock', () => {
  const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'omnishop-lock-')), 'pglite');
  let handle: DbHandle;
  beforeAll(async () => {
    handle = openDatabase({ dataDir });
    await handle.migrate();
  });
  afterAll(() => handle?.close());

  it('refuses to open the same data dir twice in one process', () => {
    expect(() => openDatabase({ dataDir })).toThrow(DatabaseLockedError);
  });

  it('refuses a second process with a message that names the holder, and leaves the data intact', async () => {
    const tsx = path.join(process.cwd(), 'node_modules', '.bin', 'tsx');
    const run = promisify(execFile)(tsx, ['db/cli.ts', 'migrate'], {
      env: { ...process.env, DATABASE_URL: '', OMNISHOP_DATA_DIR: dataDir },
    });
    const error = await run.then(() => null, (e: { code: number; stderr: string }) => e);
    expect(error?.code).toBe(1);
    expect(error?.stderr).toContain(`already open in another process (PID ${process.pid}`);
    const rows = rowsOf<{ n: number }>(await handle.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`));
    expect(rows[0].n).toBeGreaterThan(0);
  });

  it('takes over a stale lock left by a process that is gone', async () => {
    const other = path.join(path.dirname(dataDir), 'other');
    fs.writeFileSync(`${other}.lock`, JSON.stringify({ pid: 999_999_999, command: 'crashed' }));
    const second = openDatabase({ dataDir: other });
    await second.migrate();
    await second.close();
    expect(fs.existsSync(`${other}.lock`)).toBe(false);
  });

  it('names the lock holder in DatabaseLockedError', () => {
    const error = new DatabaseLockedError('/x', 42, 'next dev');
    expect(error.message).toContain('PID 42: next dev');
  });
});
