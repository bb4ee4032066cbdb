import { and, eq, ne } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { customers, users } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/config';
import { enqueueNotification } from '@/lib/notifications/outbox';
import { issueEmailVerification, type VerificationPurpose } from './email-verification';

/**
 * Issues a verification link and puts its mail in the outbox, on the caller's transaction: the mail
 * exists if and only if the token does (DESIGN invariant 8). `claim_profile` tells the person that
 * confirming also brings their earlier orders into the account. Returns the raw token.
 */
export async function sendVerificationMail(
  tx: DbOrTx,
  input: { userId: number; email: string; name: string; purpose: VerificationPurpose; locale: Locale; customerId: number | null },
  now = new Date(),
): Promise<string> {
  const { id, token } = await issueEmailVerification(tx, { userId: input.userId, email: input.email, purpose: input.purpose }, now);
  await enqueueNotification(tx, {
    causeKey: `verify-email:${id}`,
    channel: 'email',
    recipient: input.email,
    templateKey: 'verify_email',
    locale: input.locale,
    payload: { name: input.name, link: `/verify-email?token=${token}`, claim: input.purpose === 'claim_profile' },
    customerId: input.customerId,
  });
  return token;
}

/**
 * "Send again" on the account page: a new link for the signed-in account while its address is not
 * confirmed ('alreadyVerified' otherwise, nothing sent). Earlier links keep working until they expire.
 * The caller rate-limits it per account.
 */
export async function resendEmailVerification(
  db: DbOrTx,
  input: { userId: number; locale: Locale },
  now = new Date(),
): Promise<'sent' | 'alreadyVerified'> {
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id, email: users.email, name: users.name, customerId: users.customerId, verifiedAt: users.emailVerifiedAt })
      .from(users)
      .where(eq(users.id, input.userId))
      .for('update');
    if (!user) throw new DomainError('notFound');
    if (user.verifiedAt) return 'alreadyVerified';
    // As at sign-up: another profile with this address (the counter's, a guest's) is what a claim is for.
    const [other] = await tx
      .select({ id: customers.id })
      .from(customers)
      .where(and(eq(customers.email, user.email), user.customerId === null ? undefined : ne(customers.id, user.customerId)));
    const purpose: VerificationPurpose = other ? 'claim_profile' : 'verify_email';
    await sendVerificationMail(tx, { userId: user.id, email: user.email, name: user.name, purpose, locale: input.locale, customerId: user.customerId }, now);
    return 'sent';
  });
}
