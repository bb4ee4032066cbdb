import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { carts, customers, loyaltyEntries, orders, type LoyaltyEntryKind } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { getSetting } from '@/lib/settings/settings';
import { getBalance } from './ledger';
import { maxRedeemablePoints, type LoyaltyRates } from './rules';

export interface LoyaltyEntryDto {
  id: number;
  kind: LoyaltyEntryKind;
  points: number;
  reason: string | null;
  orderId: string | null;
  orderNumber: string | null;
  createdAt: Date;
}

export interface LoyaltySummaryDto {
  customerId: number;
  /** Null until the customer first needs a card (see ensureLoyaltyCard). */
  cardNumber: string | null;
  balance: number;
  /** Newest first. */
  entries: LoyaltyEntryDto[];
  rates: LoyaltyRates;
}

/** Balance, card number and the last entries of one customer. Callers authorize (see below). */
async function loyaltySummary(
  db: DbOrTx,
  customerId: number,
  limit: number,
): Promise<LoyaltySummaryDto | null> {
  const [customer] = await db
    .select({ card: customers.loyaltyCardNumber })
    .from(customers)
    .where(eq(customers.id, customerId));
  if (!customer) return null;
  const entries = await db
    .select({
      id: loyaltyEntries.id,
      kind: loyaltyEntries.kind,
      points: loyaltyEntries.points,
      reason: loyaltyEntries.reason,
      orderId: loyaltyEntries.orderId,
      orderNumber: orders.number,
      createdAt: loyaltyEntries.createdAt,
    })
    .from(loyaltyEntries)
    .leftJoin(orders, eq(orders.id, loyaltyEntries.orderId))
    .where(eq(loyaltyEntries.customerId, customerId))
    .orderBy(desc(loyaltyEntries.createdAt), desc(loyaltyEntries.id))
    .limit(limit);
  return {
    customerId,
    cardNumber: customer.card,
    balance: await getBalance(db, customerId),
    entries,
    rates: await getSetting(db, 'loyalty'),
  };
}

/** The signed-in customer's own loyalty (null for staff, who have no profile). Never anyone else's. */
export async function getMyLoyalty(db: DbOrTx, actor: Actor, limit = 10): Promise<LoyaltySummaryDto | null> {
  if (actor.role !== 'customer' || !actor.customerId) return null;
  return loyaltySummary(db, actor.customerId, limit);
}

/** A customer's loyalty for staff (counter customer panel, admin customer detail). */
export async function getCustomerLoyaltyForStaff(
  db: DbOrTx,
  actor: Actor,
  customerId: number,
  limit = 5,
): Promise<LoyaltySummaryDto | null> {
  if (actor.role !== 'clerk' && actor.role !== 'admin') throw new DomainError('forbidden');
  return loyaltySummary(db, customerId, limit);
}

export interface CounterRedeemOptions {
  customerId: number;
  customerName: string;
  balance: number;
  /** The most points the sale can take now (whole steps, ≤ balance, worth ≤ the total). */
  maxPoints: number;
  stepPoints: number;
  stepCents: number;
}

/**
 * "Pay with points" at the counter: for the customer attached to the clerk's own cart, what can be
 * redeemed on `totalCents`. Null without an attached customer or with too few points for one step.
 */
export async function getCounterRedeemOptions(
  db: DbOrTx,
  actor: Actor,
  input: { cartId: string; totalCents: number },
): Promise<CounterRedeemOptions | null> {
  if (actor.role !== 'clerk' && actor.role !== 'admin') throw new DomainError('forbidden');
  const [row] = await db
    .select({ customerId: customers.id, name: customers.name })
    .from(carts)
    .innerJoin(customers, eq(customers.id, carts.customerId))
    .where(and(eq(carts.id, input.cartId), eq(carts.clerkUserId, actor.userId)));
  if (!row) return null;
  const rates = await getSetting(db, 'loyalty');
  const balance = await getBalance(db, row.customerId);
  const maxPoints = maxRedeemablePoints(balance, input.totalCents, rates);
  if (maxPoints <= 0) return null;
  return {
    customerId: row.customerId,
    customerName: row.name,
    balance,
    maxPoints,
    stepPoints: rates.redeemStepPoints,
    stepCents: rates.redeemStepCents,
  };
}

/** At web checkout: what the signed-in customer may redeem on `totalCents` (null: nothing). */
export async function getCheckoutRedeemOptions(db: DbOrTx, actor: Actor | null, totalCents: number) {
  if (!actor || actor.role !== 'customer' || !actor.customerId) return null;
  const rates = await getSetting(db, 'loyalty');
  const balance = await getBalance(db, actor.customerId);
  const maxPoints = maxRedeemablePoints(balance, totalCents, rates);
  if (maxPoints <= 0) return null;
  return { balance, maxPoints, stepPoints: rates.redeemStepPoints, stepCents: rates.redeemStepCents };
}
