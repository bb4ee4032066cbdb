import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { customers, signInAttempts, users } from '@/db/schema';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { DomainError } from '@/lib/errors';
import { countRecentFailures, getCredentials, SIGN_IN_MAX_FAILURES, type Actor } from './queries';
import type { SignUpInput } from './schemas';

/**
 * Checks an email/password pair. Failures are counted per email in the database (shared by every app
 * instance); after too many the account is refused for a while, whatever the password.
 */
export async function verifyCredentials(db: DbOrTx, email: string, password: string): Promise<Actor | null> {
  const key = `email:${email}`;
  if ((await countRecentFailures(db, key)) >= SIGN_IN_MAX_FAILURES) throw new DomainError('tooManyAttempts');
  const user = await getCredentials(db, email);
  // Compare against a dummy hash for unknown emails so timing does not reveal which accounts exist.
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || user.disabled) {
    await db.insert(signInAttempts).values({ key });
    return null;
  }
  await db.delete(signInAttempts).where(eq(signInAttempts.key, key));
  const { passwordHash: _hash, disabled: _disabled, ...actor } = user;
  return actor;
}

const DUMMY_HASH = '$2b$10$CwTycUXWue0Thq9StjUM0uJ8.ldGAf2jQVtl8bo4ZsH3kcRRhrO9e';

/**
 * Registers a shopper. A profile with the same email (made at the counter or by a guest checkout)
 * becomes theirs, with its history.
 */
export async function registerCustomer(db: DbOrTx, input: SignUpInput): Promise<Actor> {
  return db.transaction(async (tx) => {
    const [existingUser] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
    if (existingUser) throw new DomainError('emailTaken', {}, 'email');

    const [profile] = await tx
      .insert(customers)
      .values({ email: input.email, name: input.name })
      .onConflictDoUpdate({ target: customers.email, set: { updatedAt: new Date() } })
      .returning({ id: customers.id });
    const [user] = await tx
      .insert(users)
      .values({
        email: input.email,
        name: input.name,
        passwordHash: await hashPassword(input.password),
        role: 'customer',
        customerId: profile.id,
      })
      .returning({ userId: users.id, role: users.role, email: users.email, name: users.name, locationId: users.locationId, customerId: users.customerId, sessionVersion: users.sessionVersion });
    return user;
  });
}
