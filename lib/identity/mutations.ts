import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { customers, users } from '@/db/schema';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { DomainError } from '@/lib/errors';
import { DEFAULT_LOCALE, type Locale } from '@/lib/i18n/config';
import { ensureLoyaltyCard } from '@/lib/loyalty/cards';
import type { VerificationPurpose } from './email-verification';
import { getCredentials, type Actor } from './queries';
import type { SignUpInput } from './schemas';
import { recordSignInSuccess, takeSignInAttempt } from './sign-in-throttle';
import { sendVerificationMail } from './verification-mail';

/**
 * Checks an email/password pair. The attempt is taken from the throttle (per account with growing
 * back-off, per client address with a budget) BEFORE bcrypt runs, so parallel guesses cannot all reach
 * the password check; a correct password forgets the account's failures.
 * Throws DomainError('tooManyAttempts') when the attempt is refused, whatever the password.
 */
export async function verifyCredentials(
  db: DbOrTx,
  input: { email: string; password: string; address: string },
  now = new Date(),
): Promise<Actor | null> {
  const who = { email: input.email, address: input.address };
  const attempt = await takeSignInAttempt(db, who, now);
  if (!attempt.allowed) throw new DomainError('tooManyAttempts');
  const user = await getCredentials(db, input.email);
  // Compare against a dummy hash for unknown emails so timing does not reveal which accounts exist.
  const ok = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || user.disabled) return null;
  await recordSignInSuccess(db, who);
  const { passwordHash: _hash, disabled: _disabled, ...actor } = user;
  return actor;
}

const DUMMY_HASH = '$2b$10$CwTycUXWue0Thq9StjUM0uJ8.ldGAf2jQVtl8bo4ZsH3kcRRhrO9e';

export interface Registration {
  actor: Actor;
  /** The raw token of the verification link (its mail is in the outbox). Never shown. */
  verificationToken: string;
  purpose: VerificationPurpose;
}

/**
 * Registers a shopper with a profile of their own, always empty. When a profile with that email already
 * exists (made at the counter or by a guest checkout), its history becomes theirs only once they prove
 * the address (a 'claim_profile' link, see verifyEmailToken) — signing up with someone else's email
 * shows nothing of that person. The new profile carries no email until then, so nothing can be linked
 * to it by that address either. The verification mail is queued in the same transaction, in `locale`
 * (the language the person signed up in, also kept as the account's).
 */
export async function registerCustomer(
  db: DbOrTx,
  input: SignUpInput & { locale?: Locale },
  now = new Date(),
): Promise<Registration> {
  const locale = input.locale ?? DEFAULT_LOCALE;
  // bcrypt (~70 ms) before the transaction: nothing is locked while it runs.
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [existingUser] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
    if (existingUser) throw new DomainError('emailTaken', {}, 'email');
    const [existingProfile] = await tx.select({ id: customers.id }).from(customers).where(eq(customers.email, input.email));

    const [profile] = await tx.insert(customers).values({ email: null, name: input.name, locale }).returning({ id: customers.id });
    // Sign-up promises points: the card number exists from the start (shown on the account page).
    await ensureLoyaltyCard(tx, profile.id);
    const [actor] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, passwordHash, role: 'customer', customerId: profile.id, locale })
      .onConflictDoNothing({ target: users.email })
      .returning({
        userId: users.id,
        role: users.role,
        email: users.email,
        name: users.name,
        locationId: users.locationId,
        customerId: users.customerId,
        sessionVersion: users.sessionVersion,
      });
    // A parallel sign-up with the same email won the unique index (the profile insert rolls back).
    if (!actor) throw new DomainError('emailTaken', {}, 'email');

    const purpose: VerificationPurpose = existingProfile ? 'claim_profile' : 'verify_email';
    // The link's mail goes into the outbox in this transaction: no account without its mail, and no
    // mail for an account that was rolled back.
    const verificationToken = await sendVerificationMail(
      tx,
      { userId: actor.userId, email: input.email, name: input.name, purpose, locale, customerId: profile.id },
      now,
    );
    return { actor, verificationToken, purpose };
  });
}

/**
 * Ends every session of the account at once: the session version in each token no longer matches
 * (getActor/getSessionActor compare it), so a copied or stolen cookie stops working — a JWT alone
 * cannot be revoked. Used by sign-out; also right for a password change or disabling.
 */
export async function revokeSessions(db: DbOrTx, userId: number): Promise<void> {
  await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
    .where(eq(users.id, userId));
}
