import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { emailVerificationTokens } from '@/db/schema';

// The one place where the links mailed to a person are made and used up: email verification, profile
// claims and password resets share the table, the token format and the single-use rule; they differ
// in purpose and lifetime only. Only a token's sha256 is stored, so a database leak yields no usable links.

export type TokenPurpose = 'verify_email' | 'claim_profile' | 'password_reset';

const HOUR = 60 * 60 * 1000;

/** How long a link works, per purpose: a password reset is worth more to an attacker, so it is short. */
export const TOKEN_TTL_MS: Record<TokenPurpose, number> = {
  verify_email: 24 * HOUR,
  claim_profile: 24 * HOUR,
  password_reset: 30 * 60 * 1000,
};

/** 32 random bytes, base64url: what a link carries. */
const TOKEN_RE = /^[A-Za-z0-9_-]{43}$/;

/** Whether `token` has the shape of a link we issued (before asking anyone to sign in for it). */
export function isWellFormedToken(token: unknown): token is string {
  return typeof token === 'string' && TOKEN_RE.test(token);
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Issues a single-use, expiring token for `userId` at `email` and returns its row id (for the outbox's
 * cause key) and the raw token (for the link). Call it inside the transaction that makes it necessary.
 */
export async function issueToken(
  tx: DbOrTx,
  input: { userId: number; email: string; purpose: TokenPurpose },
  now = new Date(),
): Promise<{ id: number; token: string }> {
  const token = randomBytes(32).toString('base64url');
  const [row] = await tx
    .insert(emailVerificationTokens)
    .values({
      userId: input.userId,
      email: input.email,
      purpose: input.purpose,
      tokenHash: hashToken(token),
      expiresAt: new Date(now.getTime() + TOKEN_TTL_MS[input.purpose]),
    })
    .returning({ id: emailVerificationTokens.id });
  return { id: row.id, token };
}

export interface TakenToken {
  id: number;
  userId: number;
  email: string;
  purpose: TokenPurpose;
}

/**
 * Uses a token up: one conditional update (unused, unexpired, one of `purposes`, and the account's when
 * `userId` is given), so it works once, even when two requests carry it at the same moment.
 * Null when it did not (ask tokenState why).
 */
export async function takeToken(
  tx: DbOrTx,
  token: string,
  scope: { purposes: TokenPurpose[]; userId?: number },
  now = new Date(),
): Promise<TakenToken | null> {
  if (!isWellFormedToken(token)) return null;
  const [taken] = await tx
    .update(emailVerificationTokens)
    .set({ usedAt: now, updatedAt: now })
    .where(
      and(
        eq(emailVerificationTokens.tokenHash, hashToken(token)),
        inArray(emailVerificationTokens.purpose, scope.purposes),
        scope.userId === undefined ? undefined : eq(emailVerificationTokens.userId, scope.userId),
        isNull(emailVerificationTokens.usedAt),
        gt(emailVerificationTokens.expiresAt, now),
      ),
    )
    .returning({
      id: emailVerificationTokens.id,
      userId: emailVerificationTokens.userId,
      email: emailVerificationTokens.email,
      purpose: emailVerificationTokens.purpose,
    });
  return taken ?? null;
}

/** What a token is now, without using it: for a page that must not spend a link merely by showing it. */
export type TokenState = 'valid' | 'expired' | 'used' | 'invalid' | 'wrongAccount';

export async function tokenState(
  db: DbOrTx,
  token: string,
  scope: { purposes: TokenPurpose[]; userId?: number },
  now = new Date(),
): Promise<TokenState> {
  if (!isWellFormedToken(token)) return 'invalid';
  const [row] = await db
    .select({ userId: emailVerificationTokens.userId, usedAt: emailVerificationTokens.usedAt, expiresAt: emailVerificationTokens.expiresAt })
    .from(emailVerificationTokens)
    .where(and(eq(emailVerificationTokens.tokenHash, hashToken(token)), inArray(emailVerificationTokens.purpose, scope.purposes)));
  if (!row) return 'invalid';
  if (scope.userId !== undefined && row.userId !== scope.userId) return 'wrongAccount';
  if (row.usedAt) return 'used';
  return new Date(row.expiresAt).getTime() > now.getTime() ? 'valid' : 'expired';
}

/** Marks the account's other open tokens of these purposes used: once one worked, the rest prove nothing new. */
export async function retireTokens(tx: DbOrTx, userId: number, purposes: TokenPurpose[], now = new Date()): Promise<void> {
  await tx
    .update(emailVerificationTokens)
    .set({ usedAt: now, updatedAt: now })
    .where(and(eq(emailVerificationTokens.userId, userId), inArray(emailVerificationTokens.purpose, purposes), isNull(emailVerificationTokens.usedAt)));
}
