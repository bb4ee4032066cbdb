import 'server-only';
import type { DbOrTx } from '@/db/client';
import { getPreferredStoreId } from './account-queries';
import type { Actor } from './queries';

/** The signed-in customer's preferred store id, or null (anonymous visitors and staff have none). */
export async function shopperPreferredStoreId(db: DbOrTx, actor: Actor | null): Promise<number | null> {
  return actor?.role === 'customer' && actor.customerId !== null ? getPreferredStoreId(db, actor.customerId) : null;
}

/** The list with the preferred store first, the rest in their order (availability lists, the store finder). */
export function preferredFirst<T>(items: T[], preferredId: number | null, idOf: (item: T) => number): T[] {
  if (preferredId === null) return items;
  const i = items.findIndex((item) => idOf(item) === preferredId);
  return i <= 0 ? items : [items[i], ...items.slice(0, i), ...items.slice(i + 1)];
}
