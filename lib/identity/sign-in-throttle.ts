import { and, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { rateLimitHits } from '@/db/schema';
import { isLimitableAddress } from '@/lib/http/client-address';
import { clearRateLimit, takeRateLimit } from '@/lib/rate-limit/rate-limit';

/**
 * Per account: a few free failures, then a wait that doubles with every further failure, capped — so a
 * stranger who types wrong passwords for someone else's email slows that account down but can never
 * lock its owner out for longer than the cap. Failures are forgotten after a day, or on success.
 */
export const ACCOUNT_BACKOFF = {
  bucket: 'sign-in:account',
  freeFailures: 5,
  baseDelayMs: 2_000,
  maxDelayMs: 15 * 60_000,
  windowMs: 24 * 60 * 60_000,
  // Only a backstop for takeRateLimit: the back-off allows ~100 attempts a day at most, so it never bites.
  hardLimit: 1_000,
} as const;

/**
 * Per client address, across accounts: one guess at each of many accounts (password spraying) runs
 * into this budget, while a household or office behind one address has plenty (successes don't count).
 */
export const ADDRESS_BUDGET = { bucket: 'sign-in:address', limit: 50, windowMs: 15 * 60_000 } as const;

export type SignInAttempt = { allowed: true } | { allowed: false; retryAfterMs: number; reason: 'account' | 'address' };

/** The wait required before the next attempt, after `failures` recent failures of one account. */
export function accountBackoffMs(failures: number): number {
  const { freeFailures, baseDelayMs, maxDelayMs } = ACCOUNT_BACKOFF;
  if (failures < freeFailures) return 0;
  return Math.min(baseDelayMs * 2 ** (failures - freeFailures), maxDelayMs);
}

class Refused extends Error {
  constructor(readonly retryAfterMs: number) {
    super('refused');
  }
}

/**
 * Takes one sign-in attempt BEFORE the password is checked, atomically (takeRateLimit counts under an
 * advisory lock per bucket and key, shared by all app instances): N parallel guesses are counted one
 * after the other, so no more than the schedule allows reach the password check. The attempt counts
 * as a failure until {@link recordSignInSuccess} forgets it.
 */
export async function takeSignInAttempt(db: DbOrTx, who: { email: string; address: string }, now = new Date()): Promise<SignInAttempt> {
  const byAddress = isLimitableAddress(who.address)
    ? await takeRateLimit(db, { ...ADDRESS_BUDGET, key: who.address }, now)
    : ({ allowed: true } as const);
  if (!byAddress.allowed) return { allowed: false, retryAfterMs: byAddress.retryAfterMs, reason: 'address' };
  try {
    await db.transaction(async (tx) => {
      // takeRateLimit's advisory lock is transaction-scoped: it is held until this outer transaction
      // ends, so the back-off check below sees every earlier attempt and none can slip in between.
      const taken = await takeRateLimit(tx, { ...ACCOUNT_BACKOFF, limit: ACCOUNT_BACKOFF.hardLimit, key: who.email }, now);
      if (!taken.allowed) throw new Refused(taken.retryAfterMs);
      const wait = accountBackoffMs(taken.count - 1);
      if (wait === 0) return;
      const [previous] = await tx
        .select({ hitAt: rateLimitHits.hitAt })
        .from(rateLimitHits)
        .where(and(eq(rateLimitHits.bucket, ACCOUNT_BACKOFF.bucket), eq(rateLimitHits.key, who.email)))
        .orderBy(desc(rateLimitHits.id))
        .limit(1)
        .offset(1); // the newest row is the hit just taken
      const readyAt = (previous ? new Date(previous.hitAt).getTime() : 0) + wait;
      if (readyAt > now.getTime()) throw new Refused(readyAt - now.getTime()); // rolls back the hit just taken
    });
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    // The address paid for this refused try too: hammering an account in back-off is not free.
    return { allowed: false, retryAfterMs: error.retryAfterMs, reason: 'account' };
  }
  return { allowed: true };
}

/**
 * After a correct password: the account's failures are forgotten, and this attempt no longer counts
 * against the address (so only failures use up an address's budget).
 */
export async function recordSignInSuccess(db: DbOrTx, who: { email: string; address: string }): Promise<void> {
  await clearRateLimit(db, ACCOUNT_BACKOFF.bucket, who.email);
  const newest = db
    .select({ id: rateLimitHits.id })
    .from(rateLimitHits)
    .where(and(eq(rateLimitHits.bucket, ADDRESS_BUDGET.bucket), eq(rateLimitHits.key, who.address)))
    .orderBy(desc(rateLimitHits.id))
    .limit(1);
  await db.delete(rateLimitHits).where(inArray(rateLimitHits.id, newest));
}
