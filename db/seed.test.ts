import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { rowsOf, type DbHandle } from './client';
import { productImageSvg } from './product-images';
import { locations, stockLevels, variants } from './schema';
import { seed, type SeedSummary } from './seed';
import {
  CUSTOMERS,
  DEMO_LOGINS,
  DEMO_PASSWORD,
  LAST_UNIT_SKU,
  PRODUCTS,
  STORY_SKUS,
  VARIANTS,
  ean13,
  isValidEan13,
  productImageSpec,
} from './seed-data';
import { createTestDatabase } from './testing';

let handle: DbHandle;
let first: SeedSummary;
let second: SeedSummary;
let countsAfterFirst: Record<string, number>;
let countsAfterSecond: Record<string, number>;

async function tableCounts(h: DbHandle): Promise<Record<string, number>> {
  const tables = rowsOf<{ table_name: string }>(
    await h.db.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
    ),
  ).map((r) => r.table_name);
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const [row] = rowsOf<{ n: number | string }>(
      await h.db.execute(sql`select count(*) as n from ${sql.identifier(table)}`),
    );
    counts[table] = Number(row.n);
  }
  return counts;
}

async function query<T>(text: ReturnType<typeof sql>): Promise<T[]> {
  return rowsOf<T>(await handle.db.execute(text));
}

beforeAll(async () => {
  handle = await createTestDatabase();
  first = await seed(handle.db);
  countsAfterFirst = await tableCounts(handle);
  second = await seed(handle.db);
  countsAfterSecond = await tableCounts(handle);
}, 120_000);

afterAll(async () => {
  await handle?.close();
});

describe('seed', () => {
  it('is idempotent: a second run changes no row count and adds no stock movement', () => {
    expect(countsAfterSecond).toEqual(countsAfterFirst);
    expect(second).toEqual(first);
    expect(countsAfterFirst.stock_movements).toBeGreaterThan(0);
  });

  it('creates a believable retailer', () => {
    expect(first.locations).toBe(4);
    expect(first.products).toBeGreaterThanOrEqual(55);
    expect(first.products).toBeLessThanOrEqual(65);
    expect(first.variants).toBeGreaterThanOrEqual(180);
    expect(first.variants).toBeLessThanOrEqual(230);
    expect(first.categories).toBeGreaterThanOrEqual(8);
    expect(first.orders).toBeGreaterThanOrEqual(6);
    expect(first.customers).toBe(CUSTOMERS.length);
    expect(first.stockUnits).toBeGreaterThan(1000);
  });

  it('has one warehouse without pickup and three stores with pickup and opening hours', async () => {
    const rows = await handle.db.select().from(locations).orderBy(locations.code);
    expect(rows.map((r) => r.code)).toEqual(['AMS', 'RTM', 'UTR', 'WH']);
    for (const row of rows) {
      expect(row.pickupEnabled).toBe(row.kind === 'store');
      expect(Object.keys(row.openingHours).sort()).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    }
  });

  it('includes the story categories', async () => {
    const slugs = (await query<{ slug: string }>(sql`select slug from categories`)).map((r) => r.slug);
    expect(slugs).toEqual(expect.arrayContaining(['sunglasses', 'shoes']));
  });

  it('has users for every role: one admin, one clerk per store, the customers', async () => {
    const rows = await query<{ role: string; n: number | string }>(
      sql`select role, count(*) as n from users group by role`,
    );
    const byRole = Object.fromEntries(rows.map((r) => [r.role, Number(r.n)]));
    expect(byRole).toEqual({ admin: 1, clerk: 3, customer: 3 });
    const clerks = await query<{ email: string; code: string }>(
      sql`select u.email, l.code from users u join locations l on l.id = u.location_id where u.role = 'clerk' order by l.code`,
    );
    expect(clerks).toEqual([
      { email: 'clerk.amsterdam@omnishop.test', code: 'AMS' },
      { email: 'clerk.rotterdam@omnishop.test', code: 'RTM' },
      { email: 'clerk.utrecht@omnishop.test', code: 'UTR' },
    ]);
    expect(DEMO_LOGINS.map((l) => l.email)).toEqual(
      expect.arrayContaining([
        'admin@omnishop.test',
        'anna@example.com',
        'ben@example.com',
        'chloe@example.com',
      ]),
    );
  });

  it('stores bcrypt hashes, never the plain password', async () => {
    const rows = await query<{ password_hash: string }>(sql`select password_hash from users`);
    for (const row of rows) {
      expect(row.password_hash).not.toBe(DEMO_PASSWORD);
      expect(row.password_hash).toMatch(/^\$2[aby]\$10\$.{53}$/);
    }
  });

  it('links customer accounts to profiles and keeps one counter-made profile without account', async () => {
    const rows = await query<{ email: string; has_account: boolean }>(
      sql`select c.email, exists(select 1 from users u where u.customer_id = c.id) as has_account from customers c order by c.email`,
    );
    expect(rows.filter((r) => !r.has_account).map((r) => r.email)).toEqual(['dirk.mulder@example.com']);
  });

  it('gives every variant a valid, unique EAN-13', async () => {
    const rows = await handle.db.select({ ean: variants.ean }).from(variants);
    expect(rows.length).toBe(VARIANTS.length);
    expect(new Set(rows.map((r) => r.ean)).size).toBe(rows.length);
    for (const { ean } of rows) expect(isValidEan13(ean), ean).toBe(true);
    expect(ean13('400638133393')).toBe('4006381333931'); // a well-known real EAN
  });

  it('keeps the ledger: movements sum to the stock level of every (variant, location)', async () => {
    const mismatches = await query(sql`
      select l.variant_id, l.location_id, l.on_hand, coalesce(sum(m.on_hand_delta), 0) as ledger
      from stock_levels l
      left join stock_movements m on m.variant_id = l.variant_id and m.location_id = l.location_id
      group by l.variant_id, l.location_id, l.on_hand
      having l.on_hand <> coalesce(sum(m.on_hand_delta), 0)`);
    expect(mismatches).toEqual([]);
    const reasons = await query<{ reason: string; reference: string }>(
      sql`select distinct reason, reference from stock_movements`,
    );
    expect(reasons).toEqual([{ reason: 'receipt', reference: 'seed' }]);
  });

  it('has stock exactly 1 of LAST_UNIT_SKU in Utrecht', async () => {
    const [row] = await handle.db
      .select({ onHand: stockLevels.onHand, reserved: stockLevels.reserved })
      .from(stockLevels)
      .innerJoin(variants, eq(variants.id, stockLevels.variantId))
      .innerJoin(locations, eq(locations.id, stockLevels.locationId))
      .where(and(eq(variants.sku, LAST_UNIT_SKU), eq(locations.code, 'UTR')));
    expect(row).toEqual({ onHand: 1, reserved: 0 });
  });

  it('spreads stock unevenly: the warehouse holds most, some stores have none of some variants', async () => {
    const perLocation = await query<{ code: string; units: number | string }>(
      sql`select l.code, sum(s.on_hand) as units from stock_levels s join locations l on l.id = s.location_id group by l.code`,
    );
    const units = Object.fromEntries(perLocation.map((r) => [r.code, Number(r.units)]));
    expect(units.WH).toBeGreaterThan(units.AMS + units.UTR + units.RTM);
    const [zeros] = await query<{ n: number | string }>(
      sql`select count(*) as n from stock_levels s join locations l on l.id = s.location_id where l.kind = 'store' and s.on_hand = 0`,
    );
    expect(Number(zeros.n)).toBeGreaterThan(0);
    const warehouseOnly = await query<{ sku: string }>(sql`
      select v.sku from variants v
      join stock_levels s on s.variant_id = v.id join locations l on l.id = s.location_id
      group by v.sku
      having sum(case when l.kind = 'store' then s.on_hand else 0 end) = 0
         and sum(case when l.kind = 'warehouse' then s.on_hand else 0 end) > 0`);
    expect(warehouseOnly.map((r) => r.sku)).toContain(STORY_SKUS.warehouseOnly);
  });

  it('writes a consistent order history in both channels', async () => {
    const orders = await query<{
      number: string;
      channel: string;
      fulfilment: string;
      status: string;
      total_cents: number;
      subtotal_cents: number;
      shipping_cents: number;
      discount_cents: number;
      lines_total: number | string;
      paid: number | string;
      events: number | string;
    }>(sql`
      select o.number, o.channel, o.fulfilment, o.status, o.total_cents, o.subtotal_cents, o.shipping_cents, o.discount_cents,
        (select sum(line_total_cents) from order_lines ol where ol.order_id = o.id) as lines_total,
        (select sum(amount_cents) from payments p where p.order_id = o.id and p.status = 'succeeded') as paid,
        (select count(*) from order_events e where e.order_id = o.id) as events
      from orders o`);
    expect(new Set(orders.map((o) => o.fulfilment))).toEqual(new Set(['delivery', 'pickup', 'in_store']));
    for (const o of orders) {
      expect(o.number).toMatch(o.channel === 'web' ? /^W-\d{6}$/ : /^S-\d{6}$/);
      expect(['delivered', 'collected', 'completed']).toContain(o.status);
      expect(Number(o.lines_total) + o.shipping_cents).toBe(o.total_cents);
      expect(o.subtotal_cents - o.discount_cents + o.shipping_cents).toBe(o.total_cents);
      expect(Number(o.paid)).toBe(o.total_cents);
      expect(Number(o.events)).toBeGreaterThanOrEqual(3);
    }
  });

  it('draws a small, deterministic SVG for every product', () => {
    for (const product of PRODUCTS) {
      const spec = productImageSpec(product);
      const svg = productImageSvg(spec);
      expect(svg).toBe(productImageSvg(spec));
      expect(svg.startsWith('<svg')).toBe(true);
      expect(svg).toContain(product.brand.toUpperCase().replace('&', '&amp;'));
      expect(Buffer.byteLength(svg)).toBeLessThan(4096);
    }
  });
});
