import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { carts, customers } from '@/db/schema';
import type { Actor } from '@/lib/identity/queries';
import { getStoreCreditBalance } from '@/lib/store-credit/ledger';

/**
 * The store credit the customer attached to the clerk's counter cart can pay with (split tender), or
 * null without a customer or balance. Only the clerk's own open counter cart is read.
 */
export async function getCounterStoreCredit(
  db: DbOrTx,
  actor: Actor,
  cartId: string,
): Promise<{ customerName: string; balanceCents: number } | null> {
  const [row] = await db
    .select({ customerId: carts.customerId, name: customers.name })
    .from(carts)
    .innerJoin(customers, eq(customers.id, carts.customerId))
    .where(and(eq(carts.id, cartId), eq(carts.channel, 'store'), eq(carts.status, 'open'), eq(carts.clerkUserId, actor.userId)));
  if (!row?.customerId) return null;
  const balanceCents = await getStoreCreditBalance(db, row.customerId);
  return balanceCents > 0 ? { customerName: row.name ?? '', balanceCents } : null;
}

/** The signed-in customer's store-credit balance for the web checkout (0 for guests). */
export async function getCheckoutStoreCredit(db: DbOrTx, actor: Actor | null): Promise<number> {
  if (!actor?.customerId) return 0;
  return getStoreCreditBalance(db, actor.customerId);
}
