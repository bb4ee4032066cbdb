import 'server-only';
import { and, eq } from 'drizzle-orm';
import { cookies } from 'next/headers';
import { unstable_rethrow } from 'next/navigation';
import type { DbOrTx } from '@/db/client';
import { tillSessions, users } from '@/db/schema';
import { setAppCookie } from '@/lib/http/cookies';
import { COUNTER_STORE_COOKIE } from '@/lib/orders/counter-store-cookie';

// The tablet remembers its till session in a cookie, so two tablets on one login each have their own
// till and their own counter cart. The cookie only names a session: it is checked against the database
// (open, at the store the clerk works in) every time it is used.
export const TILL_COOKIE = 'omnishop_till_session';
/** A till session rarely lasts past a day; the cookie outlives a long shift, nothing more. */
const TILL_COOKIE_MAX_AGE_S = 60 * 60 * 24;

/** A cookie's value as a positive id, or null — also outside a request (jobs, scripts, tests). */
async function readIdCookie(name: string): Promise<number | null> {
  let raw: string | undefined;
  try {
    raw = (await cookies()).get(name)?.value;
  } catch (error) {
    unstable_rethrow(error); // prerendering's signals pass through; "outside a request scope" does not
    return null;
  }
  const id = Number(raw);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/** Only in server actions (pages cannot set cookies). */
export async function writeTillCookie(tillSessionId: number | null): Promise<void> {
  if (tillSessionId === null) (await cookies()).delete(TILL_COOKIE);
  else await setAppCookie(TILL_COOKIE, String(tillSessionId), { maxAgeS: TILL_COOKIE_MAX_AGE_S });
}

export interface DeviceTill {
  id: number;
  tillName: string;
  locationId: number;
}

/**
 * This device's open till session for `userId`, or null: none remembered, closed meanwhile, or at
 * another store than the one the user works in now (a clerk's own store; an admin's chosen store).
 */
export async function getDeviceTill(db: DbOrTx, userId: number): Promise<DeviceTill | null> {
  const id = await readIdCookie(TILL_COOKIE);
  if (id === null) return null;
  const [row] = await db
    .select({ id: tillSessions.id, tillName: tillSessions.tillName, locationId: tillSessions.locationId, role: users.role, userLocationId: users.locationId })
    .from(tillSessions)
    .innerJoin(users, eq(users.id, userId))
    .where(and(eq(tillSessions.id, id), eq(tillSessions.status, 'open')));
  if (!row) return null;
  const storeId = row.role === 'clerk' ? row.userLocationId : row.role === 'admin' ? await readIdCookie(COUNTER_STORE_COOKIE) : null;
  if (storeId !== row.locationId) return null;
  return { id: row.id, tillName: row.tillName, locationId: row.locationId };
}
