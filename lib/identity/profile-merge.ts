import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import {
  carts,
  conversationMessages,
  conversationThreads,
  customerAddresses,
  customers,
  notifications,
  orders,
  returns,
  users,
} from '@/db/schema';
import { mergeCustomerInsight } from '@/lib/insight/customer-events-data';
import { recomputeCustomerSegments } from '@/lib/insight/segments';
import { mergeLoyalty } from '@/lib/loyalty/ledger';
import { mergePromotionUsage } from '@/lib/promotions/customer-merge';
import { mergeReviews } from '@/lib/reviews/customer-data';
import { mergeStoreCredit } from '@/lib/store-credit/ledger';

/** The tables {@link mergeProfileInto} moves; profile-merge is checked against the schema by a test. */
export const MERGED_CUSTOMER_REFERENCES = [
  'carts',
  'conversation_threads',
  'notifications',
  'orders',
  'users',
  'loyalty_accounts',
  'loyalty_entries',
  'customer_addresses',
  'returns',
  'store_credit_accounts',
  'store_credit_entries',
  'promotion_customer_usage',
  'promotion_redemptions',
  'product_reviews',
  'customer_events',
  'satisfaction_responses',
  'experiment_exposures',
  // Recomputed for the kept profile; the deleted one's row goes with it (cascade).
  'customer_segments',
] as const;

/**
 * Moves everything an account's own (new) profile collected since sign-up — orders, carts, sent
 * notifications, its conversation — to the profile it has just proven to own, points the account at
 * that profile and deletes its own. Runs inside the caller's transaction. Every table that references
 * customers must be handled here: deleting the profile would otherwise lose (cascade) or orphan rows.
 */
export async function mergeProfileInto(
  tx: DbOrTx,
  input: { from: number | null; into: number; userId: number },
): Promise<void> {
  const { from, into } = input;
  if (from !== null && from !== into) {
    await tx.update(orders).set({ customerId: into }).where(eq(orders.customerId, from));
    await tx.update(carts).set({ customerId: into }).where(eq(carts.customerId, from));
    await tx.update(notifications).set({ customerId: into }).where(eq(notifications.customerId, from));
    await mergeConversation(tx, from, into);
    // Points earned before the claim move along (the delete below would cascade them away).
    await mergeLoyalty(tx, from, into);
    await mergeAddresses(tx, from, into);
    await mergeAfterSales(tx, from, into);
  }
  await tx.update(users).set({ customerId: into }).where(eq(users.id, input.userId));
  if (from !== null && from !== into) {
    await tx.delete(customers).where(eq(customers.id, from));
    await recomputeCustomerSegments(tx, into);
  }
}

/**
 * Returns, store credit, promotion uses, reviews, touchpoints, survey answers and experiment exposures
 * follow the person (also used by lib/customers merge).
 */
export async function mergeAfterSales(tx: DbOrTx, from: number, into: number): Promise<void> {
  await tx.update(returns).set({ customerId: into }).where(eq(returns.customerId, from));
  await mergeStoreCredit(tx, from, into);
  await mergePromotionUsage(tx, from, into);
  await mergeReviews(tx, from, into);
  await mergeCustomerInsight(tx, from, into);
}

const threadColumns = {
  id: conversationThreads.id,
  status: conversationThreads.status,
  lastMessageAt: conversationThreads.lastMessageAt,
};

/** One thread per customer (a unique index): moves the thread, or its messages into the existing one (also used by lib/customers merge). */
export async function mergeConversation(tx: DbOrTx, from: number, into: number): Promise<void> {
  const [fromThread] = await tx
    .select(threadColumns)
    .from(conversationThreads)
    .where(eq(conversationThreads.customerId, from));
  if (!fromThread) return;
  const [intoThread] = await tx
    .select(threadColumns)
    .from(conversationThreads)
    .where(eq(conversationThreads.customerId, into));
  if (!intoThread) {
    await tx
      .update(conversationThreads)
      .set({ customerId: into })
      .where(eq(conversationThreads.id, fromThread.id));
    return;
  }
  await tx
    .update(conversationMessages)
    .set({ threadId: intoThread.id })
    .where(eq(conversationMessages.threadId, fromThread.id));
  const newer = new Date(fromThread.lastMessageAt) > new Date(intoThread.lastMessageAt);
  await tx
    .update(conversationThreads)
    .set({
      lastMessageAt: newer ? fromThread.lastMessageAt : intoThread.lastMessageAt,
      // An open question in either thread keeps the merged one open.
      status: fromThread.status === 'open' ? 'open' : intoThread.status,
    })
    .where(eq(conversationThreads.id, intoThread.id));
  await tx.delete(conversationThreads).where(eq(conversationThreads.id, fromThread.id));
}

/** The address book moves along; the kept profile's default stays the default (one per customer). */
async function mergeAddresses(tx: DbOrTx, from: number, into: number): Promise<void> {
  const [intoDefault] = await tx
    .select({ id: customerAddresses.id })
    .from(customerAddresses)
    .where(and(eq(customerAddresses.customerId, into), eq(customerAddresses.isDefault, true)));
  if (intoDefault) {
    await tx
      .update(customerAddresses)
      .set({ isDefault: false })
      .where(eq(customerAddresses.customerId, from));
  }
  await tx.update(customerAddresses).set({ customerId: into }).where(eq(customerAddresses.customerId, from));
}
