import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, DbHandle } from '@/db/client';
import { invoices } from '@/db/schema';
import { createTestDatabase } from '@/db/testing';
import { createShop, resetDatabase } from '@/lib/testing/fixtures';
import { webOrder } from '@/lib/testing/orders';
import { issueInvoice } from './issue-invoice';

// Real concurrency needs real connections: PostgreSQL only (PGlite has one connection).

let handle: DbHandle;
let db: Db;
let shop: Awaited<ReturnType<typeof createShop>>;
const MAY = new Date('2026-05-01T10:00:00Z');

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  await resetDatabase(db);
  shop = await createShop(db, { warehouse: 100 });
});
afterAll(() => handle?.close());

describe('[POSTGRES] invoice numbers under concurrency', () => {
  it('are gapless and unique when many orders are invoiced at once, some of them rolled back', async () => {
    const orders = [];
    for (let i = 0; i < 24; i++) orders.push(await webOrder(db, shop, { fulfilment: 'delivery', guest: { email: `g${i}@example.com` } }));
    // Every third issue fails after drawing its number (its transaction rolls back); the rest commit.
    const results = await Promise.allSettled(
      orders.map((o, i) =>
        db.transaction(async (tx) => {
          const invoice = await issueInvoice(tx, o.orderId, MAY);
          await tx.execute(sql`select pg_sleep(0.005)`);
          if (i % 3 === 0) throw new Error('cause failed');
          return invoice;
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(8);
    const rows = await db.select({ number: invoices.number }).from(invoices).orderBy(invoices.number);
    expect(rows.map((r) => r.number)).toEqual(Array.from({ length: 16 }, (_, i) => `F-2026-${String(i + 1).padStart(6, '0')}`));
  });

  it('give one order one invoice when it is issued twice at the same moment', async () => {
    const order = await webOrder(db, shop, { fulfilment: 'delivery', guest: { email: 'twice@example.com' } });
    const [a, b] = await Promise.all([0, 1].map(() => db.transaction((tx) => issueInvoice(tx, order.orderId, MAY))));
    expect(a).toEqual(b);
    const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(invoices).where(sql`${invoices.orderId} = ${order.orderId}`);
    expect(n).toBe(1);
  });
});
