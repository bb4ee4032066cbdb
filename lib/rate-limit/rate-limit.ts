import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { rateLimitHits } from '@/db/schema';

export interface RateLimit {
  /** Names the limit, e.g. 'checkout' or 'sign-in:email'. */
  bucket: string;
  /** Whom it counts: an email, a client address… */
  key: string;
  /** Hits allowed within the window. */
  limit: number;
  windowMs: number;
}

export type RateLimitResult = { allowed: true; count: number } | { allowed: false; count: number; retryAfterMs: number };

/**
 * Counts one hit against a limit, atomically: the count and the insert happen under a transaction-scoped
 * advisory lock per (bucket, key), so N parallel requests are counted one after the other and at most
 * `limit` of them are allowed — whichever app instance serves them. A refused hit is not recorded.
 */
export async function takeRateLimit(db: DbOrTx, limit: RateLimit, now = new Date()): Promise<RateLimitResult> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`${limit.bucket}|${limit.key}`}, 0))`);
    const since = new Date(now.getTime() - limit.windowMs);
    const [row] = await tx
      .select({ n: sql<number>`count(*)::int`.mapWith(Number), oldest: sql<Date | null>`min(${rateLimitHits.hitAt})` })
      .from(rateLimitHits)
      .where(and(eq(rateLimitHits.bucket, limit.bucket), eq(rateLimitHits.key, limit.key), gt(rateLimitHits.hitAt, since)));
    const count = row?.n ?? 0;
    if (count >= limit.limit) {
      const oldest = row?.oldest ? new Date(row.oldest).getTime() : now.getTime();
      return { allowed: false, count, retryAfterMs: Math.max(1, oldest + limit.windowMs - now.getTime()) };
    }
    await tx.insert(rateLimitHits).values({ bucket: limit.bucket, key: limit.key, hitAt: now });
    return { allowed: true, count: count + 1 };
  });
}

/** Forgets the hits of one key (e.g. after a successful sign-in). */
export async function clearRateLimit(db: DbOrTx, bucket: string, key: string): Promise<void> {
  await db.delete(rateLimitHits).where(and(eq(rateLimitHits.bucket, bucket), eq(rateLimitHits.key, key)));
}

/** Deletes hits older than `olderThanMs` (any bucket); for a periodic clean-up job. */
export async function pruneRateLimitHits(db: DbOrTx, olderThanMs: number, now = new Date()): Promise<number> {
  const rows = await db
    .delete(rateLimitHits)
    .where(lt(rateLimitHits.hitAt, new Date(now.getTime() - olderThanMs)))
    .returning({ id: rateLimitHits.id });
  return rows.length;
}
