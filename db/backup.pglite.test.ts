// PGlite only (the file name keeps it out of the PostgreSQL project, and the PGlite project runs it whether
// or not DATABASE_URL is set): the embedded database's backup → wipe → restore round trip, which the ops
// e2e test (e2e/ops/backup.spec.ts) only exercises when the environment gives it PGlite — never in CI.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupKindOf, backupPglite, restorePglite } from './backup';
import { openDatabase, PGLITE_OPTIONS, rowsOf } from './client';
import { DatabaseLockedError } from './pglite-lock';
import { seed } from './seed';

/** Everything a restore must bring back (the same as the ops e2e test reads), plus the sequences. */
async function snapshot(dataDir: string) {
  const handle = openDatabase({ dataDir });
  try {
    const query = async (text: string) => rowsOf<Record<string, unknown>>(await handle.db.execute(sql.raw(text)));
    return {
      orders: await query(`select id, number, status, channel, customer_id, total_cents, placed_at from orders order by number`),
      lines: await query(`select order_id, variant_id, quantity, unit_price_cents from order_lines order by order_id, variant_id`),
      stock: await query(`select variant_id, location_id, on_hand, reserved from stock_levels order by variant_id, location_id`),
      movements: await query(`select count(*)::int as n, coalesce(sum(on_hand_delta), 0)::int as on_hand from stock_movements`),
      customers: await query(`select id, email, phone, name from customers order by id`),
      users: await query(`select id, email, role, password_hash from users order by id`),
      migrations: await query(`select hash, created_at from drizzle.__drizzle_migrations order by id`),
      // A restored shop must not hand out an id (or order number) it already used: the sequences come back.
      sequences: await query(`select schemaname, sequencename, last_value from pg_sequences order by 1, 2`),
    };
  } finally {
    await handle.close();
  }
}

describe('PGlite backup → wipe → restore (db/backup.ts, as npm run db:backup / db:restore run it)', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'omnishop-pglite-backup-'));
  const dataDir = path.join(root, 'pglite');
  const file = path.join(root, 'backups', 'shop.tar.gz');
  let saved: Awaited<ReturnType<typeof snapshot>>;

  beforeAll(async () => {
    // Migrated and seeded in memory (migrating on disk is several times slower), then written to the data
    // dir with PGlite's own loadDataDir; what is compared afterwards is read from the data dir itself.
    const memory = openDatabase({ dataDir: 'memory://' });
    try {
      await memory.migrate();
      const summary = await seed(memory.db);
      expect(summary.orders).toBeGreaterThan(0);
      expect(summary.customers).toBeGreaterThan(0);
      expect(summary.stockUnits).toBeGreaterThan(0);
      const dump = await (memory.db as unknown as { $client: PGlite }).$client.dumpDataDir('none');
      const disk = new PGlite(dataDir, { ...PGLITE_OPTIONS, loadDataDir: dump });
      await disk.waitReady;
      await disk.close();
    } finally {
      await memory.close();
    }
    // Writes made in the data dir itself, the last ones before the backup: they must be in it too.
    const handle = openDatabase({ dataDir });
    try {
      await handle.db.execute(sql`update stock_levels set on_hand = on_hand + 7 where (variant_id, location_id) = (select variant_id, location_id from stock_levels order by 1, 2 limit 1)`);
      await handle.db.execute(sql`insert into customers (email, name) values ('late.customer@example.com', 'Late Customer')`);
    } finally {
      await handle.close();
    }
    saved = await snapshot(dataDir);
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('restores the same orders, stock and customers into a wiped data dir', async () => {
    expect(saved.orders.length).toBeGreaterThan(0);
    expect(saved.stock.length).toBeGreaterThan(0);
    expect(saved.customers.map((customer) => customer.email)).toContain('late.customer@example.com');

    await backupPglite(dataDir, file);
    expect(backupKindOf(file)).toBe('pglite');

    fs.rmSync(dataDir, { recursive: true, force: true });
    expect(fs.existsSync(dataDir)).toBe(false);

    const { movedAside } = await restorePglite(dataDir, file);
    expect(movedAside).toBeNull();
    expect(await snapshot(dataDir)).toEqual(saved);
  });

  it('refuses to back up or restore while the data dir is open', async () => {
    const handle = openDatabase({ dataDir });
    try {
      await expect(backupPglite(dataDir, path.join(root, 'while-open.tar.gz'))).rejects.toThrow(DatabaseLockedError);
      await expect(restorePglite(dataDir, file)).rejects.toThrow(DatabaseLockedError);
      expect(fs.existsSync(path.join(root, 'while-open.tar.gz'))).toBe(false);
    } finally {
      await handle.close();
    }
  });
});
