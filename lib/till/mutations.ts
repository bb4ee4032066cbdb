import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { carts, tillMovements, tillSessions } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import { getExpectedCash } from './cash';
import { countedCents, type CloseTillInput } from './schemas';

/** Postgres' unique_violation, from either driver (postgres.js or PGlite), possibly wrapped by drizzle. */
function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) {
    if (e.code === '23505') return true;
  }
  return false;
}

/**
 * Opens a till session at `locationId` with an opening float. One open session per till name and store
 * (a partial unique index decides, also when two tablets open "Till 1" at the same moment: the second
 * gets DomainError('till.alreadyOpen') on the till name).
 */
export async function openTillSession(
  db: DbOrTx,
  input: { locationId: number; tillName: string; openingFloatCents: number },
  actor: Actor,
): Promise<{ id: number; tillName: string }> {
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(tillSessions)
        .values({ locationId: input.locationId, tillName: input.tillName, openingFloatCents: input.openingFloatCents, openedByUserId: actor.userId })
        .returning({ id: tillSessions.id, tillName: tillSessions.tillName });
      // A cart the clerk rings up without a till is left alone: it may be another tablet's (one login,
      // two tablets), and this tablet starts with the till's own, empty cart.
      await recordAudit(tx, actor, {
        action: 'till.opened',
        entityType: 'till_session',
        entityId: row.id,
        summary: `${row.tillName} opened with a float of ${input.openingFloatCents} cents`,
        after: { tillName: row.tillName, locationId: input.locationId, openingFloatCents: input.openingFloatCents },
      });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError('till.alreadyOpen', { till: input.tillName }, 'tillName');
    throw error;
  }
}

/** The open session `id` at `locationId`, locked for the rest of the transaction, or a DomainError. */
async function lockOpenSession(tx: DbOrTx, id: number, locationId: number) {
  const [session] = await tx
    .select({ id: tillSessions.id, tillName: tillSessions.tillName, status: tillSessions.status })
    .from(tillSessions)
    .where(and(eq(tillSessions.id, id), eq(tillSessions.locationId, locationId)))
    .for('update');
  if (!session) throw new DomainError('notFound');
  if (session.status !== 'open') throw new DomainError('till.closed');
  return session;
}

/**
 * Cash put into (change from the bank) or taken out of (a deposit) an open till, with a reason. Taking
 * out more than the drawer should hold is refused on the amount.
 */
export async function recordCashMovement(
  db: DbOrTx,
  input: { tillSessionId: number; locationId: number; kind: 'cash_in' | 'cash_out'; amountCents: number; reason: string },
  actor: Actor,
): Promise<{ id: number }> {
  return db.transaction(async (tx) => {
    const session = await lockOpenSession(tx, input.tillSessionId, input.locationId);
    if (input.kind === 'cash_out') {
      const expected = await getExpectedCash(tx, session.id);
      if (!expected || input.amountCents > expected.expectedCents) {
        throw new DomainError('till.notEnoughCash', { amount: input.amountCents }, 'amount');
      }
    }
    const [row] = await tx
      .insert(tillMovements)
      .values({ tillSessionId: session.id, kind: input.kind, amountCents: input.amountCents, reason: input.reason, actorUserId: actor.userId })
      .returning({ id: tillMovements.id });
    await recordAudit(tx, actor, {
      action: input.kind === 'cash_in' ? 'till.cash_in' : 'till.cash_out',
      entityType: 'till_session',
      entityId: session.id,
      summary: `${session.tillName}: ${input.kind === 'cash_in' ? 'cash in' : 'cash out'} ${input.amountCents} cents — ${input.reason}`,
      after: { kind: input.kind, amountCents: input.amountCents, reason: input.reason },
    });
    return row;
  });
}

export interface ClosedTill {
  id: number;
  tillName: string;
  expectedCents: number;
  countedCents: number;
  /** counted − expected: negative when cash is missing. */
  differenceCents: number;
}

/**
 * Closes an open till with the count per denomination: stores expected (from the ledger, with the
 * session locked so nothing lands in between) and counted cash. Closing twice is DomainError('till.closed').
 */
export async function closeTillSession(
  db: DbOrTx,
  input: CloseTillInput & { tillSessionId: number; locationId: number },
  actor: Actor,
): Promise<ClosedTill> {
  return db.transaction(async (tx) => {
    // A sale left in the cart stays with its clerk, without a till, until a till is opened again.
    // Carts first, then the session: a sale locks its cart, then the session (bookPaymentsOnTill), so
    // the same order here cannot deadlock; a wrong or closed session rolls this back.
    await tx
      .update(carts)
      .set({ tillSessionId: null })
      .where(and(eq(carts.tillSessionId, input.tillSessionId), eq(carts.status, 'open')));
    const session = await lockOpenSession(tx, input.tillSessionId, input.locationId);
    const expected = await getExpectedCash(tx, session.id);
    if (!expected) throw new DomainError('notFound');
    const counted = countedCents(input.denominations);
    await tx
      .update(tillSessions)
      .set({
        status: 'closed',
        closedAt: new Date(),
        closedByUserId: actor.userId,
        expectedCashCents: expected.expectedCents,
        countedCashCents: counted,
        denominations: input.denominations,
        closingNote: input.closingNote,
        updatedAt: new Date(),
      })
      .where(eq(tillSessions.id, session.id));
    await recordAudit(tx, actor, {
      action: 'till.closed',
      entityType: 'till_session',
      entityId: session.id,
      summary: `${session.tillName} closed: expected ${expected.expectedCents}, counted ${counted} cents`,
      before: { status: 'open' },
      after: { status: 'closed', expectedCashCents: expected.expectedCents, countedCashCents: counted, denominations: input.denominations },
    });
    return { id: session.id, tillName: session.tillName, expectedCents: expected.expectedCents, countedCents: counted, differenceCents: counted - expected.expectedCents };
  });
}
