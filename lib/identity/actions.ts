'use server';

import { AuthError } from 'next-auth';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { access, action } from '@/lib/actions/action';
import { signIn, signOut } from '@/lib/auth/auth';
import { DomainError } from '@/lib/errors';
import { linkVisitorToCustomer, requestVisit } from '@/lib/insight/events';
import { enforceRateLimits, requestClientAddress } from '@/lib/rate-limit/public-limits';
import { safeRedirectTarget } from './callback-url';
import { homeFor } from './home';
import { registerCustomer, revokeSessions } from './mutations';
import { requestPasswordReset, resetPassword } from './password-reset';
import { getCredentials } from './queries';
import { requestPasswordResetSchema, resetPasswordSchema, signInSchema, signUpSchema } from './schemas';
import { resendEmailVerification } from './verification-mail';

export const signInAction = action({ schema: signInSchema, access: access.public }, async (input) => {
  try {
    await signIn('credentials', { email: input.email, password: input.password, redirect: false });
  } catch (error) {
    if (error instanceof AuthError) {
      const tooMany = (error as AuthError & { code?: string }).code === 'too_many_attempts';
      throw new DomainError(tooMany ? 'tooManyAttempts' : 'invalidCredentials');
    }
    throw error;
  }
  const user = await getCredentials(getDb(), input.email);
  // S13: the visitor's anonymous touchpoints so far are this customer's (one UPDATE).
  await linkVisitorToCustomer(getDb(), (await requestVisit()).visitorId, user?.customerId);
  redirect(safeRedirectTarget(input.callbackUrl, homeFor(user?.role ?? 'customer')));
});

/** Limited per client address and per email before anything is written: each call creates an account, hashes and mails. */
export const signUpAction = action({ schema: signUpSchema, access: access.public }, async (input, { locale }) => {
  await enforceRateLimits(getDb(), [
    ['signUpPerAddress', await requestClientAddress()],
    ['signUpPerEmail', input.email],
  ]);
  // The verification token stays on the server: its mail is queued with the account (see registerCustomer).
  await registerCustomer(getDb(), { ...input, locale });
  await signIn('credentials', { email: input.email, password: input.password, redirect: false });
  const user = await getCredentials(getDb(), input.email);
  await linkVisitorToCustomer(getDb(), (await requestVisit()).visitorId, user?.customerId);
  redirect(safeRedirectTarget(input.callbackUrl, '/account'));
});

export const signOutAction = action({ schema: z.object({}).strict(), access: access.public }, async (_input, { actor }) => {
  // Revoke on the server first: clearing the cookie alone would leave a copied token valid for hours.
  if (actor) await revokeSessions(getDb(), actor.userId);
  await signOut({ redirectTo: '/' });
});

/**
 * "Forgot your password?": the same answer whether or not the address has an account (no way to find
 * out who shops here); a link is mailed only when it has. Limited per client address and per email.
 */
export const requestPasswordResetAction = action({ schema: requestPasswordResetSchema, access: access.public }, async (input, { locale, t }) => {
  const db = getDb();
  await enforceRateLimits(db, [
    ['passwordResetPerAddress', await requestClientAddress()],
    ['passwordResetPerEmail', input.email],
  ]);
  await requestPasswordReset(db, { email: input.email, locale });
  return { message: t('auth.forgotPassword.sent', { email: input.email }) };
});

const RESET_REFUSED = { expired: 'resetLinkExpired', used: 'resetLinkUsed', invalid: 'resetLinkInvalid' } as const;

/** The new password from the reset link; every session of the account ends, so sign in again. */
export const resetPasswordAction = action({ schema: resetPasswordSchema, access: access.public }, async (input) => {
  const db = getDb();
  await enforceRateLimits(db, [['passwordResetSubmitPerAddress', await requestClientAddress()]]);
  const result = await resetPassword(db, { token: input.token, password: input.password });
  if (result !== 'reset') throw new DomainError(RESET_REFUSED[result]);
  redirect('/sign-in?reset=done');
});

/** "Send again" on the account page, while the address is not confirmed. Limited per account. */
export const resendVerificationAction = action({ schema: z.object({}).strict(), access: access.customer }, async (_input, { actor, locale, t }) => {
  const db = getDb();
  await enforceRateLimits(db, [['verificationResendPerAccount', String(actor.userId)]]);
  const result = await resendEmailVerification(db, { userId: actor.userId, locale });
  return { message: t(result === 'sent' ? 'shop.account.verify.sent' : 'shop.account.verify.already', { email: actor.email }) };
});
