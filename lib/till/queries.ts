import 'server-only';
import { and, asc, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { tillMovements, tillSessions, users } from '@/db/schema';
import { getExpectedCash, type ExpectedCash } from './cash';

const sessionColumns = {
  id: tillSessions.id,
  locationId: tillSessions.locationId,
  tillName: tillSessions.tillName,
  status: tillSessions.status,
  openingFloatCents: tillSessions.openingFloatCents,
  openedAt: tillSessions.openedAt,
  closedAt: tillSessions.closedAt,
  expectedCashCents: tillSessions.expectedCashCents,
  countedCashCents: tillSessions.countedCashCents,
  denominations: tillSessions.denominations,
  closingNote: tillSessions.closingNote,
  openedByName: users.name,
};

export type TillSessionDto = Awaited<ReturnType<typeof listTillSessions>>[number];

/** The store's till sessions, open ones first, then the latest closed ones. */
export function listTillSessions(db: DbOrTx, locationId: number, limit = 20) {
  return db
    .select(sessionColumns)
    .from(tillSessions)
    .leftJoin(users, eq(users.id, tillSessions.openedByUserId))
    .where(eq(tillSessions.locationId, locationId))
    .orderBy(desc(tillSessions.status), desc(tillSessions.openedAt))
    .limit(limit);
}

/** One session of the store (null for another store's: clerks see only their own store's tills). */
export async function getTillSession(db: DbOrTx, id: number, locationId: number): Promise<TillSessionDto | null> {
  const [row] = await db
    .select(sessionColumns)
    .from(tillSessions)
    .leftJoin(users, eq(users.id, tillSessions.openedByUserId))
    .where(and(eq(tillSessions.id, id), eq(tillSessions.locationId, locationId)));
  return row ?? null;
}

/** A session with its cash movements and the cash it should hold (live while open, as stored once closed). */
export async function getTillSessionDetail(db: DbOrTx, id: number, locationId: number) {
  const session = await getTillSession(db, id, locationId);
  if (!session) return null;
  const [movements, expected] = await Promise.all([
    db
      .select({
        id: tillMovements.id,
        kind: tillMovements.kind,
        amountCents: tillMovements.amountCents,
        reason: tillMovements.reason,
        createdAt: tillMovements.createdAt,
        actorName: users.name,
      })
      .from(tillMovements)
      .leftJoin(users, eq(users.id, tillMovements.actorUserId))
      .where(eq(tillMovements.tillSessionId, id))
      .orderBy(asc(tillMovements.createdAt), asc(tillMovements.id)),
    getExpectedCash(db, id) as Promise<ExpectedCash>,
  ]);
  return { session, movements, expected };
}

export type TillSessionDetail = NonNullable<Awaited<ReturnType<typeof getTillSessionDetail>>>;
