import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { customers } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { ensureLoyaltyCard } from './cards';
import { getBalance, postEntry } from './ledger';
import type { AdjustLoyaltyInput } from './schemas';

export { ensureLoyaltyCard } from './cards';
export { mergeLoyalty, postEntry } from './ledger';
export { applyLoyaltyForOrderEvent, earnOnOrder, reverseOrder } from './order-events';
export { redeemPointsForOrder } from './redeem';

/**
 * An admin's correction (goodwill, a mistake): an 'adjustment' entry with the reason and the admin as
 * actor, and an audit row, in one transaction. Taking more than the balance is refused
 * (loyaltyInsufficientPoints); the same idempotency key twice adjusts once.
 *
 * Errors (DomainError): forbidden (not an admin), notFound, loyaltyInsufficientPoints ({ balance }).
 */
export async function adjustPoints(
  db: DbOrTx,
  input: AdjustLoyaltyInput,
  actor: Actor,
): Promise<{ balance: number; applied: boolean }> {
  if (actor.role !== 'admin') throw new DomainError('forbidden');
  return db.transaction(async (tx) => {
    const [customer] = await tx
      .select({ id: customers.id })
      .from(customers)
      .where(eq(customers.id, input.customerId));
    if (!customer) throw new DomainError('notFound');
    await ensureLoyaltyCard(tx, customer.id);
    const before = await getBalance(tx, customer.id);
    const entry = await postEntry(tx, {
      customerId: customer.id,
      kind: 'adjustment',
      points: input.points,
      actorUserId: actor.userId,
      reason: input.reason,
      idempotencyKey: `adjust:${input.idempotencyKey}`,
    });
    if (!entry.applied) {
      if (entry.customerId !== customer.id || entry.points !== input.points)
        throw new DomainError('conflict');
      return { balance: before, applied: false };
    }
    const balance = await getBalance(tx, customer.id);
    await recordAudit(tx, actor, {
      action: 'loyalty.adjusted',
      entityType: 'customer',
      entityId: customer.id,
      summary: `Loyalty points ${input.points > 0 ? '+' : ''}${input.points}: ${input.reason}`,
      before: { balance: before },
      after: { balance },
    });
    return { balance, applied: true };
  });
}

/** The signed-in customer's own card ("Get my loyalty card"): given once, then the same number. */
export async function issueOwnCard(db: DbOrTx, actor: Actor): Promise<string> {
  if (actor.role !== 'customer' || !actor.customerId) throw new DomainError('forbidden');
  return ensureLoyaltyCard(db, actor.customerId);
}
