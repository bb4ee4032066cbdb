import 'server-only';
import { cookies } from 'next/headers';
import type { DbOrTx } from '@/db/client';
import { setAppCookie } from '@/lib/http/cookies';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import type { LocationDto } from '@/lib/locations/queries';
import { resolveCounterStore } from './counter-queries';

import { COUNTER_STORE_COOKIE } from './counter-store-cookie';

// An admin has no store of their own: the store they work in at the counter is kept in a cookie and
// checked against the database on every request (resolveCounterStore); clerks always get their own.
export { COUNTER_STORE_COOKIE };

async function chosenStoreId(): Promise<number | null> {
  const value = Number((await cookies()).get(COUNTER_STORE_COOKIE)?.value);
  return Number.isSafeInteger(value) && value > 0 ? value : null;
}

/** For pages: the counter's store, or null when an admin has not picked one yet. */
export async function getCounterStore(db: DbOrTx, actor: Actor): Promise<LocationDto | null> {
  return resolveCounterStore(db, actor, actor.role === 'admin' ? await chosenStoreId() : null);
}

/** For actions: the counter's store, or DomainError('forbidden') when there is none. */
export async function requireCounterStore(db: DbOrTx, actor: Actor): Promise<LocationDto> {
  const store = await getCounterStore(db, actor);
  if (!store) throw new DomainError('forbidden');
  return store;
}

/** Only in server actions (pages cannot set cookies). */
export async function writeChosenStore(storeId: number | null): Promise<void> {
  if (storeId === null) (await cookies()).delete(COUNTER_STORE_COOKIE);
  else await setAppCookie(COUNTER_STORE_COOKIE, String(storeId), { maxAgeS: 60 * 60 * 24 * 30 });
}
