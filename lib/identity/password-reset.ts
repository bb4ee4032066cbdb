import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import type { Locale } from '@/lib/i18n/config';
import { enqueueNotification } from '@/lib/notifications/outbox';
import { clearRateLimit } from '@/lib/rate-limit/rate-limit';
import { ACCOUNT_BACKOFF } from './sign-in-throttle';
import { issueToken, retireTokens, takeToken, TOKEN_TTL_MS, tokenState, type TokenPurpose } from './tokens';

// A shopper who forgot their password gets a link by email (a 'password_reset' token, see tokens.ts):
// single use, 30 minutes, only its hash stored. Using it sets a new password and ends every session.

const PURPOSES: TokenPurpose[] = ['password_reset'];

export const PASSWORD_RESET_TTL_MINUTES = TOKEN_TTL_MS.password_reset / 60_000;

/**
 * Mails a reset link to the shopper account with this (normalised) email, in one transaction with the
 * token (the outbox row exists if and only if the token does). Answers nothing either way, so the
 * caller gives the same answer whether or not the address has an account. Staff accounts and disabled
 * accounts get no link: an admin resets a clerk's password, and a disabled account stays shut.
 */
export async function requestPasswordReset(db: DbOrTx, input: { email: string; locale: Locale }, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id, email: users.email, name: users.name, role: users.role, disabled: users.disabled, customerId: users.customerId })
      .from(users)
      .where(eq(users.email, input.email));
    if (!user || user.role !== 'customer' || user.disabled) return;
    const { id, token } = await issueToken(tx, { userId: user.id, email: user.email, purpose: 'password_reset' }, now);
    await enqueueNotification(tx, {
      causeKey: `password-reset:${id}`,
      channel: 'email',
      recipient: user.email,
      templateKey: 'password_reset',
      // The language of the page they asked from: the one they are reading now.
      locale: input.locale,
      payload: { name: user.name, resetUrl: `/reset-password?token=${token}`, expiresInMinutes: PASSWORD_RESET_TTL_MINUTES },
      customerId: user.customerId,
    });
  });
}

/** 'valid', or why a reset link cannot be used — for the page, which must not spend the link by showing it. */
export async function passwordResetLinkState(db: DbOrTx, token: string, now = new Date()): Promise<'valid' | 'expired' | 'used' | 'invalid'> {
  const state = await tokenState(db, token, { purposes: PURPOSES }, now);
  return state === 'wrongAccount' ? 'invalid' : state;
}

export type ResetPasswordResult = 'reset' | 'expired' | 'used' | 'invalid';

/**
 * Sets a new password with a reset link: the token is used up by a conditional update (so it works
 * once, even twice at the same moment), the password changes, users.session_version is bumped so every
 * session of the account ends at once (a thief's too), the account's other reset links stop working,
 * and failed sign-ins of the account are forgotten. bcrypt runs before the transaction, only for a
 * link that looks usable. `password` must already satisfy the sign-up rules (resetPasswordSchema).
 */
export async function resetPassword(db: DbOrTx, input: { token: string; password: string }, now = new Date()): Promise<ResetPasswordResult> {
  const before = await passwordResetLinkState(db, input.token, now);
  if (before !== 'valid') return before;
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const taken = await takeToken(tx, input.token, { purposes: PURPOSES }, now);
    // Valid a moment ago: a parallel request used it meanwhile (or it expired just now).
    if (!taken) return (await passwordResetLinkState(tx, input.token, now)) === 'expired' ? 'expired' : 'used';
    const [user] = await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: now })
      // The address changed or the account was disabled since the mail: the link proves nothing now.
      // Staff accounts get their links from an admin only (lib/staff), never from requestPasswordReset.
      .where(and(eq(users.id, taken.userId), eq(users.email, taken.email), eq(users.disabled, false)))
      .returning({ id: users.id, email: users.email });
    if (!user) return 'invalid';
    await retireTokens(tx, user.id, PURPOSES, now);
    await clearRateLimit(tx, ACCOUNT_BACKOFF.bucket, user.email);
    return 'reset';
  });
}
