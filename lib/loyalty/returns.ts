import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { loyaltyEntries, orderLines, orders, returnLines, returns } from '@/db/schema';
import { pointsToReverse } from '@/lib/returns/rules';
import { lockBalance, postEntry } from './ledger';

// Loyalty on returned goods (lib/returns calls these in the refund's transaction). Every entry is
// keyed by its cause, so a repeated refund posts nothing twice.

async function pointsOf(db: DbOrTx, orderId: string, kind: 'earn' | 'redeem') {
  const [row] = await db
    .select({ customerId: loyaltyEntries.customerId, points: sql<number>`coalesce(sum(${loyaltyEntries.points}), 0)::int`.mapWith(Number) })
    .from(loyaltyEntries)
    .where(and(eq(loyaltyEntries.orderId, orderId), eq(loyaltyEntries.kind, kind)))
    .groupBy(loyaltyEntries.customerId);
  return row ?? null;
}

/**
 * Points that paid for refunded goods go back as points: the share of the points redeemed for the
 * order that `amountCents` is of the points payment (cumulative floor over the payment's refunds, so
 * all refunds of it give back exactly the points redeemed). Returns the points given back.
 */
export async function refundPointsPayment(
  tx: DbOrTx,
  input: { orderId: string; paymentAmountCents: number; refundedBeforeCents: number; amountCents: number; refundId: string; actorUserId?: number | null },
): Promise<number> {
  const redeemed = await pointsOf(tx, input.orderId, 'redeem');
  if (!redeemed || redeemed.points >= 0 || input.paymentAmountCents <= 0) return 0;
  const total = -redeemed.points;
  const after = Math.min(input.paymentAmountCents, input.refundedBeforeCents + input.amountCents);
  const points = Math.floor((total * after) / input.paymentAmountCents) - Math.floor((total * input.refundedBeforeCents) / input.paymentAmountCents);
  if (points <= 0) return 0;
  const entry = await postEntry(tx, {
    customerId: redeemed.customerId,
    kind: 'reversal',
    points,
    orderId: input.orderId,
    actorUserId: input.actorUserId ?? null,
    reason: 'return_refund',
    idempotencyKey: `return-points:${input.refundId}`,
  });
  return entry.applied ? points : 0;
}

/**
 * Points earned on goods that came back are taken back, pro rata to the goods value refunded over
 * all refunded returns of the order (so several partial returns together never take back more than
 * was earned) — at most what the balance still holds. Once per return. Returns the points taken.
 */
export async function reverseEarnedForReturn(tx: DbOrTx, input: { orderId: string; returnId: string; actorUserId?: number | null }): Promise<number> {
  const earned = await pointsOf(tx, input.orderId, 'earn');
  if (!earned || earned.points <= 0) return 0;
  const [goods] = await tx
    .select({ cents: sql<number>`coalesce(sum(${orderLines.lineTotalCents}), 0)::int`.mapWith(Number) })
    .from(orderLines)
    .where(eq(orderLines.orderId, input.orderId));
  // Goods refunded over this and the order's earlier refunded returns, and what returns took back already.
  const [refunded] = await tx
    .select({ cents: sql<number>`coalesce(sum(${returnLines.refundCents}), 0)::int`.mapWith(Number) })
    .from(returnLines)
    .innerJoin(returns, eq(returns.id, returnLines.returnId))
    .where(and(eq(returns.orderId, input.orderId), sql`(${returns.id} = ${input.returnId} or ${inArray(returns.status, ['refunded', 'closed'])})`));
  const [taken] = await tx
    .select({ points: sql<number>`coalesce(-sum(${loyaltyEntries.points}), 0)::int`.mapWith(Number) })
    .from(loyaltyEntries)
    .where(and(eq(loyaltyEntries.orderId, input.orderId), eq(loyaltyEntries.kind, 'reversal'), eq(loyaltyEntries.reason, 'return')));
  const points = pointsToReverse({
    earnedPoints: earned.points,
    goodsTotalCents: goods?.cents ?? 0,
    returnedCentsBefore: 0,
    returnedCentsNow: refunded?.cents ?? 0,
  }) - (taken?.points ?? 0);
  const [order] = await tx.select({ customerId: orders.customerId }).from(orders).where(eq(orders.id, input.orderId));
  const customerId = order?.customerId ?? earned.customerId;
  const take = Math.min(points, await lockBalance(tx, customerId));
  if (take <= 0) return 0;
  const entry = await postEntry(tx, {
    customerId,
    kind: 'reversal',
    points: -take,
    orderId: input.orderId,
    actorUserId: input.actorUserId ?? null,
    reason: 'return',
    idempotencyKey: `return-reverse:${input.returnId}`,
  });
  return entry.applied ? take : 0;
}
