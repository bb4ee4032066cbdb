import 'server-only';
import { headers } from 'next/headers';
import type { DbOrTx } from '@/db/client';
import { DomainError } from '@/lib/errors';
import { clientAddress, isLimitableAddress } from '@/lib/http/client-address';
import { takeRateLimit, type RateLimit } from './rate-limit';

const MINUTE = 60_000;

/**
 * The limits of the public, abuse-prone actions, in one place. Counted in Postgres (rate_limit_hits), so
 * every app instance shares them. Per address they stop one client; per cart they stop many addresses
 * working on one cart (a code being guessed from rotating IPv6 addresses). Sized so that a person never
 * meets them and a whole office behind one NAT rarely does.
 */
export const PUBLIC_RATE_LIMITS = {
  /** Each web checkout places an order and reserves stock until it expires. */
  // Generous per address: a mobile carrier's NAT puts many shoppers behind one address.
  checkoutPerAddress: { bucket: 'checkout:address', limit: 30, windowMs: 10 * MINUTE },
  checkoutPerCart: { bucket: 'checkout:cart', limit: 10, windowMs: 10 * MINUTE },
  /** Promotion codes are secrets worth guessing; web and counter share the per-cart count. */
  codeEntryPerCart: { bucket: 'promotion-code:cart', limit: 20, windowMs: 10 * MINUTE },
  codeEntryPerAddress: { bucket: 'promotion-code:address', limit: 60, windowMs: 10 * MINUTE },
  /** Adding to an anonymous cart creates carts (rows) for anyone without an account. */
  anonymousCartPerAddress: { bucket: 'cart-add:address', limit: 100, windowMs: 10 * MINUTE },
  /** Each retry opens a payment at the provider (for lib/payments' retryPaymentAction). */
  paymentRetryPerAddress: { bucket: 'payment-retry:address', limit: 10, windowMs: 10 * MINUTE },
  paymentRetryPerOrder: { bucket: 'payment-retry:order', limit: 5, windowMs: 10 * MINUTE },
  /** Each request mails a reset link: per address against spraying, per email so one inbox is not flooded. */
  passwordResetPerAddress: { bucket: 'password-reset:address', limit: 10, windowMs: 60 * MINUTE },
  passwordResetPerEmail: { bucket: 'password-reset:email', limit: 5, windowMs: 60 * MINUTE },
  /** Each sign-up creates an account, hashes a password (bcrypt) and queues a verification mail. */
  signUpPerAddress: { bucket: 'sign-up:address', limit: 20, windowMs: 60 * MINUTE },
  signUpPerEmail: { bucket: 'sign-up:email', limit: 5, windowMs: 60 * MINUTE },
  /** Each try with a reset link that looks usable costs a bcrypt hash. */
  passwordResetSubmitPerAddress: { bucket: 'password-reset-submit:address', limit: 20, windowMs: 15 * MINUTE },
  /** "Send again" of the verification mail, per account (not public, but it mails). */
  verificationResendPerAccount: { bucket: 'verify-email-resend:account', limit: 3, windowMs: 60 * MINUTE },
  /** Account page: changing the email or password checks the current password (bcrypt), per account. */
  accountPasswordCheckPerAccount: { bucket: 'account-password-check:account', limit: 10, windowMs: 15 * MINUTE },
  /** "Continue in store": each press writes a code row (lib/cart-handoff). */
  handoffIssuePerCart: { bucket: 'cart-handoff-issue:cart', limit: 10, windowMs: 10 * MINUTE },
  handoffIssuePerAddress: { bucket: 'cart-handoff-issue:address', limit: 30, windowMs: 10 * MINUTE },
  /** "Load a cart" at the counter: a 6-character code is guessable only by volume, so every try counts. */
  handoffLoadPerClerk: { bucket: 'cart-handoff-load:clerk', limit: 20, windowMs: 10 * MINUTE },
  handoffLoadPerStore: { bucket: 'cart-handoff-load:store', limit: 60, windowMs: 10 * MINUTE },
} as const satisfies Record<string, Omit<RateLimit, 'key'>>;

export type PublicRateLimit = keyof typeof PUBLIC_RATE_LIMITS;

/**
 * The caller's address as the limits key it (see lib/http/client-address.ts), or null when it is not
 * one to limit (loopback: see isLimitableAddress). Server actions and route handlers only.
 */
export async function requestClientAddress(): Promise<string | null> {
  const address = clientAddress(await headers());
  return isLimitableAddress(address) ? address : null;
}

/**
 * Counts one hit against each (limit, key), in order (a null key is skipped); the first one that is used up throws
 * DomainError('tooManyRequests', { minutes }) — before the caller has changed anything. A refused hit is
 * not counted, so a blocked client is let in again as its oldest hits leave the window.
 */
export async function enforceRateLimits(
  db: DbOrTx,
  hits: readonly (readonly [PublicRateLimit, string | null])[],
  now = new Date(),
): Promise<void> {
  for (const [name, key] of hits) {
    if (key === null) continue; // nothing to key this limit on (see requestClientAddress)
    const result = await takeRateLimit(db, { ...PUBLIC_RATE_LIMITS[name], key }, now);
    if (!result.allowed) {
      throw new DomainError('tooManyRequests', {
        minutes: Math.max(1, Math.ceil(result.retryAfterMs / MINUTE)),
      });
    }
  }
}
