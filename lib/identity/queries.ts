import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { users, type UserRole } from '@/db/schema';

/** What the app knows about a signed-in person, read fresh from the database on every request. */
export interface Actor {
  userId: number;
  role: UserRole;
  email: string;
  name: string;
  /** The clerk's store (null for customers and admins). */
  locationId: number | null;
  customerId: number | null;
  sessionVersion: number;
}

const actorColumns = {
  userId: users.id,
  role: users.role,
  email: users.email,
  name: users.name,
  locationId: users.locationId,
  customerId: users.customerId,
  sessionVersion: users.sessionVersion,
};

/** The enabled account with that id (role, store and profile as they are now), or null. */
export async function getActiveActor(db: DbOrTx, userId: number): Promise<Actor | null> {
  const [row] = await db
    .select(actorColumns)
    .from(users)
    .where(and(eq(users.id, userId), eq(users.disabled, false)));
  return row ?? null;
}

/**
 * The actor a session token stands for, or null when the account is disabled or the token is older
 * than the account's session version (bumped on sign-out, role, store or password change).
 */
export async function getSessionActor(db: DbOrTx, claim: { userId: number; sessionVersion: number | undefined }): Promise<Actor | null> {
  const actor = await getActiveActor(db, claim.userId);
  return actor && actor.sessionVersion === claim.sessionVersion ? actor : null;
}

/** The user with that email and their hash, for the credentials check only. Never leaves the server. */
export async function getCredentials(db: DbOrTx, email: string) {
  const [row] = await db
    .select({ ...actorColumns, passwordHash: users.passwordHash, disabled: users.disabled })
    .from(users)
    .where(eq(users.email, email));
  return row ?? null;
}

/** Whether the account proved it receives mail at its address (for the account page's hint). */
export async function isEmailVerified(db: DbOrTx, userId: number): Promise<boolean> {
  const [row] = await db.select({ at: users.emailVerifiedAt }).from(users).where(eq(users.id, userId));
  return !!row?.at;
}
