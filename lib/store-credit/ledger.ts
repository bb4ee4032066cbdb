import { and, asc, desc, eq, gt, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { orders, storeCreditAccounts, storeCreditEntries, type StoreCreditEntryKind } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { getSetting } from '@/lib/settings/settings';

// Store credit per customer (DESIGN invariant: balance = Σ entries). The balance on
// store_credit_accounts moves in the same savepoint as its entry; spending is ONE conditional UPDATE
// (`balance >= amount`), so two tills spending the same credit at once cannot both win, and the
// CHECK (balance >= 0) is the last line of defence. Credit that can be spent (issues and restored
// spends) carries remainingCents; spending and expiry use up the oldest-expiring credit first, so
// Σ remainingCents = balance as well.

export interface StoreCreditEntryDto {
  id: number;
  kind: StoreCreditEntryKind;
  amountCents: number;
  orderId: string | null;
  orderNumber: string | null;
  expiresAt: Date | null;
  remainingCents: number | null;
  reason: string | null;
  createdAt: Date;
}

export interface IssueStoreCreditInput {
  customerId: number;
  amountCents: number;
  orderId?: string | null;
  refundId?: string | null;
  actorUserId?: number | null;
  reason?: string | null;
  idempotencyKey: string;
  /** Default: now + the `returns.storeCreditExpiryMonths` setting (0 = never). */
  expiresAt?: Date | null;
  now?: Date;
}

export interface SpendStoreCreditInput {
  customerId: number;
  amountCents: number;
  orderId: string | null;
  idempotencyKey: string;
  actorUserId?: number | null;
}

export interface StoreCreditPosting {
  entryId: number;
  balanceCents: number;
  /** False for a replayed key: nothing changed. */
  applied: boolean;
}

const SPENDABLE: StoreCreditEntryKind[] = ['issue', 'reversal'];

/** The customer's store-credit balance in cents (0 without an account). */
export async function getStoreCreditBalance(db: DbOrTx, customerId: number): Promise<number> {
  const [row] = await db.select({ balance: storeCreditAccounts.balanceCents }).from(storeCreditAccounts).where(eq(storeCreditAccounts.customerId, customerId));
  return row?.balance ?? 0;
}

/** Σ of the customer's entries (tests and checks: must equal the balance). */
export async function sumOfStoreCreditEntries(db: DbOrTx, customerId: number): Promise<number> {
  const [row] = await db
    .select({ sum: sql<number>`coalesce(sum(${storeCreditEntries.amountCents}), 0)::int`.mapWith(Number) })
    .from(storeCreditEntries)
    .where(eq(storeCreditEntries.customerId, customerId));
  return row?.sum ?? 0;
}

/** The customer's ledger, newest first. */
export async function listStoreCreditEntries(db: DbOrTx, customerId: number, options: { limit?: number } = {}): Promise<StoreCreditEntryDto[]> {
  return db
    .select({
      id: storeCreditEntries.id,
      kind: storeCreditEntries.kind,
      amountCents: storeCreditEntries.amountCents,
      orderId: storeCreditEntries.orderId,
      orderNumber: orders.number,
      expiresAt: storeCreditEntries.expiresAt,
      remainingCents: storeCreditEntries.remainingCents,
      reason: storeCreditEntries.reason,
      createdAt: storeCreditEntries.createdAt,
    })
    .from(storeCreditEntries)
    .leftJoin(orders, eq(orders.id, storeCreditEntries.orderId))
    .where(eq(storeCreditEntries.customerId, customerId))
    .orderBy(desc(storeCreditEntries.createdAt), desc(storeCreditEntries.id))
    .limit(Math.min(Math.max(options.limit ?? 50, 1), 200));
}

function addMonths(at: Date, months: number): Date {
  const d = new Date(at.getTime());
  d.setUTCMonth(d.getUTCMonth() + months);
  return d;
}

async function entryForKey(db: DbOrTx, key: string) {
  const [row] = await db
    .select({ id: storeCreditEntries.id, customerId: storeCreditEntries.customerId, amountCents: storeCreditEntries.amountCents, kind: storeCreditEntries.kind })
    .from(storeCreditEntries)
    .where(eq(storeCreditEntries.idempotencyKey, key));
  return row ?? null;
}

async function credit(tx: DbOrTx, input: IssueStoreCreditInput, kind: 'issue' | 'reversal'): Promise<StoreCreditPosting> {
  if (!Number.isSafeInteger(input.amountCents) || input.amountCents <= 0) throw new DomainError('invalidState');
  const now = input.now ?? new Date();
  let expiresAt = input.expiresAt;
  if (expiresAt === undefined) {
    const { storeCreditExpiryMonths } = await getSetting(tx, 'returns');
    expiresAt = storeCreditExpiryMonths > 0 ? addMonths(now, storeCreditExpiryMonths) : null;
  }
  return tx.transaction(async (sp) => {
    const [entry] = await sp
      .insert(storeCreditEntries)
      .values({
        customerId: input.customerId,
        kind,
        amountCents: input.amountCents,
        orderId: input.orderId ?? null,
        refundId: input.refundId ?? null,
        expiresAt,
        remainingCents: input.amountCents,
        actorUserId: input.actorUserId ?? null,
        reason: input.reason ?? null,
        idempotencyKey: input.idempotencyKey,
        createdAt: now,
      })
      .onConflictDoNothing({ target: storeCreditEntries.idempotencyKey })
      .returning({ id: storeCreditEntries.id });
    if (!entry) {
      const first = await entryForKey(sp, input.idempotencyKey);
      if (!first || first.customerId !== input.customerId || first.amountCents !== input.amountCents) throw new DomainError('conflict');
      return { entryId: first.id, balanceCents: await getStoreCreditBalance(sp, input.customerId), applied: false };
    }
    const [account] = await sp
      .insert(storeCreditAccounts)
      .values({ customerId: input.customerId, balanceCents: input.amountCents })
      .onConflictDoUpdate({
        target: storeCreditAccounts.customerId,
        set: { balanceCents: sql`${storeCreditAccounts.balanceCents} + ${input.amountCents}`, updatedAt: sql`now()` },
      })
      .returning({ balance: storeCreditAccounts.balanceCents });
    return { entryId: entry.id, balanceCents: account.balance, applied: true };
  });
}

/** Adds store credit (idempotent per key), in the caller's transaction. The customer must exist (a profile). */
export async function issueStoreCredit(tx: DbOrTx, input: IssueStoreCreditInput): Promise<StoreCreditPosting> {
  return credit(tx, input, 'issue');
}

/** Gives back store credit that paid for goods now refunded (a 'reversal' entry, spendable again). */
export async function restoreStoreCredit(tx: DbOrTx, input: IssueStoreCreditInput): Promise<StoreCreditPosting> {
  return credit(tx, input, 'reversal');
}

/** Takes `amount` from the spendable credit, oldest expiry first (the balance was already debited). */
async function consume(tx: DbOrTx, customerId: number, amount: number): Promise<void> {
  let left = amount;
  const open = await tx
    .select({ id: storeCreditEntries.id, remaining: storeCreditEntries.remainingCents })
    .from(storeCreditEntries)
    .where(and(eq(storeCreditEntries.customerId, customerId), inArray(storeCreditEntries.kind, SPENDABLE), gt(storeCreditEntries.remainingCents, 0)))
    .orderBy(sql`${storeCreditEntries.expiresAt} asc nulls last`, asc(storeCreditEntries.id))
    .for('update');
  for (const row of open) {
    if (left === 0) break;
    const take = Math.min(left, row.remaining ?? 0);
    await tx.update(storeCreditEntries).set({ remainingCents: sql`${storeCreditEntries.remainingCents} - ${take}` }).where(eq(storeCreditEntries.id, row.id));
    left -= take;
  }
}

/**
 * Spends store credit (idempotent per key) in the caller's transaction: one conditional UPDATE of the
 * balance, never below 0. Errors: storeCreditInsufficient {balance} (nothing changes), conflict for a
 * key reused with another amount or customer.
 */
export async function spendStoreCredit(tx: DbOrTx, input: SpendStoreCreditInput): Promise<StoreCreditPosting> {
  if (!Number.isSafeInteger(input.amountCents) || input.amountCents <= 0) throw new DomainError('invalidState');
  return tx.transaction(async (sp) => {
    const [entry] = await sp
      .insert(storeCreditEntries)
      .values({
        customerId: input.customerId,
        kind: 'spend',
        amountCents: -input.amountCents,
        orderId: input.orderId,
        actorUserId: input.actorUserId ?? null,
        idempotencyKey: input.idempotencyKey,
      })
      .onConflictDoNothing({ target: storeCreditEntries.idempotencyKey })
      .returning({ id: storeCreditEntries.id });
    if (!entry) {
      const first = await entryForKey(sp, input.idempotencyKey);
      if (!first || first.kind !== 'spend' || first.customerId !== input.customerId || first.amountCents !== -input.amountCents) throw new DomainError('conflict');
      return { entryId: first.id, balanceCents: await getStoreCreditBalance(sp, input.customerId), applied: false };
    }
    const [moved] = await sp
      .update(storeCreditAccounts)
      .set({ balanceCents: sql`${storeCreditAccounts.balanceCents} - ${input.amountCents}`, updatedAt: sql`now()` })
      .where(and(eq(storeCreditAccounts.customerId, input.customerId), sql`${storeCreditAccounts.balanceCents} >= ${input.amountCents}`))
      .returning({ balance: storeCreditAccounts.balanceCents });
    if (!moved) {
      // Thrown inside the savepoint: the entry inserted above goes with it.
      throw new DomainError('storeCreditInsufficient', { balance: await getStoreCreditBalance(sp, input.customerId) }, 'storeCredit');
    }
    await consume(sp, input.customerId, input.amountCents);
    return { entryId: entry.id, balanceCents: moved.balance, applied: true };
  });
}

/**
 * Expires the unspent part of credit whose expiry has passed: per credit entry one 'expire' entry
 * (keyed by the credit it ends), the balance down by the same amount. Returns how many expired.
 * Rows are claimed with SKIP LOCKED so several instances share the work.
 */
export async function expireStoreCredit(db: DbOrTx, now: Date = new Date(), limit = 100): Promise<number> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: storeCreditEntries.id, customerId: storeCreditEntries.customerId, remaining: storeCreditEntries.remainingCents })
      .from(storeCreditEntries)
      .where(and(gt(storeCreditEntries.remainingCents, 0), isNotNull(storeCreditEntries.expiresAt), lte(storeCreditEntries.expiresAt, now)))
      .orderBy(asc(storeCreditEntries.expiresAt), asc(storeCreditEntries.id))
      .limit(limit)
      .for('update', { skipLocked: true });
    for (const row of due) {
      const amount = row.remaining ?? 0;
      await tx.update(storeCreditEntries).set({ remainingCents: 0 }).where(eq(storeCreditEntries.id, row.id));
      const [moved] = await tx
        .update(storeCreditAccounts)
        .set({ balanceCents: sql`${storeCreditAccounts.balanceCents} - ${amount}`, updatedAt: sql`now()` })
        .where(and(eq(storeCreditAccounts.customerId, row.customerId), sql`${storeCreditAccounts.balanceCents} >= ${amount}`))
        .returning({ balance: storeCreditAccounts.balanceCents });
      if (!moved) throw new Error(`store credit ledger out of balance for customer ${row.customerId}`);
      await tx.insert(storeCreditEntries).values({
        customerId: row.customerId,
        kind: 'expire',
        amountCents: -amount,
        reason: 'expired',
        idempotencyKey: `expire:${row.id}`,
        createdAt: now,
      });
    }
    return due.length;
  });
}

/** When the next credit expires (for the job's wake-up), or null. */
export async function nextStoreCreditExpiry(db: DbOrTx): Promise<Date | null> {
  const [row] = await db
    .select({ at: sql<Date | null>`min(${storeCreditEntries.expiresAt})`.mapWith((v) => (v ? new Date(v) : null)) })
    .from(storeCreditEntries)
    .where(gt(storeCreditEntries.remainingCents, 0));
  return row?.at ?? null;
}

/** Moves a merged profile's credit to the kept one: entries move, balances add (balance = Σ entries on both sides). */
export async function mergeStoreCredit(tx: DbOrTx, from: number, into: number): Promise<void> {
  if (from === into) return;
  const [row] = await tx
    .select({ balance: storeCreditAccounts.balanceCents })
    .from(storeCreditAccounts)
    .where(eq(storeCreditAccounts.customerId, from))
    .for('update');
  await tx.update(storeCreditEntries).set({ customerId: into }).where(eq(storeCreditEntries.customerId, from));
  if (!row) return;
  await tx.delete(storeCreditAccounts).where(eq(storeCreditAccounts.customerId, from));
  await tx
    .insert(storeCreditAccounts)
    .values({ customerId: into, balanceCents: row.balance })
    .onConflictDoUpdate({
      target: storeCreditAccounts.customerId,
      set: { balanceCents: sql`${storeCreditAccounts.balanceCents} + ${row.balance}`, updatedAt: sql`now()` },
    });
}
