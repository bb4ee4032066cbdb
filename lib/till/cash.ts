import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { payments, refunds, tillMovements, tillSessions } from '@/db/schema';
import { DomainError } from '@/lib/errors';

export interface ExpectedCash {
  openingFloatCents: number;
  /** Cash that stayed in the drawer from sales: tendered − change (the amount when nothing was tendered). */
  cashSalesCents: number;
  /** Cash paid out of this drawer for returns (succeeded cash refunds booked on this till session). */
  cashRefundsCents: number;
  cashInCents: number;
  cashOutCents: number;
  /** float + cash sales − cash refunds + cash in − cash out. */
  expectedCents: number;
}

/**
 * What should be in a till's drawer now, from the ledger: the opening float, the succeeded cash payments
 * taken on this till session, the cash refunds paid out of it, and the cash movements. Read in the caller's transaction (closing locks
 * the session first, so no sale or movement lands between this and the count).
 */
export async function getExpectedCash(db: DbOrTx, tillSessionId: number): Promise<ExpectedCash | null> {
  const [session] = await db
    .select({ openingFloatCents: tillSessions.openingFloatCents })
    .from(tillSessions)
    .where(eq(tillSessions.id, tillSessionId));
  if (!session) return null;
  const [sales] = await db
    .select({
      cents: sql<string>`coalesce(sum(coalesce(${payments.tenderedCents} - coalesce(${payments.changeCents}, 0), ${payments.amountCents})), 0)`,
    })
    .from(payments)
    .where(and(eq(payments.tillSessionId, tillSessionId), eq(payments.method, 'cash'), eq(payments.status, 'succeeded')));
  const [moves] = await db
    .select({
      cashIn: sql<string>`coalesce(sum(${tillMovements.amountCents}) filter (where ${tillMovements.kind} = 'cash_in'), 0)`,
      cashOut: sql<string>`coalesce(sum(${tillMovements.amountCents}) filter (where ${tillMovements.kind} = 'cash_out'), 0)`,
    })
    .from(tillMovements)
    .where(eq(tillMovements.tillSessionId, tillSessionId));
  const [paidOut] = await db
    .select({ cents: sql<string>`coalesce(sum(${refunds.amountCents}), 0)` })
    .from(refunds)
    .where(and(eq(refunds.tillSessionId, tillSessionId), eq(refunds.method, 'cash'), eq(refunds.status, 'succeeded')));
  const cashSalesCents = Number(sales.cents);
  const cashRefundsCents = Number(paidOut.cents);
  const cashInCents = Number(moves.cashIn);
  const cashOutCents = Number(moves.cashOut);
  return {
    openingFloatCents: session.openingFloatCents,
    cashSalesCents,
    cashRefundsCents,
    cashInCents,
    cashOutCents,
    expectedCents: session.openingFloatCents + cashSalesCents - cashRefundsCents + cashInCents - cashOutCents,
  };
}

/**
 * Books the counter payments of `orderId` on the till session its cart belonged to, in the sale's
 * transaction. The session is locked FOR SHARE: a close (FOR UPDATE) waits for the sale and then
 * counts it; a sale after a close is refused with DomainError('till.closed') and rolls back.
 */
export async function bookPaymentsOnTill(tx: DbOrTx, orderId: string, tillSessionId: number | null): Promise<void> {
  if (tillSessionId === null) return;
  await lockOpenTillForCash(tx, tillSessionId);
  await tx
    .update(payments)
    .set({ tillSessionId })
    .where(and(eq(payments.orderId, orderId), isNull(payments.tillSessionId)));
}

/**
 * Locks an open till session FOR SHARE for a write that moves cash in or out of its drawer (a sale, a
 * cash refund of a return): a close (FOR UPDATE) waits for it and then counts it; a closed or unknown
 * session is refused with DomainError('till.closed'). Call it inside the write's transaction.
 */
export async function lockOpenTillForCash(tx: DbOrTx, tillSessionId: number): Promise<void> {
  const [session] = await tx
    .select({ status: tillSessions.status })
    .from(tillSessions)
    .where(eq(tillSessions.id, tillSessionId))
    .for('share');
  if (!session || session.status !== 'open') throw new DomainError('till.closed');
}
