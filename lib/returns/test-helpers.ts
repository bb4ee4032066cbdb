// Fixtures for the returns tests (imported by *.test.ts only; never by app code). Orders are written
// as their snapshot directly, so a test can hold any mix of VAT rates, discounts and payments.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '@/db/client';
import { loyaltyAccounts, loyaltyEntries, orderEvents, orderLines, orders, payments, tillSessions, type OrderStatus, type PaymentMethod } from '@/db/schema';
import { issueInvoice } from '@/lib/invoices/issue-invoice';
import { vatIncluded } from '@/lib/pricing';

export interface TestLine {
  variantId: number;
  quantity: number;
  unitPriceCents: number;
  discountCents?: number;
  vatRateBp?: number;
}

export interface TestOrder {
  channel?: 'web' | 'store';
  status?: OrderStatus;
  stockLocationId: number;
  customerId?: number | null;
  email?: string | null;
  shippingCents?: number;
  lines: TestLine[];
  /** Default: one card_terminal (store) / test_provider (web) payment of the total. */
  payments?: { method: PaymentMethod; amountCents: number; providerReference?: string }[];
  handedOverAt?: Date;
  /** Points redeemed (a loyalty_points payment must be in payments) and earned. */
  redeemedPoints?: number;
  earnedPoints?: number;
}

/** Writes an order snapshot (lines, VAT, payments, the hand-over event, its invoice). */
export async function insertOrder(db: DbOrTx, input: TestOrder) {
  const channel = input.channel ?? 'store';
  const lines = input.lines.map((l) => {
    const gross = l.unitPriceCents * l.quantity;
    const total = gross - (l.discountCents ?? 0);
    const rate = l.vatRateBp ?? 2100;
    return { ...l, discountCents: l.discountCents ?? 0, lineTotalCents: total, vatRateBp: rate, vatCents: vatIncluded(total, rate) };
  });
  const shipping = input.shippingCents ?? 0;
  const byRate = new Map<number, { rateBp: number; grossCents: number; vatCents: number }>();
  const add = (rateBp: number, gross: number, vat: number) => {
    const e = byRate.get(rateBp) ?? { rateBp, grossCents: 0, vatCents: 0 };
    e.grossCents += gross;
    e.vatCents += vat;
    byRate.set(rateBp, e);
  };
  for (const l of lines) add(l.vatRateBp, l.lineTotalCents, l.vatCents);
  if (shipping > 0) add(2100, shipping, vatIncluded(shipping, 2100));
  const vat = [...byRate.values()].sort((a, b) => b.rateBp - a.rateBp);
  const total = lines.reduce((s, l) => s + l.lineTotalCents, 0) + shipping;
  const [{ n }] = rowsOf<{ n: string }>(await db.execute(sql`select nextval('order_number_seq')::text as n`));
  const status = input.status ?? (channel === 'web' ? 'delivered' : 'completed');
  const [order] = await db
    .insert(orders)
    .values({
      number: `${channel === 'web' ? 'W' : 'S'}-${n}`,
      channel,
      fulfilment: channel === 'web' ? 'delivery' : 'in_store',
      status,
      stockLocationId: input.stockLocationId,
      customerId: input.customerId ?? null,
      email: input.email ?? null,
      customerName: 'Eva de Vries',
      subtotalCents: lines.reduce((s, l) => s + l.unitPriceCents * l.quantity, 0),
      discountCents: lines.reduce((s, l) => s + l.discountCents, 0),
      shippingCents: shipping,
      totalCents: total,
      vatCents: vat.reduce((s, v) => s + v.vatCents, 0),
      vatBreakdown: vat,
      idempotencyKey: randomUUID(),
      placedAt: input.handedOverAt ?? new Date(),
    })
    .returning();
  const inserted = await db
    .insert(orderLines)
    .values(lines.map((l) => ({ orderId: order.id, variantId: l.variantId, sku: `SKU-${l.variantId}`, productName: `Product ${l.variantId}`, variantLabel: '42', quantity: l.quantity, unitPriceCents: l.unitPriceCents, discountCents: l.discountCents, lineTotalCents: l.lineTotalCents, vatRateBp: l.vatRateBp, vatCents: l.vatCents, promotionName: l.discountCents ? '10% off' : null })))
    .returning({ id: orderLines.id });
  const paid = input.payments ?? [{ method: channel === 'web' ? ('test_provider' as const) : ('card_terminal' as const), amountCents: total }];
  const paymentIds: string[] = [];
  for (const p of paid) {
    const [row] = await db
      .insert(payments)
      .values({ orderId: order.id, method: p.method, status: 'succeeded', amountCents: p.amountCents, idempotencyKey: randomUUID(), providerReference: p.providerReference ?? (p.method === 'test_provider' ? `tp_${randomUUID()}` : null) })
      .returning({ id: payments.id });
    paymentIds.push(row.id);
  }
  if (['delivered', 'collected', 'completed'].includes(status)) {
    await db.insert(orderEvents).values({ orderId: order.id, type: status as 'delivered', toStatus: status, createdAt: input.handedOverAt ?? new Date() });
    await issueInvoice(db, order.id, input.handedOverAt ?? new Date());
  }
  if (input.customerId && (input.redeemedPoints || input.earnedPoints)) {
    const redeemed = input.redeemedPoints ?? 0;
    const earned = input.earnedPoints ?? 0;
    if (redeemed) await db.insert(loyaltyEntries).values({ customerId: input.customerId, kind: 'redeem', points: -redeemed, orderId: order.id, idempotencyKey: `redeem:${order.id}` });
    if (earned) await db.insert(loyaltyEntries).values({ customerId: input.customerId, kind: 'earn', points: earned, orderId: order.id, idempotencyKey: `earn:${order.id}` });
    await db
      .insert(loyaltyAccounts)
      .values({ customerId: input.customerId, balance: earned - redeemed + 10_000 })
      .onConflictDoUpdate({ target: loyaltyAccounts.customerId, set: { balance: sql`${loyaltyAccounts.balance} + ${earned - redeemed}` } });
    // The starting balance the redemption came from.
    await db.insert(loyaltyEntries).values({ customerId: input.customerId, kind: 'adjustment', points: 10_000, idempotencyKey: `start:${order.id}` });
  }
  return { ...order, lineIds: inserted.map((l) => l.id), paymentIds };
}

export async function openTill(db: DbOrTx, locationId: number, userId: number) {
  const [row] = await db.insert(tillSessions).values({ locationId, tillName: 'Till 1', openingFloatCents: 10_000, openedByUserId: userId }).returning({ id: tillSessions.id });
  return row.id;
}
