import { and, eq, gte, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { loyaltyAccounts, loyaltyEntries, type LoyaltyEntryKind } from '@/db/schema';
import { DomainError } from '@/lib/errors';

export interface PostEntryInput {
  customerId: number;
  kind: LoyaltyEntryKind;
  /** Positive adds points, negative takes them; never 0 (the table refuses it). */
  points: number;
  orderId?: string | null;
  actorUserId?: number | null;
  reason?: string | null;
  /** The cause, e.g. 'earn:<orderId>': a second entry for the same cause is a no-op. */
  idempotencyKey: string;
  /** When it happened, if not now (the seed's history). */
  at?: Date;
}

export interface PostedEntry {
  entryId: number;
  customerId: number;
  kind: LoyaltyEntryKind;
  points: number;
  orderId: string | null;
  /** False when the cause had been posted before: nothing changed, `entry` is the first one. */
  applied: boolean;
}

const entryColumns = {
  entryId: loyaltyEntries.id,
  customerId: loyaltyEntries.customerId,
  kind: loyaltyEntries.kind,
  points: loyaltyEntries.points,
  orderId: loyaltyEntries.orderId,
};

/** The entry posted for a cause, or null. */
export async function findEntry(
  db: DbOrTx,
  idempotencyKey: string,
): Promise<Omit<PostedEntry, 'applied'> | null> {
  const [row] = await db
    .select(entryColumns)
    .from(loyaltyEntries)
    .where(eq(loyaltyEntries.idempotencyKey, idempotencyKey));
  return row ?? null;
}

/**
 * Posts one ledger entry and moves the balance by the same points, in ONE transaction (a savepoint
 * inside the caller's), so balance = sum(entries) always holds.
 *
 * Taking points is ONE conditional UPDATE (`balance >= points`), never a read then a write: two tills
 * spending the same balance at once are serialized on the account row and the second finds too
 * little (PostgreSQL re-checks the WHERE after the first commits). The CHECK (balance >= 0) is the
 * last line of defence. The entry is inserted first with its unique idempotency key, so a repeated
 * cause — also a concurrent one, which waits on the key — changes nothing and returns the first entry.
 *
 * Errors (DomainError): loyaltyInsufficientPoints ({ balance }) when the balance is below the points taken.
 */
export async function postEntry(db: DbOrTx, input: PostEntryInput): Promise<PostedEntry> {
  if (!Number.isSafeInteger(input.points) || input.points === 0)
    throw new Error(`invalid loyalty points: ${input.points}`);
  return db.transaction(async (tx) => {
    const [entry] = await tx
      .insert(loyaltyEntries)
      .values({
        customerId: input.customerId,
        kind: input.kind,
        points: input.points,
        orderId: input.orderId ?? null,
        actorUserId: input.actorUserId ?? null,
        reason: input.reason ?? null,
        idempotencyKey: input.idempotencyKey,
        ...(input.at ? { createdAt: input.at } : {}),
      })
      .onConflictDoNothing({ target: loyaltyEntries.idempotencyKey })
      .returning(entryColumns);
    if (!entry) {
      const first = await findEntry(tx, input.idempotencyKey);
      if (!first) throw new DomainError('conflict');
      return { ...first, applied: false };
    }

    if (input.points > 0) {
      await tx
        .insert(loyaltyAccounts)
        .values({ customerId: input.customerId, balance: input.points })
        .onConflictDoUpdate({
          target: loyaltyAccounts.customerId,
          set: { balance: sql`${loyaltyAccounts.balance} + ${input.points}`, updatedAt: sql`now()` },
        });
    } else {
      const take = -input.points;
      const [moved] = await tx
        .update(loyaltyAccounts)
        .set({ balance: sql`${loyaltyAccounts.balance} - ${take}`, updatedAt: sql`now()` })
        .where(and(eq(loyaltyAccounts.customerId, input.customerId), gte(loyaltyAccounts.balance, take)))
        .returning({ balance: loyaltyAccounts.balance });
      if (!moved) {
        // Thrown inside the savepoint: the entry inserted above goes with it.
        throw new DomainError(
          'loyaltyInsufficientPoints',
          { balance: await getBalance(tx, input.customerId) },
          'loyaltyPoints',
        );
      }
    }
    return { ...entry, applied: true };
  });
}

/** The customer's balance (0 without an account row). */
export async function getBalance(db: DbOrTx, customerId: number): Promise<number> {
  const [row] = await db
    .select({ balance: loyaltyAccounts.balance })
    .from(loyaltyAccounts)
    .where(eq(loyaltyAccounts.customerId, customerId));
  return row?.balance ?? 0;
}

/** The balance, with the account row locked until the transaction ends (for a capped reversal). */
export async function lockBalance(tx: DbOrTx, customerId: number): Promise<number> {
  const [row] = await tx
    .select({ balance: loyaltyAccounts.balance })
    .from(loyaltyAccounts)
    .where(eq(loyaltyAccounts.customerId, customerId))
    .for('update');
  return row?.balance ?? 0;
}

/** Sum of the customer's entries — what the balance must equal (tests and the admin's consistency check). */
export async function sumOfEntries(db: DbOrTx, customerId: number): Promise<number> {
  const [row] = await db
    .select({ sum: sql<number>`coalesce(sum(${loyaltyEntries.points}), 0)::int`.mapWith(Number) })
    .from(loyaltyEntries)
    .where(eq(loyaltyEntries.customerId, customerId));
  return row?.sum ?? 0;
}

/**
 * A profile merged into another (same person): its entries and balance move along, so no point is
 * lost when the old profile is deleted. Call inside the merge's transaction, before the delete.
 */
export async function mergeLoyalty(tx: DbOrTx, from: number, into: number): Promise<void> {
  if (from === into) return;
  const moved = await lockBalance(tx, from);
  await tx.update(loyaltyEntries).set({ customerId: into }).where(eq(loyaltyEntries.customerId, from));
  await tx.delete(loyaltyAccounts).where(eq(loyaltyAccounts.customerId, from));
  await tx
    .insert(loyaltyAccounts)
    .values({ customerId: into, balance: moved })
    .onConflictDoUpdate({
      target: loyaltyAccounts.customerId,
      set: { balance: sql`${loyaltyAccounts.balance} + ${moved}`, updatedAt: sql`now()` },
    });
}
