import { and, eq, ne } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { customers, users } from '@/db/schema';
import { mergeProfileInto } from './profile-merge';
import { issueToken, isWellFormedToken, retireTokens, takeToken, TOKEN_TTL_MS, tokenState } from './tokens';

export { isWellFormedToken } from './tokens';

export type VerificationPurpose = 'verify_email' | 'claim_profile';
// Password-reset tokens share the table but are never consumed (nor retired) here.
const PURPOSES: VerificationPurpose[] = ['verify_email', 'claim_profile'];

/** How long a verification link works. */
export const VERIFICATION_TTL_MS = TOKEN_TTL_MS.verify_email;

/**
 * Issues a single-use, expiring proof that the account's owner receives mail at `email`: the raw token
 * (for the link `/verify-email?token=…`) and its row id. Call it inside the transaction that makes it
 * necessary (see lib/identity/tokens.ts).
 */
export async function issueEmailVerification(
  tx: DbOrTx,
  input: { userId: number; email: string; purpose: VerificationPurpose },
  now = new Date(),
): Promise<{ id: number; token: string }> {
  return issueToken(tx, input, now);
}

/**
 * - verified: the address is proven (and, when no profile had it, the account's profile now carries it)
 * - claimed: also the existing profile with that address, and its history, is now the account's
 * - expired / used / invalid: nothing changed
 * - wrongAccount: the link belongs to another account than the one signed in; nothing changed
 */
export type VerifyEmailResult = 'verified' | 'claimed' | 'expired' | 'used' | 'invalid' | 'wrongAccount';

/**
 * Consumes a verification token for the signed-in account `userId`, in one transaction: the token is
 * taken by a conditional update (unused and unexpired), so it works once, even when clicked twice at
 * the same moment. Then users.email_verified_at is set and the profile with that email, if any and not
 * someone else's, is merged into the account (mergeProfileInto).
 *
 * The token must be used while signed in as the account that asked for it: whoever created an account
 * with somebody else's address knows the password but never sees the mail; the owner of the mailbox
 * sees the mail but has no session of that account — a click on a stray link cannot hand a history
 * to a stranger ("pre-hijacked accounts", https://arxiv.org/abs/2205.10174).
 */
export async function verifyEmailToken(db: DbOrTx, token: string, viewer: { userId: number }, now = new Date()): Promise<VerifyEmailResult> {
  if (!isWellFormedToken(token)) return 'invalid';
  return db.transaction(async (tx) => {
    const taken = await takeToken(tx, token, { purposes: PURPOSES, userId: viewer.userId }, now);
    if (!taken) {
      const state = await tokenState(tx, token, { purposes: PURPOSES, userId: viewer.userId }, now);
      // Taken by nobody yet still 'valid' means a parallel click used it between the two statements.
      return state === 'valid' ? 'used' : state;
    }

    const [user] = await tx
      .select({ id: users.id, email: users.email, customerId: users.customerId })
      .from(users)
      .where(eq(users.id, taken.userId))
      .for('update');
    // The address was changed since the link was sent: it proves nothing about the current one.
    if (!user || user.email !== taken.email) return 'invalid';

    await tx.update(users).set({ emailVerifiedAt: now, updatedAt: now }).where(eq(users.id, user.id));
    // Other links for this account have nothing left to prove.
    await retireTokens(tx, user.id, PURPOSES, now);
    return linkProfile(tx, { userId: user.id, email: taken.email, ownProfileId: user.customerId }, now);
  });
}

async function linkProfile(
  tx: DbOrTx,
  input: { userId: number; email: string; ownProfileId: number | null },
  now: Date,
): Promise<VerifyEmailResult> {
  const [existing] = await tx.select({ id: customers.id }).from(customers).where(eq(customers.email, input.email)).for('update');
  if (!existing) {
    if (input.ownProfileId !== null) {
      await tx.update(customers).set({ email: input.email, updatedAt: now }).where(eq(customers.id, input.ownProfileId));
    }
    return 'verified';
  }
  if (existing.id === input.ownProfileId) return 'verified';
  const [holder] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.customerId, existing.id), ne(users.id, input.userId)));
  // Another account already owns that profile: proving an address does not take it away from them.
  if (holder) return 'verified';
  await mergeProfileInto(tx, { from: input.ownProfileId, into: existing.id, userId: input.userId });
  return 'claimed';
}
