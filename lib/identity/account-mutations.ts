import { and, eq, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { customers, locations, users } from '@/db/schema';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { DomainError } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/config';
import type { ChangeEmailInput, ChangePasswordInput, PreferencesInput, UpdateProfileInput } from './account-schemas';
import type { Actor } from './queries';
import { retireTokens } from './tokens';
import { sendVerificationMail } from './verification-mail';

// The account page's writes. Each acts on the signed-in customer's own account and profile only: the
// ids come from the actor, never from the form.

function ownProfile(actor: Actor): number {
  if (actor.role !== 'customer' || actor.customerId === null) throw new DomainError('forbidden');
  return actor.customerId;
}

/** Name (account and profile) and phone (E.164, or cleared). */
export async function updateOwnProfile(db: DbOrTx, input: UpdateProfileInput, actor: Actor, now = new Date()): Promise<void> {
  const customerId = ownProfile(actor);
  await db.transaction(async (tx) => {
    await tx.update(customers).set({ name: input.name, phone: input.phone ?? null, updatedAt: now }).where(eq(customers.id, customerId));
    await tx.update(users).set({ name: input.name, updatedAt: now }).where(eq(users.id, actor.userId));
  });
}

async function checkPassword(db: DbOrTx, userId: number, password: string): Promise<void> {
  const [row] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId));
  if (!row || !(await verifyPassword(password, row.hash))) throw new DomainError('currentPasswordWrong', {}, 'currentPassword');
}

/**
 * A new sign-in address, with the current password. The account's address changes at once but is
 * unproven again (emailVerifiedAt cleared; older links retired) and a verification link goes to the new
 * address. The profile keeps its proven address until that link is used: only then does the new one
 * reach the profile (or claim a profile that already has it) — see verifyEmailToken.
 */
export async function changeOwnEmail(
  db: DbOrTx,
  input: ChangeEmailInput & { locale: Locale },
  actor: Actor,
  now = new Date(),
): Promise<'changed' | 'unchanged'> {
  ownProfile(actor);
  await checkPassword(db, actor.userId, input.currentPassword);
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select({ email: users.email, name: users.name, customerId: users.customerId })
      .from(users)
      .where(eq(users.id, actor.userId))
      .for('update');
    if (!user) throw new DomainError('notFound');
    if (user.email === input.email) return 'unchanged';
    const [taken] = await tx.select({ id: users.id }).from(users).where(and(eq(users.email, input.email), ne(users.id, actor.userId)));
    if (taken) throw new DomainError('emailTaken', {}, 'email');
    const [updated] = await tx
      .update(users)
      .set({ email: input.email, emailVerifiedAt: null, updatedAt: now })
      .where(eq(users.id, actor.userId))
      .returning({ id: users.id });
    // (A parallel sign-up taking the address between check and update is stopped by the unique index.)
    if (!updated) throw new DomainError('notFound');
    await retireTokens(tx, actor.userId, ['verify_email', 'claim_profile'], now);
    const [other] = await tx
      .select({ id: customers.id })
      .from(customers)
      .where(and(eq(customers.email, input.email), user.customerId === null ? undefined : ne(customers.id, user.customerId)));
    await sendVerificationMail(
      tx,
      { userId: actor.userId, email: input.email, name: user.name, purpose: other ? 'claim_profile' : 'verify_email', locale: input.locale, customerId: user.customerId },
      now,
    );
    return 'changed';
  });
}

/**
 * A new password, with the current one. The session version is bumped, so every other session of the
 * account (another device, a copied cookie) ends at once; the caller signs this browser in again.
 */
export async function changeOwnPassword(db: DbOrTx, input: ChangePasswordInput, actor: Actor, now = new Date()): Promise<void> {
  ownProfile(actor);
  await checkPassword(db, actor.userId, input.currentPassword);
  const passwordHash = await hashPassword(input.password);
  await db
    .update(users)
    .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: now })
    .where(eq(users.id, actor.userId));
}

/**
 * Notification channels, preferred store (a store, not the warehouse), language (profile and account:
 * messages are written in it) and marketing consent.
 */
export async function updateOwnPreferences(db: DbOrTx, input: PreferencesInput, actor: Actor, now = new Date()): Promise<void> {
  const customerId = ownProfile(actor);
  await db.transaction(async (tx) => {
    if (input.preferredLocationId !== undefined) {
      const [store] = await tx
        .select({ id: locations.id })
        .from(locations)
        .where(and(eq(locations.id, input.preferredLocationId), eq(locations.kind, 'store')));
      if (!store) throw new DomainError('notFound', {}, 'preferredLocationId');
    }
    await tx
      .update(customers)
      .set({
        notifyByEmail: input.notifyByEmail,
        notifyBySms: input.notifyBySms,
        marketingOptIn: input.marketingOptIn,
        preferredLocationId: input.preferredLocationId ?? null,
        locale: input.locale,
        updatedAt: now,
      })
      .where(eq(customers.id, customerId));
    await tx.update(users).set({ locale: input.locale, updatedAt: now }).where(eq(users.id, actor.userId));
  });
}
