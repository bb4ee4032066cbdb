import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { loyaltyEntries, orders, payments } from '@/db/schema';
import { getSetting } from '@/lib/settings/settings';
import { ensureLoyaltyCard } from './cards';
import { lockBalance, postEntry } from './ledger';
import { pointsEarned } from './rules';
import { isExchangePayment } from '@/lib/returns/exchange-payment';

/**
 * The loyalty consequence of an order event, in the transaction that records the event. Called next
 * to notifyOrderEvent by the two functions that change an order's status (recordPayment,
 * transitionOrder), so every channel's payment and cancellation passes here:
 * - 'paid' (a web order) / 'completed' (a counter sale): the customer earns points (earnOnOrder);
 * - 'cancelled': redeemed points come back and earned ones are taken back (reverseOrder).
 * Orders without a customer earn nothing. Every entry is keyed by its cause, so a repeat is a no-op.
 */
export async function applyLoyaltyForOrderEvent(tx: DbOrTx, orderId: string, event: string): Promise<void> {
  if (event === 'paid' || event === 'completed') await earnOnOrder(tx, orderId);
  else if (event === 'cancelled') await reverseOrder(tx, orderId);
}

/** Cents of the order paid with points (succeeded 'loyalty_points' payments). */
export async function paidWithPointsCents(db: DbOrTx, orderId: string): Promise<number> {
  const [row] = await db
    .select({ sum: sql<number>`coalesce(sum(${payments.amountCents}), 0)::int`.mapWith(Number) })
    .from(payments)
    .where(
      and(
        eq(payments.orderId, orderId),
        eq(payments.method, 'loyalty_points'),
        eq(payments.status, 'succeeded'),
      ),
    );
  return row?.sum ?? 0;
}

/** Cents of an exchange order paid by the goods returned for it (lib/returns/exchange-payment). */
async function paidByExchangeCents(db: DbOrTx, orderId: string): Promise<number> {
  const [row] = await db
    .select({ sum: sql<number>`coalesce(sum(${payments.amountCents}), 0)::int`.mapWith(Number) })
    .from(payments)
    .where(and(eq(payments.orderId, orderId), isExchangePayment, eq(payments.status, 'succeeded')));
  return row?.sum ?? 0;
}

/** Credits the points a paid order earns (see pointsEarned), once per order ('earn:<orderId>'). */
export async function earnOnOrder(tx: DbOrTx, orderId: string, options: { at?: Date } = {}): Promise<number> {
  const [order] = await tx
    .select({
      customerId: orders.customerId,
      totalCents: orders.totalCents,
      shippingCents: orders.shippingCents,
    })
    .from(orders)
    .where(eq(orders.id, orderId));
  if (!order?.customerId) return 0;
  const rates = await getSetting(tx, 'loyalty');
  // An exchange order's part paid by returned goods earned its points on the original order already.
  const points = pointsEarned(
    { ...order, paidWithPointsCents: (await paidWithPointsCents(tx, orderId)) + (await paidByExchangeCents(tx, orderId)) },
    rates,
  );
  // Their card exists from the first points on, so the counter can find them by it.
  await ensureLoyaltyCard(tx, order.customerId);
  if (points <= 0) return 0;
  const entry = await postEntry(tx, {
    customerId: order.customerId,
    kind: 'earn',
    points,
    orderId,
    idempotencyKey: `earn:${orderId}`,
    at: options.at,
  });
  return entry.applied ? points : 0;
}

/**
 * A cancelled order: the points redeemed for it are refunded ('refund:<orderId>'), then the points it
 * earned are taken back ('reverse:<orderId>') — at most what the balance still holds (points already
 * spent elsewhere cannot be taken; the balance never goes below zero).
 */
export async function reverseOrder(tx: DbOrTx, orderId: string): Promise<void> {
  const totals = await tx
    .select({
      customerId: loyaltyEntries.customerId,
      kind: loyaltyEntries.kind,
      points: sql<number>`sum(${loyaltyEntries.points})::int`.mapWith(Number),
    })
    .from(loyaltyEntries)
    .where(eq(loyaltyEntries.orderId, orderId))
    .groupBy(loyaltyEntries.customerId, loyaltyEntries.kind);
  for (const row of totals) {
    if (row.kind === 'redeem' && row.points < 0) {
      await postEntry(tx, {
        customerId: row.customerId,
        kind: 'reversal',
        points: -row.points,
        orderId,
        reason: 'refund',
        idempotencyKey: `refund:${orderId}`,
      });
    }
  }
  for (const row of totals) {
    if (row.kind !== 'earn' || row.points <= 0) continue;
    const take = Math.min(row.points, await lockBalance(tx, row.customerId));
    if (take > 0) {
      await postEntry(tx, {
        customerId: row.customerId,
        kind: 'reversal',
        points: -take,
        orderId,
        reason: 'cancel',
        idempotencyKey: `reverse:${orderId}`,
      });
    }
  }
}
