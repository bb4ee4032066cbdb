import { and, eq, gt, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { customers, signInAttempts, users, type UserRole } from '@/db/schema';

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

export async function getActiveActor(db: DbOrTx, userId: number): Promise<Actor | null> {
  const [row] = await db
    .select(actorColumns)
    .from(users)
    .where(and(eq(users.id, userId), eq(users.disabled, false)));
  return row ?? null;
}

/** The user with that email and their hash, for the credentials check only. Never leaves the server. */
export async function getCredentials(db: DbOrTx, email: string) {
  const [row] = await db
    .select({ ...actorColumns, passwordHash: users.passwordHash, disabled: users.disabled })
    .from(users)
    .where(eq(users.email, email));
  return row ?? null;
}

export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
export const SIGN_IN_MAX_FAILURES = 10;

export async function countRecentFailures(db: DbOrTx, key: string, now = new Date()): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.key, key), gt(signInAttempts.attemptedAt, new Date(now.getTime() - SIGN_IN_WINDOW_MS))));
  return row?.n ?? 0;
}

export async function findCustomerByEmail(db: DbOrTx, email: string) {
  const [row] = await db.select({ id: customers.id }).from(customers).where(eq(customers.email, email));
  return row ?? null;
}
