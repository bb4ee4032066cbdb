import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { Instance, OpsDatabase, placed, runCli, Shopper, stockUp } from './harness';

const CUSTOMER = { email: 'anna@example.com', password: 'omnishop' };

/** Everything a restore must bring back, read straight from the database. */
function snapshot(db: OpsDatabase) {
  return db.with(async (_handle, query) => ({
    orders: await query(`select id, number, status, channel, customer_id, total_cents from orders order by number`),
    lines: await query(`select order_id, variant_id, quantity, unit_price_cents from order_lines order by order_id, variant_id`),
    stock: await query(`select variant_id, location_id, on_hand, reserved from stock_levels order by variant_id, location_id`),
    movements: await query<{ n: number }>(`select count(*)::int as n from stock_movements`),
    customers: await query(`select id, email, phone from customers order by id`),
    users: await query(`select id, email, role, password_hash from users order by id`),
  }));
}

const orderNumbers = (html: string) => [...new Set(html.match(/\b[WS]-\d+\b/g) ?? [])].sort();

/** The order each shopper placed (one connection: PGlite allows no second opener). */
async function orderIdsOf(db: OpsDatabase, shoppers: Shopper[]): Promise<string[]> {
  return db.with(async (_h, query) => {
    const rows = await query<{ id: string; key: string }>(`select id, idempotency_key as key from orders where idempotency_key in $1`, [
      shoppers.map((s) => s.idempotencyKey),
    ]);
    return shoppers.map((s) => rows.find((row) => row.key === s.idempotencyKey)!.id);
  });
}

test('[OPS][BACKUP] db:backup → wipe → db:restore: the app serves the same orders, stock and customers', async () => {
  const db = await OpsDatabase.create('backup');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'omnishop-backup-')), db.kind === 'postgres' ? 'shop.dump' : 'shop.tar.gz');
  const instances: Instance[] = [];
  try {
    const stock = await stockUp(db, 20);
    const before = await Instance.start(db);
    instances.push(before);
    // Fresh guest orders on top of the demo data, and a customer who signs in to see her history.
    const guests = [new Shopper(1), new Shopper(2), new Shopper(3)];
    for (const guest of guests) {
      expect((await guest.addToCart(before.baseUrl, stock.variantId)).status).toBe(200);
      expect(placed(await guest.checkout(before.baseUrl))).toBe(true);
    }
    const customer = new Shopper(9);
    expect((await customer.signIn(before.baseUrl, CUSTOMER.email, CUSTOMER.password)).redirect).toBeTruthy();
    const account = await customer.get(before.baseUrl, '/account');
    expect(account.status).toBe(200);
    expect(orderNumbers(account.body).length).toBeGreaterThan(0);
    const product = await customer.get(before.baseUrl, `/products/${stock.slug}`);
    expect(product.status).toBe(200);

    // PGlite: the backup needs the data dir to itself. PostgreSQL: pg_dump runs beside the live app.
    if (db.kind === 'pglite') await before.stop();
    const orderIds = await orderIdsOf(db, guests);
    const saved = await snapshot(db);
    await runCli([file], db.env, 'db:backup');
    await before.stop();

    await db.wipe();
    if (db.kind === 'postgres') {
      await db.with(async (_h, query) => expect(await query(`select to_regclass('public.orders') as t`)).toEqual([{ t: null }]));
    } else {
      expect(fs.existsSync(db.dataDir!)).toBe(false);
    }

    await runCli([file], db.env, 'db:restore');
    expect(await snapshot(db)).toEqual(saved);

    const after = await Instance.start(db, { OPERATOR_TOKEN: 'ops-test-token' });
    instances.push(after);
    const ready = await fetch(`${after.baseUrl}/api/health/ready`, { headers: { authorization: 'Bearer ops-test-token' } });
    expect(await ready.json()).toMatchObject({ ready: true, migrations: { pending: 0 } });
    // Each guest's browser (its signed cookie) still opens its order…
    for (const [i, guest] of guests.entries()) {
      const page = await guest.get(after.baseUrl, `/orders/${orderIds[i]}`);
      expect(page.status).toBe(200);
      const number = (saved.orders as { id: string; number: string }[]).find((o) => o.id === orderIds[i])!.number;
      expect(page.body).toContain(number);
    }
    // …the customer signs in again (her password hash came back) and sees the same orders…
    const again = new Shopper(10);
    expect((await again.signIn(after.baseUrl, CUSTOMER.email, CUSTOMER.password)).redirect).toBeTruthy();
    const restoredAccount = await again.get(after.baseUrl, '/account');
    expect(restoredAccount.status).toBe(200);
    expect(orderNumbers(restoredAccount.body)).toEqual(orderNumbers(account.body));
    // …and the shop goes on: a new order gets a new number (the sequence came back too).
    const next = new Shopper(4);
    expect((await next.addToCart(after.baseUrl, stock.variantId)).status).toBe(200);
    expect(placed(await next.checkout(after.baseUrl))).toBe(true);
    await after.stop();
    const [{ fresh }] = await db.with((_h, query) =>
      query<{ fresh: number }>(`select count(*)::int as fresh from orders where idempotency_key = $1 and number not in $2`, [
        next.idempotencyKey,
        (saved.orders as { number: string }[]).map((o) => o.number),
      ]),
    );
    expect(fresh).toBe(1);
  } finally {
    await Promise.all(instances.map((instance) => instance.stop('SIGKILL')));
    await db.drop();
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
});

